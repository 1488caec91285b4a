package org.yqsentinel.enrich.sentiment;

import java.util.Map;
import org.yqsentinel.enrich.KnownKeys;

/**
 * The model's weights keyed by the {@link FeatureHash} of each feature's name: an open-addressing
 * table at most half full whose key and weight share one cache line, so scoring a feature costs one
 * memory access and no string. Two names with the same hash are refused with both names.
 */
final class FeatureWeights {

    /** Marks an empty slot in place of a weight; weights are finite, so no weight has these bits. */
    private static final long EMPTY = Double.doubleToRawLongBits(Double.NaN);

    /** Pairs of (hash, weight bits). */
    private final long[] table;
    private final int mask;
    private final KnownKeys known = new KnownKeys();

    FeatureWeights(Map<String, Double> weights) {
        int slots = Integer.highestOneBit(Math.max(1, weights.size())) * 4;
        table = new long[2 * slots];
        mask = slots - 1;
        for (int i = 1; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
        String[] names = new String[slots];
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            String name = weight.getKey();
            double value = weight.getValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("feature '" + name + "' has weight " + value + "; weights must be finite numbers");
            }
            long hash = FeatureHash.of(name);
            int slot = FeatureHash.slot(hash, mask);
            while (table[2 * slot + 1] != EMPTY) {
                if (table[2 * slot] == hash) {
                    throw new IllegalArgumentException("features '" + names[slot] + "' and '" + name
                            + "' have the same 64-bit hash, so the model cannot tell them apart; drop or rename one of them");
                }
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
            known.add(hash);
            table[2 * slot] = hash;
            table[2 * slot + 1] = Double.doubleToRawLongBits(value);
        }
    }

    /** The weight of the feature with this hash, 0 when the model has none. */
    double get(long hash) {
        if (!known.mayContain(hash)) {
            return 0;
        }
        for (int slot = FeatureHash.slot(hash, mask); ; slot = (slot + 1) & mask) {
            long bits = table[2 * slot + 1];
            if (bits == EMPTY) {
                return 0;
            }
            if (table[2 * slot] == hash) {
                return Double.longBitsToDouble(bits);
            }
        }
    }
}
