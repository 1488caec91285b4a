package org.yqsentinel.rules.emerging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many posts named each word, slide by slide of event time: the words' own baselines. Mutable; one for the whole
 * stream (in Flink, the state of the detector's single key), kept for the baseline and the window before it.
 */
public final class WordHistory {

    private final long slide;
    private final TreeMap<Long, Map<String, Integer>> buckets = new TreeMap<>();
    /** Each word's posts over all the slides kept: a count over most of them is this total less the slides left out. */
    private final Map<String, Integer> totals = new HashMap<>();
    /** How many posts each slide counted: the stream's volume. */
    private final TreeMap<Long, Integer> volume = new TreeMap<>();
    private long firstBucket = Long.MAX_VALUE;

    public WordHistory(EmergingRules rules) {
        this.slide = rules.slide().toMillis();
    }

    /** Counts a post's words in the slide of its publish time. */
    public void add(Instant at, List<String> words) {
        long bucket = Math.floorDiv(at.toEpochMilli(), slide);
        firstBucket = Math.min(firstBucket, bucket);
        Map<String, Integer> counts = buckets.computeIfAbsent(bucket, b -> new HashMap<>());
        volume.merge(bucket, 1, Integer::sum);
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
            totals.merge(word, 1, Integer::sum);
        }
    }

    /**
     * The posts that named {@code word} from {@code from} to {@code to} (slide boundaries). A range over most of the
     * slides kept (a baseline) is counted as the total less the slides outside it, so its cost is that of the few slides
     * left out, not of the day.
     */
    public int count(String word, Instant from, Instant to) {
        Map<Long, Map<String, Integer>> range = range(from, to);
        if (2 * range.size() <= buckets.size()) {
            return sum(range.values(), word);
        }
        long lo = Math.floorDiv(from.toEpochMilli(), slide);
        long hi = Math.floorDiv(to.toEpochMilli(), slide);
        return totals.getOrDefault(word, 0) - sum(buckets.headMap(lo).values(), word) - sum(buckets.tailMap(hi).values(), word);
    }

    /** How many posts were counted from {@code from} to {@code to} (slide boundaries), whatever words they named. */
    public int posts(Instant from, Instant to) {
        int posts = 0;
        for (int slidePosts : volume.subMap(Math.floorDiv(from.toEpochMilli(), slide), true, Math.floorDiv(to.toEpochMilli(), slide), false)
                .values()) {
            posts += slidePosts;
        }
        return posts;
    }

    /** How many posts named each word from {@code from} to {@code to} (slide boundaries): a window's counts. */
    public Map<String, Integer> counts(Instant from, Instant to) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Integer> slideCounts : range(from, to).values()) {
            slideCounts.forEach((word, posts) -> counts.merge(word, posts, Integer::sum));
        }
        return counts;
    }

    private static int sum(Iterable<Map<String, Integer>> slides, String word) {
        int posts = 0;
        for (Map<String, Integer> counts : slides) {
            posts += counts.getOrDefault(word, 0);
        }
        return posts;
    }

    /** Since when posts have been seen: the start of the first slide that held one, or null before any. */
    public Instant firstSeen() {
        return firstBucket == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstBucket * slide);
    }

    /** Forgets the slides before {@code at}; their numbers. */
    public List<Long> evictBefore(Instant at) {
        Map<Long, Map<String, Integer>> old = buckets.headMap(Math.floorDiv(at.toEpochMilli(), slide));
        List<Long> gone = new ArrayList<>(old.keySet());
        old.values().forEach(this::subtract);
        old.clear();
        volume.headMap(Math.floorDiv(at.toEpochMilli(), slide)).clear();
        return gone;
    }

    /** One slide's counts, or null when it holds none. */
    public Bucket bucket(long number) {
        Map<String, Integer> counts = buckets.get(number);
        if (counts == null) {
            return null;
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(null);
        return new Bucket(number, words, words.stream().map(counts::get).toList(), volume.getOrDefault(number, 0));
    }

    /** Puts back one slide's counts (from state). */
    public void put(Bucket bucket) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < bucket.words().size(); i++) {
            counts.put(bucket.words().get(i), bucket.posts().get(i));
        }
        Map<String, Integer> replaced = buckets.put(bucket.slide(), counts);
        volume.put(bucket.slide(), bucket.total());
        if (replaced != null) {
            subtract(replaced);
        }
        counts.forEach((word, posts) -> totals.merge(word, posts, Integer::sum));
    }

    private void subtract(Map<String, Integer> counts) {
        counts.forEach((word, posts) -> totals.compute(word, (w, total) -> total == null || total <= posts ? null : total - posts));
    }

    /** Sets the first slide seen (from state). */
    public void firstBucket(long number) {
        firstBucket = number;
    }

    public long firstBucket() {
        return firstBucket;
    }

    /** One slide's counts, for Flink state: each word's posts, and all its posts ({@code total}). */
    public record Bucket(long slide, List<String> words, List<Integer> posts, int total) {
        public Bucket {
            words = List.copyOf(words);
            posts = List.copyOf(posts);
        }
    }

    private Map<Long, Map<String, Integer>> range(Instant from, Instant to) {
        return buckets.subMap(Math.floorDiv(from.toEpochMilli(), slide), true, Math.floorDiv(to.toEpochMilli(), slide), false);
    }
}
