package org.yqsentinel.enrich.sentiment;

import java.util.Arrays;

/**
 * The distinct feature hashes of one text, as {@link SentimentFeatures#extract} reports them: features
 * are binary, so a feature seen twice counts once. An open-addressing set that is emptied in constant
 * time (a slot belongs to the current text when its stamp is the current one) and keeps its arrays
 * from text to text; not thread-safe, each thread uses its own.
 */
final class FeatureHashes implements FeatureSink {

    private long[] slots = new long[1024];
    private int[] stamps = new int[slots.length];
    private int stamp = 1;
    private long[] distinct = new long[slots.length / 2];
    private int size;

    @Override
    public void accept(FeatureKind kind, String chars, int start, int end) {
        add(FeatureHash.update(kind.hash, chars, start, end));
    }

    @Override
    public void accept(FeatureKind kind) {
        add(kind.hash);
    }

    void clear() {
        size = 0;
        if (++stamp == 0) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    int size() {
        return size;
    }

    /** The {@code i}-th distinct hash, in the order they first came. */
    long get(int i) {
        return distinct[i];
    }

    boolean contains(long hash) {
        int mask = slots.length - 1;
        for (int i = FeatureHash.slot(hash, mask); stamps[i] == stamp; i = (i + 1) & mask) {
            if (slots[i] == hash) {
                return true;
            }
        }
        return false;
    }

    private void add(long hash) {
        int mask = slots.length - 1;
        int i = FeatureHash.slot(hash, mask);
        while (stamps[i] == stamp) {
            if (slots[i] == hash) {
                return;
            }
            i = (i + 1) & mask;
        }
        stamps[i] = stamp;
        slots[i] = hash;
        distinct[size++] = hash;
        if (size == distinct.length) {
            grow();
        }
    }

    private void grow() {
        long[] kept = distinct;
        int count = size;
        slots = new long[slots.length * 2];
        stamps = new int[slots.length];
        distinct = new long[slots.length / 2];
        size = 0;
        for (int i = 0; i < count; i++) {
            add(kept[i]);
        }
    }
}
