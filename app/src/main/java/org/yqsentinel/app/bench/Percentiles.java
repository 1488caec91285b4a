package org.yqsentinel.app.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample: p99 of 40 values is the 40th smallest, never an interpolation. */
record Percentiles(long[] sorted) {

    static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Percentiles(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value with at least {@code percent} % of the sample at or below it. */
    long at(double percent) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], not " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return at(100);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Percentiles p && Arrays.equals(sorted, p.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return "Percentiles" + Arrays.toString(sorted);
    }
}
