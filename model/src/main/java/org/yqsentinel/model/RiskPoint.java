package org.yqsentinel.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One point of a policy's (or topic's) risk time series: the score of the window ending at
 * {@code windowEnd}, the tier in force after it (null when none), how many linked posts the window
 * held, and the factors. Indexed in {@code yq-risk-YYYY.MM} under {@link #idOf}, so a replay overwrites.
 */
public record RiskPoint(String id, String subjectId, String subjectTitle, Instant windowStart, Instant windowEnd,
                        double score, Tier tier, long itemCount, List<Factor> factors) {

    public RiskPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(windowEnd, "windowEnd");
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** {@code <subject>/<window end millis>}. */
    public static String idOf(String subjectId, Instant windowEnd) {
        return subjectId + "/" + windowEnd.toEpochMilli();
    }
}
