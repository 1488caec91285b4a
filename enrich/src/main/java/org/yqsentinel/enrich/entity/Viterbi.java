package org.yqsentinel.enrich.entity;

import java.util.Arrays;

/**
 * The highest-scoring label sequence of a text under scores per position and label, transition scores between
 * labels, and moves that are not allowed ({@link BioLabels#allowed}). Label 0 is {@code O}: where the best path
 * into it leads every other by more than any move can gain, the next position is reached from O alone, which is
 * most of a post; the result is the plain algorithm's. Immutable, so {@link #decode} is thread-safe.
 */
public final class Viterbi {

    private final int l;
    /** Per label: allowed at the start, and its score there. */
    private final boolean[] startAllowed;
    private final float[] start;
    /** Per label: the labels it may follow, null when it may follow any. */
    private final int[][] from;
    /** The transitions by label then predecessor, {@code [y * l + p]}, read in order. */
    private final float[] into;
    /** Per label: whether it may follow O, and through O the shortcut applies to it. */
    private final boolean[] afterO;
    /** The most any move into a label that may follow O gains over the move from O. */
    private final float lead;

    /**
     * @param labels      how many labels
     * @param transitions {@code (labels + 1) × labels} scores: {@code [y]} of label y at the start,
     *                    {@code [(p + 1) * labels + y]} of label y after label p
     * @param allowed     which of those moves may be taken, in the same layout
     */
    public Viterbi(int labels, float[] transitions, boolean[] allowed) {
        int l = labels;
        if (transitions.length != (l + 1) * l || allowed.length != (l + 1) * l) {
            throw new IllegalArgumentException("expected " + (l + 1) * l + " transitions and allowed moves for " + l + " labels");
        }
        this.l = l;
        this.startAllowed = Arrays.copyOf(allowed, l);
        this.start = Arrays.copyOf(transitions, l);
        this.from = new int[l][];
        this.into = new float[l * l];
        for (int y = 0; y < l; y++) {
            int count = 0;
            int[] list = new int[l];
            for (int p = 0; p < l; p++) {
                into[y * l + p] = transitions[(p + 1) * l + y];
                if (allowed[(p + 1) * l + y]) {
                    list[count++] = p;
                }
            }
            from[y] = count == l ? null : Arrays.copyOf(list, count);
        }
        // When the best path into O (label 0) leads every other by at least `lead`, the most any move can
        // gain over leaving from O, every label that may follow O is best reached from O: one sum instead of
        // a maximum over all predecessors, with the same result (O comes first, so it also wins ties).
        float lead = 0;
        this.afterO = new boolean[l];
        for (int y = 0; y < l; y++) {
            afterO[y] = allowed[l + y];
            for (int p = 0; afterO[y] && p < l; p++) {
                if (allowed[(p + 1) * l + y]) {
                    lead = Math.max(lead, into[y * l + p] - into[y * l]);
                }
            }
        }
        this.lead = lead;
    }

    /** The index of the best label of each of {@code n} positions, for scores {@code [i * labels + y]}. */
    public int[] decode(float[] scores, int n) {
        if (n == 0) {
            return new int[0];
        }
        int l = this.l;
        float[] into = this.into;
        int[][] from = this.from;
        boolean[] afterO = this.afterO;
        float lead = this.lead;
        float[] previous = new float[l];
        float[] current = new float[l];
        byte[] back = new byte[n * l];
        for (int y = 0; y < l; y++) {
            previous[y] = startAllowed[y] ? start[y] + scores[y] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            float others = Float.NEGATIVE_INFINITY;
            for (int p = 1; p < l; p++) {
                others = Math.max(others, previous[p]);
            }
            boolean fromO = previous[0] - others > lead + 1e-3f * (1 + Math.abs(previous[0]));  // a margin for rounding
            for (int y = 0; y < l; y++) {
                if (fromO && afterO[y]) {
                    current[y] = previous[0] + into[y * l] + scores[i * l + y];
                    back[i * l + y] = 0;
                    continue;
                }
                float best = Float.NEGATIVE_INFINITY;
                int argmax = 0;
                if (from[y] == null) {
                    for (int p = 0; p < l; p++) {
                        float score = previous[p] + into[y * l + p];
                        if (score > best) {
                            best = score;
                            argmax = p;
                        }
                    }
                } else {
                    for (int p : from[y]) {
                        float score = previous[p] + into[y * l + p];
                        if (score > best) {
                            best = score;
                            argmax = p;
                        }
                    }
                }
                current[y] = best + scores[i * l + y];
                back[i * l + y] = (byte) argmax;
            }
            float[] swap = previous;
            previous = current;
            current = swap;
        }
        int[] path = new int[n];
        for (int y = 1; y < l; y++) {
            if (previous[y] > previous[path[n - 1]]) {
                path[n - 1] = y;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i * l + path[i]];
        }
        return path;
    }
}
