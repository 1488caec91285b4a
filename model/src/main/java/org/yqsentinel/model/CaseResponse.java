package org.yqsentinel.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An official response a department gave to a case (回应): when, through which channel, where to read it or its
 * words, and who recorded it; {@code effect} is null until the job has measured what followed it.
 */
public record CaseResponse(Instant at, String by, String channel, String url, String text, Instant recordedAt,
                           ResponseEffect effect) {

    public CaseResponse {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(channel, "channel");
    }

    public CaseResponse withEffect(ResponseEffect measured) {
        return new CaseResponse(at, by, channel, url, text, recordedAt, measured);
    }
}
