package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.topic.TopicRules;
import org.yqsentinel.training.hardcase.HardCase;
import org.yqsentinel.training.hardcase.HardCases;

/** {@code yq train} and {@code yq eval} on small labelled files, and {@code yq eval cases} on the project's hard cases. */
class EvalCommandTest {

    private static final Path HARD_CASES = Path.of(System.getProperty("yq.home"), "docs", "data", "hard-cases.tsv");
    private static final Path HELD_OUT = Path.of(System.getProperty("yq.home"), "docs", "data", "hard-cases-held-out.tsv");

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = Console.captured();

    @Test
    void evalOfTheBundledModelEndsWithTheAccuracyLine() throws Exception {
        assertThat(Yq.run("eval", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"))).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(0)).startsWith("sentiment.csv (all, 4 texts): model accuracy 1.0000").contains("lexicon baseline accuracy");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("accuracy=1.0000");
    }

    @Test
    void anEmotionFileGivesThreeClassPolarityAccuracyAndTheEmotionsMacroF1() throws Exception {
        assertThat(Yq.run("eval", "sentiment", "--data", IngestCommandTest.fixture("../eval/emotions.csv"),
                "--data", IngestCommandTest.fixture("../eval/sentiment.csv"))).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(0)).startsWith("emotions.csv (all, 11 texts): polarity accuracy ").contains("emotion F1 happy ");
        assertThat(lines.get(1)).startsWith("sentiment.csv (all, 4 texts): model accuracy 1.0000");
        assertThat(lines.subList(lines.size() - 3, lines.size())).satisfiesExactly(
                l -> assertThat(l).isEqualTo("accuracy=1.0000"),
                l -> assertThat(l).matches("polarity_accuracy=(0\\.[5-9]\\d{3}|1\\.0000)"),
                l -> assertThat(l).matches("emotion_macro_f1=(0\\.[3-9]\\d{3}|1\\.0000)"));
    }

    @Test
    void nerEvaluationReportsPrecisionRecallAndF1PerClassEndingWithF1() throws Exception {
        assertThat(Yq.run("eval", "ner", "--data", IngestCommandTest.fixture("../eval/ner.txt"))).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(0)).contains("2 posts, 3 names (person 1, place 1, organization 1)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("tagger    person"));
        assertThat(lines.get(lines.size() - 1)).matches("f1=[01]\\.\\d{2}");
    }

    @Test
    void privacyEvaluationPrintsALinePerKindEndingWithPrecisionAndRecall() throws Exception {
        assertThat(Yq.run("eval", "privacy", "--data", IngestCommandTest.fixture("../eval/privacy.tsv"), "--errors")).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines).containsSubsequence("wrong  d      name  杜文博", "missed d      name  杜文",
                "data privacy.tsv: 4 posts, 5 spans to mask");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("name\\s+2\\s+2\\s+1\\s+0\\.5000\\s+0\\.5000"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("id\\s+1\\s+1\\s+1\\s+1\\.0000\\s+1\\.0000"));
        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("precision=0.8000", "recall=0.8000");
    }

    @Test
    void privacyEvaluationRefusesABadCaseLineWithFileAndLine() throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "id\tstyle\ttext\na\tweibo\t网友[[nam:李秀英]]说\n");
        assertThat(Yq.run("eval", "privacy", "--data", file.toString())).isEqualTo(2);
        assertThat(console.err()).contains("yq: " + file + ":2: unknown kind 'nam'");
    }

    @Test
    void nerTrainingWritesATaggerThatEvalCanUse() throws Exception {
        Path model = dir.resolve("tagger.bin.gz");
        assertThat(Yq.run("train", "ner", "--data", IngestCommandTest.fixture("../eval/ner.txt"), "--out", model.toString())).isZero();
        console.reset();
        assertThat(Yq.run("eval", "ner", "--data", IngestCommandTest.fixture("../eval/ner.txt"), "--model", model.toString())).isZero();
        assertThat(console.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("f1=");
    }

    @Test
    void trainWritesModelsThatEvalCanUse() throws Exception {
        Path model = dir.resolve("models");
        assertThat(Yq.run("train", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"),
                "--data", IngestCommandTest.fixture("../eval/emotions.csv"), "--out", model.toString())).isZero();
        assertThat(Files.size(model.resolve("polarity.tsv.gz"))).isPositive();
        assertThat(Files.size(model.resolve("emotion.tsv.gz"))).isPositive();
        console.reset();
        assertThat(Yq.run("eval", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"), "--model", model.toString())).isZero();
        assertThat(console.out().lines().reduce((a, b) -> b).orElseThrow()).matches("accuracy=[01]\\.\\d{4}");
    }

    @Test
    void trainingWithoutAnEmotionFileSaysWhatIsMissing() throws Exception {
        assertThat(Yq.run("train", "sentiment", "--data", IngestCommandTest.fixture("../eval/sentiment.csv"),
                "--out", dir.resolve("m").toString())).isEqualTo(2);
        assertThat(console.err()).contains("no texts labelled with an emotion");
    }

    @Test
    void theEnrichStepReadsTheTopicsOfAtLeastNinetyPercentOfTheHardCases() throws Exception {
        assertThat(Yq.run("eval", "cases", "--data", HARD_CASES.toString())).isZero();

        List<String> lines = console.outLines();
        assertThat(lines.get(lines.size() - 2)).matches("polarity_accuracy=[01]\\.\\d{4}");
        assertThat(lines.get(lines.size() - 1)).matches("topic_accuracy=[01]\\.\\d{4}");
        assertThat(Double.parseDouble(lines.get(lines.size() - 1).substring("topic_accuracy=".length()))).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void theHardCasesCoverEveryTopicSeveralTimesEveryKindAndPostsAboutNoTopic() throws Exception {
        List<String> topics = TopicRules.load(RuleFiles.bundled()).topics().stream().map(TopicRules.Topic::name).toList();
        List<HardCase> cases = HardCases.read(HARD_CASES, topics);
        List<HardCase> heldOut = HardCases.read(HELD_OUT, topics);

        assertThat(heldOut).extracting(HardCase::text).as("held-out cases are not in the set the rules were fitted to")
                .doesNotContainAnyElementsOf(cases.stream().map(HardCase::text).toList());

        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        Map<String, Long> perTopic = cases.stream().flatMap(c -> c.topics().stream()).collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(topics).allSatisfy(topic -> assertThat(perTopic.getOrDefault(topic, 0L)).as(topic).isGreaterThanOrEqualTo(10));
        assertThat(cases).filteredOn(c -> c.topics().isEmpty()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases).extracting(HardCase::kind).contains("event-report", "sarcasm", "rhetorical", "praise", "announcement", "complaint",
                "chatter", "false-friend");
        assertThat(cases).extracting(HardCase::polarity).contains(Sentiment.Label.values());
    }

    @Test
    void polarityAccuracyIsTheShareOfCasesWhoseLabelTheEnrichStepReadsAsExpected() throws Exception {
        Path file = Path.of(IngestCommandTest.fixture("../eval/hard-cases.tsv"));
        TextAnalyzer analyzer = new TextAnalyzer();
        List<HardCase> cases = HardCases.read(file, TopicRules.load(RuleFiles.bundled()).topics().stream().map(TopicRules.Topic::name).toList());
        List<Integer> misread = cases.stream()
                .filter(c -> analyzer.analyze(null, new TextNormalizer().plain(c.text())).sentiment().label() != c.polarity())
                .map(HardCase::line).toList();
        assertThat(misread).as("the last case is positive in tone, expected negative").contains(6);

        assertThat(Yq.run("eval", "cases", "--data", file.toString())).isZero();

        List<String> lines = console.outLines();
        assertThat(lines.get(0)).isEqualTo("data hard-cases.tsv: 4 cases");
        assertThat(lines.get(lines.size() - 2)).isEqualTo(String.format(Locale.ROOT, "polarity_accuracy=%.4f", (4 - misread.size()) / 4.0));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("topic_accuracy=1.0000");
        String wrongPolarity = file + ":(\\d+) \\S+ polarity .*";
        assertThat(lines).filteredOn(l -> l.matches(wrongPolarity)).extracting(l -> Integer.parseInt(l.replaceFirst(wrongPolarity, "$1")))
                .containsExactlyElementsOf(misread);
    }

    @Test
    void aBadLineInTheCasesIsOneErrorLineWithFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("cases.tsv"), "polarity\ttopics\tkind\ttext\nnegative\t学校\tcomplaint\t作业太多\n");

        assertThat(Yq.run("eval", "cases", "--data", file.toString())).isEqualTo(2);

        assertThat(console.err()).startsWith("yq: " + file + ":2: unknown topic '学校'").doesNotContain("Exception");
    }
}
