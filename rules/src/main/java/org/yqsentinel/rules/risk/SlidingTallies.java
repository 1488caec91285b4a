package org.yqsentinel.rules.risk;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yqsentinel.model.EnrichedItem;

/**
 * One policy's linked posts in slide-sized buckets of event time, from which every sliding window and
 * its baseline are merged: a post is counted once, in its bucket, not once per window that covers it.
 * A window ending at {@code end} covers the buckets of {@code [end - size, end)}; its baseline the
 * {@code baseline} before that, as posts per window length. Buckets older than any window still to
 * come can be evicted. Mutable; one per policy (in Flink, keyed state).
 */
public final class SlidingTallies {

    private final long slide;
    private final long size;
    private final long recent;
    private final long baseline;
    private final TreeMap<Long, WindowTally> buckets = new TreeMap<>();

    public SlidingTallies(RiskRules.Windows windows) {
        this.slide = windows.slide().toMillis();
        this.size = windows.size().toMillis();
        this.recent = windows.recent().toMillis();
        this.baseline = windows.baseline().toMillis();
    }

    /** Counts a linked post in the bucket of its publish time. */
    public void add(Instant at, EnrichedItem post, Set<String> watchWords, Set<String> sensitiveTopics) {
        buckets.computeIfAbsent(bucketOf(at), b -> new WindowTally()).add(post, watchWords, sensitiveTopics);
    }

    /** The bucket (slide number since the epoch) an event time falls in. */
    public long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), slide);
    }

    /** Puts back a bucket kept elsewhere (Flink state) under its slide number. */
    public void put(long bucket, WindowTally tally) {
        buckets.put(bucket, tally);
    }

    /** The tally of the window ending at {@code end} (a slide boundary). */
    public WindowTally window(Instant end) {
        WindowTally window = new WindowTally();
        for (WindowTally bucket : range(end.toEpochMilli() - size, end.toEpochMilli()).values()) {
            window.merge(bucket);
        }
        return window;
    }

    /** The posts of the buckets from the one {@code from} falls in up to the one {@code to} falls in (not included). */
    public WindowTally between(Instant from, Instant to) {
        WindowTally period = new WindowTally();
        for (WindowTally bucket : range(from.toEpochMilli(), to.toEpochMilli()).values()) {
            period.merge(bucket);
        }
        return period;
    }

    /** The public posts of the latest part of the window ending at {@code end}, as posts per window length. */
    public double recentPerWindow(Instant end) {
        long posts = 0;
        for (WindowTally bucket : range(end.toEpochMilli() - recent, end.toEpochMilli()).values()) {
            posts += bucket.posts();
        }
        return posts / ((double) recent / size);
    }

    /** The baseline before the window ending at {@code end}, as posts per window length. */
    public double baselinePerWindow(Instant end) {
        long windowStart = end.toEpochMilli() - size;
        long posts = 0;
        for (WindowTally bucket : range(windowStart - baseline, windowStart).values()) {
            posts += bucket.posts();
        }
        return posts / ((double) baseline / size);
    }

    /** Forgets the buckets no window ending at or after {@code end} needs. */
    public void evictBefore(Instant end) {
        buckets.headMap(Math.floorDiv(end.toEpochMilli() - size - baseline, slide)).clear();
    }

    /** True when no post is counted. */
    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** True when the window ending at {@code end} holds a post. */
    public boolean anyIn(Instant end) {
        return !range(end.toEpochMilli() - size, end.toEpochMilli()).isEmpty();
    }

    /** The first slide boundary after {@code at}: the end of the first window that covers it. */
    public Instant nextWindowEnd(Instant at) {
        return Instant.ofEpochMilli((Math.floorDiv(at.toEpochMilli(), slide) + 1) * slide);
    }

    private Map<Long, WindowTally> range(long fromMillis, long toMillis) {
        return buckets.subMap(Math.floorDiv(fromMillis, slide), true, Math.floorDiv(toMillis, slide), false);
    }
}
