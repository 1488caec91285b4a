package org.yqsentinel.pipeline.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yqsentinel.model.text.SimHash;

/**
 * Finding the original a post copies, among all earlier posts, without comparing it to each of them.
 * A fingerprint is split into {@link #BANDS} bands of 16 bits; two fingerprints within
 * {@link SimHash#COPY_DISTANCE} bits agree exactly on at least one band (pigeonhole), so only posts
 * sharing a band value need comparing. The original is the earliest published match (ties: smaller id).
 */
public final class CopyIndex {

    public static final int BANDS = 4;
    /** Fingerprints kept per band value; the oldest go first beyond it. */
    public static final int MAX_PER_BAND = 500;

    private static final int BAND_BITS = 64 / BANDS;

    private CopyIndex() {}

    /** A post as the index remembers it. */
    public record Seen(String itemId, long fingerprint, long publishedAtMillis) {}

    /** The band keys of a fingerprint: {@code 0:1a2b}, {@code 1:…}, one per band. */
    public static List<String> bandKeys(long fingerprint) {
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long value = (fingerprint >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1);
            keys.add(band + ":" + Long.toHexString(value));
        }
        return keys;
    }

    /** The earliest post of the bucket that {@code post} copies: close enough and published no later. */
    public static Optional<Seen> original(Iterable<Seen> bucket, Seen post) {
        Seen best = null;
        for (Seen earlier : bucket) {
            if (earlier.itemId().equals(post.itemId()) || !before(earlier, post)
                    || SimHash.distance(earlier.fingerprint(), post.fingerprint()) > SimHash.COPY_DISTANCE) {
                continue;
            }
            if (best == null || before(earlier, best)) {
                best = earlier;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The earlier of two candidate originals, by the same order as {@link #original}. */
    public static Seen earlier(Seen a, Seen b) {
        return a == null ? b : b == null ? a : before(a, b) ? a : b;
    }

    /** The bucket with {@code post} added, the oldest dropped beyond {@link #MAX_PER_BAND}. */
    public static List<Seen> remember(List<Seen> bucket, Seen post) {
        List<Seen> updated = new ArrayList<>(bucket);
        if (updated.stream().noneMatch(s -> s.itemId().equals(post.itemId()))) {
            updated.add(post);
        }
        if (updated.size() > MAX_PER_BAND) {
            updated.sort(Comparator.comparingLong(Seen::publishedAtMillis).thenComparing(Seen::itemId));
            return new ArrayList<>(updated.subList(updated.size() - MAX_PER_BAND, updated.size()));
        }
        return updated;
    }

    private static boolean before(Seen a, Seen b) {
        return a.publishedAtMillis() < b.publishedAtMillis()
                || a.publishedAtMillis() == b.publishedAtMillis() && a.itemId().compareTo(b.itemId()) < 0;
    }
}
