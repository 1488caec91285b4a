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

class SentimentModelTest {

    /** Two names with the same 64-bit FNV-1a hash, found by a collision search. */
    private static final String COLLIDING = "\u60d0\u51f3\u4efa\u5b33\u5184";
    private static final String COLLIDING_TOO = "\u6a71\u68d9\u6765\u6af1\u5512";

    private static SentimentModel read(String lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(("# sentinel sentiment model v1: logistic regression, feature<TAB>weight\nbias\t0.1\n" + lines)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return SentimentModel.read(new ByteArrayInputStream(out.toByteArray()), "m.tsv.gz");
    }

    @Test
    void twoFeaturesWithTheSameHashAreRefusedWithBothNames() {
        assertThat(COLLIDING).isNotEqualTo(COLLIDING_TOO);
        assertThat(FeatureHash.of(COLLIDING)).isEqualTo(FeatureHash.of(COLLIDING_TOO));
        assertThatThrownBy(() -> read("好\t0.5\n" + COLLIDING + "\t0.25\n" + COLLIDING_TOO + "\t-0.25\n"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("m.tsv.gz: features '")
                .hasMessageContaining(COLLIDING)
                .hasMessageContaining(COLLIDING_TOO)
                .hasMessageContaining("same 64-bit hash");
    }

    @Test
    void aWeightThatIsNotFiniteIsRefused() {
        assertThatThrownBy(() -> read("好\tNaN\n")).isInstanceOf(IOException.class)
                .hasMessage("m.tsv.gz: feature '好' has weight NaN; weights must be finite numbers");
    }

    @Test
    void featuresCountOnceAndUnknownOnesWeighNothingButCountInTheNorm() throws IOException {
        SentimentModel model = read("好\t0.5\nB:好吗\t-0.25\nCUE:sarcasm\t0.5\n");
        assertThat(model.size()).isEqualTo(3);
        assertThat(model.logit(List.of("好", "B:好吗", "好", "从未见过"))).isCloseTo(0.1 + 0.25 / Math.sqrt(3), within(1e-12));
        assertThat(model.logit(List.of("CUE:sarcasm"))).isCloseTo(0.1 + 0.5 - 1.5, within(1e-12));
    }

    @Test
    void aModelReadFromItsFileWritesTheSameFile() throws IOException {
        SentimentModel model = new SentimentModel(Map.of("好", 0.5, "!好", -0.75, "E:[怒]", -1.25), 0.125);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        model.write(first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        SentimentModel.read(new ByteArrayInputStream(first.toByteArray()), "m").write(second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    }
}
