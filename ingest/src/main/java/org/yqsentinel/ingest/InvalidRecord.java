package org.yqsentinel.ingest;

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

    public RejectCode code() {
        return code;
    }
}
