package org.yqsentinel.report.brief;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.yqsentinel.model.Zones;

/**
 * The time axis of a brief: equal buckets in Beijing time from the bucket of the first instant to that of the last,
 * hourly when that makes at most {@value #MAX_BUCKETS} buckets, else 3, 6 or 12 hours or whole days, so a chart stays
 * readable on an A4 page. Buckets of hours start on Beijing hours that divide the day; buckets of days at Beijing
 * midnight.
 *
 * @param start where bucket 0 starts
 * @param step  how long each bucket is
 * @param count how many buckets there are; 0 when there was nothing to place
 */
public record TimeBuckets(Instant start, Duration step, int count) {

    /** The most buckets a brief draws. */
    public static final int MAX_BUCKETS = 96;

    private static final List<Integer> STEP_HOURS = List.of(1, 3, 6, 12, 24);

    /** The buckets from the first to the last of these instants; none when there are none. */
    public static TimeBuckets covering(Collection<Instant> instants) {
        Instant first = instants.stream().min(Instant::compareTo).orElse(null);
        Instant last = instants.stream().max(Instant::compareTo).orElse(null);
        if (first == null) {
            return new TimeBuckets(Instant.EPOCH, Duration.ofHours(1), 0);
        }
        for (int hours : STEP_HOURS) {
            TimeBuckets buckets = of(first, last, hours);
            if (buckets.count() <= MAX_BUCKETS) {
                return buckets;
            }
        }
        for (long days = Math.max(2, Duration.between(first, last).toDays() / MAX_BUCKETS); ; days++) {
            TimeBuckets buckets = of(first, last, Math.toIntExact(days * 24));
            if (buckets.count() <= MAX_BUCKETS) {
                return buckets;
            }
        }
    }

    private static TimeBuckets of(Instant first, Instant last, int stepHours) {
        LocalDateTime local = LocalDateTime.ofInstant(first, Zones.BEIJING).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime aligned = stepHours >= 24 ? local.truncatedTo(ChronoUnit.DAYS)
                : local.withHour(local.getHour() / stepHours * stepHours);
        Instant start = aligned.atZone(Zones.BEIJING).toInstant();
        Duration step = Duration.ofHours(stepHours);
        long count = Duration.between(start, last).toMillis() / step.toMillis() + 1;
        return new TimeBuckets(start, step, (int) Math.min(count, Integer.MAX_VALUE));
    }

    /** The bucket that holds this instant, or -1 when it falls outside them all. */
    public int indexOf(Instant at) {
        if (count == 0 || at.isBefore(start) || !at.isBefore(end())) {
            return -1;
        }
        return (int) (Duration.between(start, at).toMillis() / step.toMillis());
    }

    /** Where bucket {@code index} starts; {@code startOf(count)} is the end of the last. */
    public Instant startOf(int index) {
        return start.plus(step.multipliedBy(index));
    }

    /** The end of the last bucket (excluded). */
    public Instant end() {
        return startOf(count);
    }

    /** True when the buckets are whole days, so a label needs no time of day. */
    public boolean inDays() {
        return step.toHours() % 24 == 0;
    }
}
