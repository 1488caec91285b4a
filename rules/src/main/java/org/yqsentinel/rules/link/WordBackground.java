package org.yqsentinel.rules.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * How common each word is in the recent stream of posts, for TF-IDF: the number of posts that use it,
 * over the last {@code days} days of event time (whole UTC days; a day older than that is forgotten when
 * a newer one begins). Not thread-safe: one per task, as Flink keyed or operator state.
 */
public final class WordBackground {

    private final int days;
    private final TreeMap<Long, Map<String, Integer>> byDay = new TreeMap<>();
    private final TreeMap<Long, Integer> postsByDay = new TreeMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int posts;
    private long version;

    public WordBackground(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("the background must span at least one day, not " + days);
        }
        this.days = days;
    }

    /** Counts a post published at {@code at} with these words (each counted once). */
    public void observe(Instant at, Collection<String> words) {
        long day = at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        if (!byDay.isEmpty() && day <= byDay.lastKey() - days) {
            return;  // older than the span kept: it would be forgotten at once
        }
        Map<String, Integer> counts = byDay.computeIfAbsent(day, d -> new HashMap<>());
        for (String word : new HashSet<>(words)) {
            counts.merge(word, 1, Integer::sum);
            documentFrequency.merge(word, 1, Integer::sum);
        }
        postsByDay.merge(day, 1, Integer::sum);
        if (Integer.bitCount(++posts) == 1) {
            version++;  // the weights have moved enough to look at them again: 1, 2, 4, 8 … posts
        }
        while (byDay.firstKey() <= byDay.lastKey() - days) {
            forget(byDay.firstKey());
        }
    }

    private void forget(long day) {
        byDay.remove(day).forEach((word, count) -> documentFrequency.computeIfPresent(word, (w, c) -> c - count == 0 ? null : c - count));
        posts -= postsByDay.remove(day);
        version++;
    }

    /** Smoothed inverse document frequency: rarer words weigh more; a word never seen weighs most. */
    public double idf(String word) {
        return Math.log((1.0 + posts) / (1.0 + documentFrequency.getOrDefault(word, 0))) + 1;
    }

    /** The posts counted now. */
    public int posts() {
        return posts;
    }

    /** The background as bytes, for a checkpoint. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(days);
            out.writeLong(version);
            out.writeInt(byDay.size());
            for (Map.Entry<Long, Map<String, Integer>> day : byDay.entrySet()) {
                out.writeLong(day.getKey());
                out.writeInt(postsByDay.get(day.getKey()));
                out.writeInt(day.getValue().size());
                for (Map.Entry<String, Integer> word : day.getValue().entrySet()) {
                    out.writeUTF(word.getKey());
                    out.writeInt(word.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A background from the bytes of {@link #toBytes}. */
    public static WordBackground fromBytes(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            WordBackground background = new WordBackground(in.readInt());
            background.version = in.readLong();
            for (int d = in.readInt(); d > 0; d--) {
                long day = in.readLong();
                int dayPosts = in.readInt();
                Map<String, Integer> counts = new HashMap<>();
                for (int w = in.readInt(); w > 0; w--) {
                    String word = in.readUTF();
                    int count = in.readInt();
                    counts.put(word, count);
                    background.documentFrequency.merge(word, count, Integer::sum);
                }
                background.byDay.put(day, counts);
                background.postsByDay.put(day, dayPosts);
                background.posts += dayPosts;
            }
            return background;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes when the weights may have moved: when a day is forgotten and when the count of posts doubles. */
    public long version() {
        return version;
    }
}
