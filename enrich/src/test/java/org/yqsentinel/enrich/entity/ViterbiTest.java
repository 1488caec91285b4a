package org.yqsentinel.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tagger's decoder: an I- label only inside a name of its type, and the shortcut through O finding the plain algorithm's paths. */
class ViterbiTest {

    @Test
    void viterbiKeepsIInsideItsOwnSpan() {
        String[] labels = {"O", "B-PER.NAM", "I-PER.NAM"};
        // I- scores best everywhere, but may not start a post or follow O
        float[] scores = {0, 1, 5, 0, 0, 5, 2, 0, 5};
        int[] path = new Viterbi(labels.length, new float[(labels.length + 1) * labels.length], BioLabels.allowed(labels)).decode(scores, 3);
        assertThat(path).containsExactly(1, 2, 2);
    }

    /** The shortcut through O (taken where O leads by more than any move can gain) finds the paths a plain Viterbi finds. */
    @Test
    void viterbiWithTheShortcutThroughOutsideFindsThePlainViterbiPath() {
        String[] labels = {"O", "B-LOC.NAM", "I-LOC.NAM", "B-ORG.NAM", "I-ORG.NAM", "B-PER.NAM", "I-PER.NAM"};
        boolean[] allowed = BioLabels.allowed(labels);
        Random random = new Random(20261125L);
        int l = labels.length;
        int shortcuts = 0;
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(40);
            float[] transitions = new float[(l + 1) * l];
            for (int t = 0; t < transitions.length; t++) {
                transitions[t] = (float) random.nextGaussian() * 2;
            }
            float[] scores = new float[n * l];
            for (int i = 0; i < n; i++) {
                boolean plain = random.nextInt(3) > 0;  // O far ahead, as in most of a post, or a close call
                for (int y = 0; y < l; y++) {
                    scores[i * l + y] = (float) random.nextGaussian() * 3 + (plain && y == 0 ? 15 : 0);
                }
                shortcuts += plain ? 1 : 0;
            }
            assertThat(new Viterbi(l, transitions, allowed).decode(scores, n)).as("round %d", round)
                    .containsExactly(plainViterbi(scores, n, l, transitions, allowed));
        }
        assertThat(shortcuts).isGreaterThan(10_000);
    }

    /** Viterbi as in the textbook: every allowed predecessor of every label at every position. */
    private static int[] plainViterbi(float[] scores, int n, int l, float[] transitions, boolean[] allowed) {
        float[] previous = new float[l];
        int[][] back = new int[n][l];
        for (int y = 0; y < l; y++) {
            previous[y] = allowed[y] ? transitions[y] + scores[y] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            float[] current = new float[l];
            for (int y = 0; y < l; y++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int p = 0; p < l; p++) {
                    float score = previous[p] + transitions[(p + 1) * l + y];
                    if (allowed[(p + 1) * l + y] && score > best) {
                        best = score;
                        back[i][y] = p;
                    }
                }
                current[y] = best + scores[i * l + y];
            }
            previous = current;
        }
        int[] path = new int[n];
        for (int y = 1; y < l; y++) {
            if (previous[y] > previous[path[n - 1]]) {
                path[n - 1] = y;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i][path[i]];
        }
        return path;
    }
}
