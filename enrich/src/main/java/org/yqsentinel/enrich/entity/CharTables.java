package org.yqsentinel.enrich.entity;

import java.util.Arrays;

/**
 * The weights of the features of single characters ({@link CharFeatures#charKeys}) summed per character, and
 * those of the character types around a position ({@link CharFeatures#typesIndex}) per combination, once at
 * load: scoring a position then costs four array reads for them instead of a lookup per feature. Immutable.
 */
final class CharTables {

    private static final int WIDTH = EntityTagger.MAX_LABELS;

    private final WeightTable weights;
    /**
     * {@code charRow[c]} is the number of character c's triple of rows of {@link EntityTagger#MAX_LABELS} in
     * {@code charWeights} (as the previous character, itself, the next one); 0 for characters with no weights of their own.
     */
    private final char[] charRow = new char[0x10000];
    private final float[] charWeights;
    /** The weights of each combination of character types around a position, in steps. */
    private final short[] typeRows;
    /** The triples of the text's edges: before its first character, after its last. */
    private final float[] before;
    private final float[] after;

    CharTables(WeightTable weights) {
        this.weights = weights;
        this.charWeights = sumCharWeights();
        this.typeRows = sumTypeRows();
        this.before = triple(CharFeatures.BEFORE);
        this.after = triple(CharFeatures.AFTER);
    }

    /**
     * One triple of rows per character that has weights of its own, after triple 0 for all the others
     * (the bias alone); {@link #charRow} points into it.
     */
    private float[] sumCharWeights() {
        float[] none = triple(-3);  // no character has this value: the bias alone
        float[] out = new float[none.length * 1024];
        System.arraycopy(none, 0, out, 0, none.length);
        int count = 1;
        for (int c = 0; c < charRow.length; c++) {
            float[] triple = triple(c);
            if (Arrays.equals(triple, none)) {
                continue;
            }
            if ((count + 1) * triple.length > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            System.arraycopy(triple, 0, out, count * triple.length, triple.length);
            if (count > Character.MAX_VALUE) {
                throw new IllegalArgumentException("more characters with weights than a tagger holds: " + count);
            }
            charRow[c] = (char) count++;
        }
        return Arrays.copyOf(out, count * none.length);
    }

    private short[] sumTypeRows() {
        short[] rows = weights.rows();
        short[] out = new short[CharFeatures.TYPES_COMBINATIONS * WIDTH];
        for (int previous : CharFeatures.NEIGHBOUR_TYPES) {
            for (int self = 1; self <= 6; self++) {
                for (int next : CharFeatures.NEIGHBOUR_TYPES) {
                    int row = weights.row(CharFeatures.typesKey(previous, self, next));
                    if (row >= 0) {
                        System.arraycopy(rows, row * WIDTH, out, CharFeatures.typesIndex(previous, self, next) * WIDTH, WIDTH);
                    }
                }
            }
        }
        return out;
    }

    /** The summed weights of the features of character {@code c}: as the previous character, itself, the next one. */
    private float[] triple(int c) {
        short[] rows = weights.rows();
        float step = weights.step();
        float[] triple = new float[3 * WIDTH];
        int[][] keys = CharFeatures.charKeys(c);
        for (int part = 0; part < 3; part++) {
            for (int key : keys[part]) {
                int row = weights.row(key);
                for (int y = 0; row >= 0 && y < WIDTH; y++) {
                    triple[part * WIDTH + y] += rows[row * WIDTH + y] * step;
                }
            }
        }
        return triple;
    }

    /** The weights in steps of the combinations of types, a row of {@link EntityTagger#MAX_LABELS} at {@code typesIndex * MAX_LABELS}; not to be changed. */
    short[] typeRows() {
        return typeRows;
    }

    /**
     * Adds to {@code sums} the weights of the characters around position {@code i} of the normalized code points
     * {@code c}: the previous one (or the text's start), the character itself, the next one (or the text's end).
     */
    void addCharacters(float[] sums, int[] c, int i) {
        int n = c.length;
        addPart(sums, i == 0 ? before : null, i == 0 ? 0 : charBase(c[i - 1]), 0, c, i - 1);
        addPart(sums, null, charBase(c[i]), 1, c, i);
        addPart(sums, i == n - 1 ? after : null, i == n - 1 ? 0 : charBase(c[i + 1]), 2, c, i + 1);
    }

    /** Where character {@code c}'s triple starts in {@link #charWeights}, or -1 outside the basic plane. */
    private int charBase(int c) {
        return c < charRow.length ? charRow[c] * 3 * WIDTH : -1;
    }

    /** Adds part {@code part} of a character's triple: {@code edge} if given, else from the table at {@code base}, else computed. */
    private void addPart(float[] sums, float[] edge, int base, int part, int[] c, int j) {
        float[] source = charWeights;
        int from = base + part * WIDTH;
        if (edge != null) {
            source = edge;
            from = part * WIDTH;
        } else if (base < 0) {
            source = triple(c[j]);
            from = part * WIDTH;
        }
        for (int y = 0; y < WIDTH; y++) {
            sums[y] += source[from + y];
        }
    }
}
