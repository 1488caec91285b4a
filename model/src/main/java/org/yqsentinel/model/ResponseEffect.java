package org.yqsentinel.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the public said about a case's subject in the hours before a response and in the hours after it (评估):
 * posts, negative posts and their share, and the posts of each emotion. Government accounts' posts are not
 * counted (they are the response and its relays).
 */
public record ResponseEffect(Period before, Period after) {

    public ResponseEffect {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The public's posts from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Period(Instant from, Instant to, long posts, long negative, double negativeShare, Map<String, Long> emotions) {

        public Period {
            emotions = emotions == null ? Map.of() : Map.copyOf(emotions);
        }

        /** Posts per hour over the period. */
        public double postsPerHour() {
            double hours = (to.toEpochMilli() - from.toEpochMilli()) / 3_600_000.0;
            return hours <= 0 ? 0 : posts / hours;
        }
    }

    /** After ÷ before of the posts per hour; null when nobody posted before. */
    public Double volumeRatio() {
        double was = before.postsPerHour();
        return was == 0 ? null : after.postsPerHour() / was;
    }
}
