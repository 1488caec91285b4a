package org.yqsentinel.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SoftmaxModelTest {

    /** Two names with the same 64-bit FNV-1a hash, found by a collision search. */
    private static final String COLLIDING = "\u60d0\u51f3\u4efa\u5b33\u5184";
    private static final String COLLIDING_TOO = "\u6a71\u68d9\u6765\u6af1\u5512";
    private static final String HEADER = "# sentinel softmax model v1: feature<TAB>weight per class\nclasses\tnegative\tneutral\tpositive\n";

    private static SoftmaxModel read(String lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write((HEADER + "bias\t0.1\t0\t-0.1\n" + lines).getBytes(StandardCharsets.UTF_8));
        }
        return SoftmaxModel.read(new ByteArrayInputStream(out.toByteArray()), "m.tsv.gz");
    }

    @Test
    void twoFeaturesWithTheSameHashAreRefusedWithBothNames() {
        assertThat(COLLIDING).isNotEqualTo(COLLIDING_TOO);
        assertThat(FeatureHash.of(COLLIDING)).isEqualTo(FeatureHash.of(COLLIDING_TOO));
        assertThatThrownBy(() -> read("好\t0\t0\t0.5\n" + COLLIDING + "\t0.25\t0\t0\n" + COLLIDING_TOO + "\t-0.25\t0\t0\n"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("m.tsv.gz: features '")
                .hasMessageContaining(COLLIDING)
                .hasMessageContaining(COLLIDING_TOO)
                .hasMessageContaining("same 64-bit hash");
    }

    @Test
    void aWeightThatIsNotFiniteOrARowWithoutAWeightPerClassIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("好\t0\tNaN\t0\n")).isInstanceOf(IOException.class)
                .hasMessage("m.tsv.gz: feature '好' has weight NaN; weights must be finite numbers");
        assertThatThrownBy(() -> read("好\t0\t0.5\n")).isInstanceOf(IOException.class)
                .hasMessage("m.tsv.gz:4: expected a feature and 3 weights, tab-separated");
        assertThatThrownBy(() -> read("好\t0\tx\t0\n")).isInstanceOf(IOException.class)
                .hasMessage("m.tsv.gz:4: weight 'x' is not a number");
        assertThatThrownBy(() -> read("好\t0\t0\t1\n好\t0\t0\t1\n")).isInstanceOf(IOException.class)
                .hasMessage("m.tsv.gz:5: feature '好' is listed twice");
    }

    @Test
    void aFileOfAnotherKindIsRefusedAtItsFirstLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("# sentinel sentiment model v1: logistic regression, feature<TAB>weight\nbias\t0.1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> SoftmaxModel.read(new ByteArrayInputStream(out.toByteArray()), "old.tsv.gz"))
                .hasMessageStartingWith("old.tsv.gz:1: not a Sentinel model");
    }

    @Test
    void featuresCountOnceUnknownOnesWeighNothingButCountInTheNormAndPriorsAddOnTop() throws IOException {
        SoftmaxModel model = read("好\t0\t0\t0.5\nB:好吗\t0.25\t0\t0\nCUE:sarcasm\t0\t0\t0.5\n");
        assertThat(model.size()).isEqualTo(3);
        double norm = 1 / Math.sqrt(3);
        double[] p = model.probabilities(List.of("好", "B:好吗", "好", "从未见过"));
        double[] expected = SoftmaxModel.softmax(new double[] {0.1 + 0.25 * norm, 0, -0.1 + 0.5 * norm});
        assertThat(p).containsExactly(expected, within(1e-7));
        double[] withPrior = model.probabilities(List.of("CUE:sarcasm"), Map.of(FeatureKind.SARCASM, new double[] {1.5, 0, 0}));
        assertThat(withPrior).containsExactly(SoftmaxModel.softmax(new double[] {0.1 + 1.5, 0, -0.1 + 0.5}), within(1e-7));
    }

    @Test
    void aModelReadFromItsFileWritesTheSameFile() throws IOException {
        SoftmaxModel model = new SoftmaxModel(SoftmaxModel.POLARITIES,
                Map.of("好", new float[] {0, 0, 0.5f}, "!好", new float[] {0.75f, 0, 0}, "E:[怒]", new float[] {1.25f, 0, -1}),
                new double[] {0.125, 0, -0.125});
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        model.write(first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        SoftmaxModel.read(new ByteArrayInputStream(first.toByteArray()), "m").write(second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    }
}
