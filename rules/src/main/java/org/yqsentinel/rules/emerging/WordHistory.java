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
    private long firstBucket = Long.MAX_VALUE;

    public WordHistory(EmergingRules rules) {
        this.slide = rules.slide().toMillis();
    }

    /** Counts a post's words in the slide of its publish time. */
    public void add(Instant at, List<String> words) {
        long bucket = Math.floorDiv(at.toEpochMilli(), slide);
        firstBucket = Math.min(firstBucket, bucket);
        Map<String, Integer> counts = buckets.computeIfAbsent(bucket, b -> new HashMap<>());
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
        }
    }

    /** The posts that named {@code word} from {@code from} to {@code to} (slide boundaries). */
    public int count(String word, Instant from, Instant to) {
        int posts = 0;
        for (Map<String, Integer> counts : range(from, to).values()) {
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
        old.clear();
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
        return new Bucket(number, words, words.stream().map(counts::get).toList());
    }

    /** Puts back one slide's counts (from state). */
    public void put(Bucket bucket) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < bucket.words().size(); i++) {
            counts.put(bucket.words().get(i), bucket.posts().get(i));
        }
        buckets.put(bucket.slide(), counts);
    }

    /** Sets the first slide seen (from state). */
    public void firstBucket(long number) {
        firstBucket = number;
    }

    public long firstBucket() {
        return firstBucket;
    }

    /** One slide's counts, for Flink state. */
    public record Bucket(long slide, List<String> words, List<Integer> posts) {
        public Bucket {
            words = List.copyOf(words);
            posts = List.copyOf(posts);
        }
    }

    private Map<Long, Map<String, Integer>> range(Instant from, Instant to) {
        return buckets.subMap(Math.floorDiv(from.toEpochMilli(), slide), true, Math.floorDiv(to.toEpochMilli(), slide), false);
    }
}
