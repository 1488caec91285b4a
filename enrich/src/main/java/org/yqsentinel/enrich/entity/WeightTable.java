package org.yqsentinel.enrich.entity;

import org.yqsentinel.enrich.KnownKeys;

/**
 * The tagger's feature weights as whole steps of one scale (16 bits, as the model file stores them): half the
 * memory of floats, summed as ints in registers while tagging. A key's row is found behind a 32 KB filter of
 * known keys in a compact open-addressing table (key and row in one {@code long}), small enough to stay in the
 * CPU's cache. Immutable.
 */
final class WeightTable {

    private static final int WIDTH = EntityTagger.MAX_LABELS;

    private final int[] keys;
    private final int labels;
    /** One row of {@link EntityTagger#MAX_LABELS} steps per key (unused labels 0). */
    private final short[] rows;
    private final float step;
    private final KnownKeys known = new KnownKeys();
    /** Open addressing: the key in the high half, its row + 1 in the low half; 0 when empty. */
    private final long[] table;
    private final int mask;

    /**
     * @param keys    feature keys, non-zero and strictly ascending
     * @param weights a row of {@code labels} weights per key, rounded here to steps of {@link #scale}
     */
    WeightTable(int[] keys, float[] weights, int labels) {
        this.keys = keys;
        this.labels = labels;
        this.step = scale(weights);
        this.rows = new short[keys.length * WIDTH];
        for (int row = 0; row < keys.length; row++) {
            for (int y = 0; y < labels; y++) {
                rows[row * WIDTH + y] = (short) Math.round(weights[row * labels + y] / step);
            }
        }
        int slots = Integer.highestOneBit(Math.max(4, keys.length * 3 / 2)) * 2;  // at most two thirds full: small, to stay in the cache
        this.mask = slots - 1;
        this.table = new long[slots];
        for (int row = 0; row < keys.length; row++) {
            if (keys[row] == 0 || row > 0 && keys[row] <= keys[row - 1]) {
                throw new IllegalArgumentException("feature keys must be non-zero and strictly ascending");
            }
            int slot = slot(keys[row]);
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = (long) keys[row] << 32 | (row + 1);
            known.add(keys[row]);
        }
    }

    /** The row of a feature key (its weights start at {@code row * MAX_LABELS} of {@link #rows()}), or -1 when it has none. */
    int row(int key) {
        if (!known.mayContain(key)) {
            return -1;
        }
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == key) {
                return (int) entry - 1;
            }
        }
    }

    private int slot(int key) {
        return (key * 0x9E3779B9 >>> 7) & mask;
    }

    /** The weights in steps, a row of {@link EntityTagger#MAX_LABELS} per key; not to be changed. */
    short[] rows() {
        return rows;
    }

    /** The weight of one step. */
    float step() {
        return step;
    }

    /** The weights of one feature key, a row of {@link EntityTagger#MAX_LABELS} (zeros when the key is unknown). */
    float[] weightsOf(int key) {
        int row = row(key);
        float[] out = new float[WIDTH];
        for (int y = 0; row >= 0 && y < WIDTH; y++) {
            out[y] = rows[row * WIDTH + y] * step;
        }
        return out;
    }

    /** The feature keys, ascending; not to be changed. */
    int[] keys() {
        return keys;
    }

    /** The weight in steps of the feature of row {@code row} for label {@code y}. */
    short steps(int row, int y) {
        return rows[row * WIDTH + y];
    }

    /** How many labels a row has weights for. */
    int labels() {
        return labels;
    }

    /** How many features carry weights. */
    int size() {
        return keys.length;
    }

    /** The step of 16-bit weights: the largest weight is {@link Short#MAX_VALUE} steps. */
    static float scale(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max == 0 ? 1 : max / Short.MAX_VALUE;
    }

    /** The weights as the file stores them, so that a trained tagger and its file tag alike. */
    static float[] quantized(float[] weights) {
        float scale = scale(weights);
        float[] out = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = (short) Math.round(weights[i] / scale) * scale;
        }
        return out;
    }
}
