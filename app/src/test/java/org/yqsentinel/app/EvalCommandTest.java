package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yq train sentiment} and {@code yq eval sentiment} on a small labelled file. */
class EvalCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    @Test
    void evalOfTheBundledModelEndsWithTheAccuracyLine() throws Exception {
        assertThat(Yq.run("eval", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"))).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("sentiment.csv (all, 4 texts): model accuracy 1.0000").contains("lexicon baseline accuracy");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("accuracy=1.0000");
    }

    @Test
    void nerEvaluationReportsPrecisionRecallAndF1PerClassEndingWithF1() throws Exception {
        assertThat(Yq.run("eval", "ner", "--data", IngestCommandTest.fixture("../eval/ner.txt"))).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("2 posts, 3 names (person 1, place 1, organization 1)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("tagger    person"));
        assertThat(lines.get(lines.size() - 1)).matches("f1=[01]\\.\\d{2}");
    }

    @Test
    void nerTrainingWritesATaggerThatEvalCanUse() throws Exception {
        Path model = dir.resolve("tagger.bin.gz");
        assertThat(Yq.run("train", "ner", "--data", IngestCommandTest.fixture("../eval/ner.txt"), "--out", model.toString())).isZero();
        out.reset();
        assertThat(Yq.run("eval", "ner", "--data", IngestCommandTest.fixture("../eval/ner.txt"), "--model", model.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow()).startsWith("f1=");
    }

    @Test
    void trainWritesAModelThatEvalCanUse() throws Exception {
        Path model = dir.resolve("m.tsv.gz");
        assertThat(Yq.run("train", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"), "--out", model.toString())).isZero();
        assertThat(Files.size(model)).isPositive();
        out.reset();
        assertThat(Yq.run("eval", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"), "--model", model.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow()).matches("accuracy=[01]\\.\\d{4}");
    }
}
