package org.yqsentinel.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Thrown by adapters and their helpers when a record cannot become a canonical record; carries
 * the code and the reason a person can act on. Expected, so it has no stack trace.
 */
public final class InvalidRecord extends RuntimeException {

    private final RejectCode code;

    public InvalidRecord(RejectCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** A record that is not JSON, with the parser's first line of explanation and where it stopped. */
    public static InvalidRecord notJson(JsonProcessingException e) {
        return new InvalidRecord(RejectCode.NOT_JSON, "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }

    public RejectCode code() {
        return code;
    }
}
