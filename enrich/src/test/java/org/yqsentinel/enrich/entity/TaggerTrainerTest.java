package org.yqsentinel.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TaggerTrainerTest {

    /** A post from its text and one tag per character, {@code -} for O and e.g. {@code P} for a name of kind PER.NAM. */
    private static BioCorpus.Sentence post(String text, String kinds) {
        List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < kinds.length(); i++) {
            char k = kinds.charAt(i);
            String type = switch (k) {
                case 'P', 'p' -> "PER.NAM";
                case 'G', 'g' -> "GPE.NAM";
                case 'O', 'o' -> "ORG.NAM";
                default -> null;
            };
            tags.add(type == null ? "O" : (Character.isUpperCase(k) ? "B-" : "I-") + type);
        }
        return new BioCorpus.Sentence(chars, tags, "toy", 1);
    }

    private static List<BioCorpus.Sentence> toyCorpus() {
        return List.of(
                post("张伟明在杭州工作", "Ppp-Gg--"),
                post("李秀兰去了南京大学", "Ppp---Ooo"),
                post("杭州的王建国很忙", "Gg-Ppp--"),
                post("南京大学欢迎你", "Oooo---"),
                post("今天天气很好", "------"));
    }

    private static byte[] bytes(EntityTagger tagger) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tagger.write(out);
        return out.toByteArray();
    }

    @Test
    void sameDataGivesTheSameTaggerByteForByte() throws IOException {
        TaggerTrainer.Options options = new TaggerTrainer.Options(5, 7L);
        byte[] first = bytes(TaggerTrainer.train(toyCorpus(), options));
        byte[] second = bytes(TaggerTrainer.train(toyCorpus(), options));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void learnsTheToyCorpus() {
        EntityTagger tagger = TaggerTrainer.train(toyCorpus(), new TaggerTrainer.Options(10, 7L));
        assertThat(tagger.labels()).containsExactly("O", "B-LOC.NAM", "I-LOC.NAM", "B-ORG.NAM", "I-ORG.NAM", "B-PER.NAM", "I-PER.NAM");
        for (BioCorpus.Sentence post : toyCorpus()) {
            assertThat(tagger.find(post.text())).isEqualTo(post.names());
        }
    }

    @Test
    void taggerSurvivesWritingAndReading() throws IOException {
        EntityTagger tagger = TaggerTrainer.train(toyCorpus(), new TaggerTrainer.Options(5, 7L));
        EntityTagger back = EntityTagger.read(new ByteArrayInputStream(bytes(tagger)), "toy.bin.gz");
        assertThat(back.size()).isEqualTo(tagger.size());
        assertThat(back.labels()).isEqualTo(tagger.labels());
        for (String text : List.of("张伟明在杭州工作", "王建国去了南京大学", "没有名字")) {
            assertThat(back.find(text)).isEqualTo(tagger.find(text));
        }
        assertThat(bytes(back)).isEqualTo(bytes(tagger));
    }

    @Test
    void somethingElseIsNotReadAsATagger() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[] {0, 5, 'h', 'e', 'l', 'l', 'o'});
        }
        assertThatThrownBy(() -> EntityTagger.read(new ByteArrayInputStream(out.toByteArray()), "x.bin.gz"))
                .hasMessage("x.bin.gz: not a Sentinel entity tagger");
    }

    @Test
    void viterbiKeepsIInsideItsOwnSpan() {
        String[] labels = {"O", "B-PER.NAM", "I-PER.NAM"};
        // I- scores best everywhere, but may not start a post or follow O
        float[] scores = {0, 1, 5, 0, 0, 5, 2, 0, 5};
        int[] path = EntityTagger.viterbi(scores, 3, labels.length, new float[(labels.length + 1) * labels.length], EntityTagger.allowed(labels));
        assertThat(path).containsExactly(1, 2, 2);
    }

    /** The shortcut through O (taken where O leads by more than any move can gain) finds the paths a plain Viterbi finds. */
    @Test
    void viterbiWithTheShortcutThroughOutsideFindsThePlainViterbiPath() {
        String[] labels = {"O", "B-LOC.NAM", "I-LOC.NAM", "B-ORG.NAM", "I-ORG.NAM", "B-PER.NAM", "I-PER.NAM"};
        boolean[] allowed = EntityTagger.allowed(labels);
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
            assertThat(EntityTagger.viterbi(scores, n, l, transitions, allowed)).as("round %d", round)
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
