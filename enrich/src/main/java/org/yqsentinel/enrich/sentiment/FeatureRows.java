package org.yqsentinel.enrich.sentiment;

import java.util.Map;
import org.yqsentinel.enrich.KnownKeys;

/**
 * A weight per class for each feature, keyed by the {@link FeatureHash} of the feature's name: an
 * open-addressing table at most half full whose slots hold the hash and the row of weights side by side,
 * so scoring a feature costs one probe into one place in memory (most features of a post are known to the
 * model, and separate arrays for hashes, row numbers and weights cost three cache misses each), and no
 * string. Two names with the same hash are refused.
 */
final class FeatureRows {

    /** Per slot: the hash's two halves, then the weights' float bits; an empty slot has weight bits of NaN in its first weight. */
    private final int[] table;
    private final int stride;
    private final int classes;
    private final int mask;
    private final KnownKeys known = new KnownKeys();
    private static final int EMPTY = Float.floatToRawIntBits(Float.NaN);

    /** @param weights each feature's weights, one per class, all of length {@code classes} */
    FeatureRows(Map<String, float[]> weights, int classes) {
        this.classes = classes;
        this.stride = classes + 2;
        int slots = Integer.highestOneBit(Math.max(1, weights.size())) * 2;
        if (slots < weights.size() * 2) {
            slots *= 2;
        }
        table = new int[slots * stride];
        mask = slots - 1;
        for (int slot = 0; slot < slots; slot++) {
            table[slot * stride + 2] = EMPTY;
        }
        String[] names = new String[slots];
        for (Map.Entry<String, float[]> weight : weights.entrySet()) {
            String name = weight.getKey();
            float[] values = weight.getValue();
            if (values.length != classes) {
                throw new IllegalArgumentException("feature '" + name + "' has " + values.length + " weights; expected one per class, " + classes);
            }
            for (float value : values) {
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("feature '" + name + "' has weight " + value + "; weights must be finite numbers");
                }
            }
            long hash = FeatureHash.of(name);
            int slot = FeatureHash.slot(hash, mask);
            while (table[slot * stride + 2] != EMPTY) {
                if (hashAt(slot) == hash) {
                    throw new IllegalArgumentException("features '" + names[slot] + "' and '" + name
                            + "' have the same 64-bit hash, so the model cannot tell them apart; drop or rename one of them");
                }
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
            known.add(hash);
            int at = slot * stride;
            table[at] = (int) (hash >>> 32);
            table[at + 1] = (int) hash;
            for (int k = 0; k < classes; k++) {
                table[at + 2 + k] = Float.floatToRawIntBits(values[k]);
            }
        }
    }

    private long hashAt(int slot) {
        int at = slot * stride;
        return ((long) table[at] << 32) | (table[at + 1] & 0xffffffffL);
    }

    /** The slot of the feature with this hash, or -1. */
    private int slotOf(long hash) {
        for (int slot = FeatureHash.slot(hash, mask); table[slot * stride + 2] != EMPTY; slot = (slot + 1) & mask) {
            if (hashAt(slot) == hash) {
                return slot;
            }
        }
        return -1;
    }

    /** Adds {@code scale} times the weights of the feature with this hash to {@code sums}; nothing when the model has none. */
    void addTo(long hash, double scale, double[] sums) {
        if (!known.mayContain(hash)) {
            return;
        }
        int slot = slotOf(hash);
        if (slot >= 0) {
            int at = slot * stride + 2;
            for (int k = 0; k < classes; k++) {
                sums[k] += Float.intBitsToFloat(table[at + k]) * scale;
            }
        }
    }

    /** The weights of the feature with this hash, or null. */
    float[] get(long hash) {
        int slot = slotOf(hash);
        if (slot < 0) {
            return null;
        }
        float[] row = new float[classes];
        for (int k = 0; k < classes; k++) {
            row[k] = Float.intBitsToFloat(table[slot * stride + 2 + k]);
        }
        return row;
    }
}
