package org.yqsentinel.connect;

import java.time.Duration;

/**
 * Exponential backoff: the wait after the n-th failure in a row is {@code first} doubled n − 1 times, at most
 * {@code max}. The one rule for every retry in Sentinel (bulk requests to Elasticsearch, the alerting service's
 * reconnects, deliveries that failed).
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 ≤ first ≤ max, got first " + first + " and max " + max);
        }
    }

    public static Backoff ofMillis(long first, long max) {
        return new Backoff(Duration.ofMillis(first), Duration.ofMillis(max));
    }

    /** The wait after {@code failures} failures in a row (1 for the first failure). */
    public Duration after(int failures) {
        if (failures <= 1) {
            return first;
        }
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }
}
