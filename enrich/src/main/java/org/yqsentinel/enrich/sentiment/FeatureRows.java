package org.yqsentinel.enrich.sentiment;

import java.util.Map;
import org.yqsentinel.enrich.KnownKeys;

/**
 * A weight per class for each feature, keyed by the {@link FeatureHash} of the feature's name: an
 * open-addressing table at most a quarter full from hash to row, and the rows in one array, so scoring
 * a feature costs a probe and one row read, no string. Two names with the same hash are refused.
 */
final class FeatureRows {

    private final long[] hashes;
    /** Row index + 1 per slot; 0 for an empty slot. */
    private final int[] rows;
    private final float[] weights;
    private final int classes;
    private final int mask;
    private final KnownKeys known = new KnownKeys();

    /** @param weights each feature's weights, one per class, all of length {@code classes} */
    FeatureRows(Map<String, float[]> weights, int classes) {
        this.classes = classes;
        int slots = Integer.highestOneBit(Math.max(1, weights.size())) * 4;
        hashes = new long[slots];
        rows = new int[slots];
        mask = slots - 1;
        this.weights = new float[weights.size() * classes];
        String[] names = new String[slots];
        int row = 0;
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
            while (rows[slot] != 0) {
                if (hashes[slot] == hash) {
                    throw new IllegalArgumentException("features '" + names[slot] + "' and '" + name
                            + "' have the same 64-bit hash, so the model cannot tell them apart; drop or rename one of them");
                }
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
            known.add(hash);
            hashes[slot] = hash;
            rows[slot] = row + 1;
            System.arraycopy(values, 0, this.weights, row * classes, classes);
            row++;
        }
    }

    /** Adds {@code scale} times the weights of the feature with this hash to {@code sums}; nothing when the model has none. */
    void addTo(long hash, double scale, double[] sums) {
        if (!known.mayContain(hash)) {
            return;
        }
        for (int slot = FeatureHash.slot(hash, mask); rows[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                int offset = (rows[slot] - 1) * classes;
                for (int k = 0; k < classes; k++) {
                    sums[k] += weights[offset + k] * scale;
                }
                return;
            }
        }
    }

    /** The weights of the feature with this hash, or null. */
    float[] get(long hash) {
        for (int slot = FeatureHash.slot(hash, mask); rows[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                int offset = (rows[slot] - 1) * classes;
                return java.util.Arrays.copyOfRange(weights, offset, offset + classes);
            }
        }
        return null;
    }
}
