package org.yqsentinel.training.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.enrich.entity.Entity;

class NerEvaluationTest {

    private static final String TINY = String.join("\n",
            "张\tB-PER.NAM", "三\tI-PER.NAM", "在\tO", "北\tB-GPE.NAM", "京\tI-GPE.NAM", "大\tB-ORG.NAM", "学\tI-ORG.NAM", "",
            "李\tB-PER.NAM", "四\tI-PER.NAM", "和\tO", "王\tB-PER.NAM", "五\tI-PER.NAM", "是\tO", "记\tB-PER.NOM", "者\tI-PER.NOM", "");

    /** A made-up system: finds 张三 (right), 北京 as an organization (wrong kind), 李四五 (wrong span) and 记者 as a person (not a name). */
    private static List<Entity> system(String text) {
        if (text.startsWith("张三")) {
            return List.of(new Entity(Entity.Kind.PERSON, "张三", 0, 2), new Entity(Entity.Kind.ORGANIZATION, "北京", 3, 5));
        }
        return List.of(new Entity(Entity.Kind.PERSON, "李四", 0, 2), new Entity(Entity.Kind.PERSON, "王五是", 3, 6),
                new Entity(Entity.Kind.PERSON, "记者", 6, 8));
    }

    @Test
    void countsExactSpansPerKind(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.txt");
        Files.writeString(file, TINY, StandardCharsets.UTF_8);
        NerEvaluation.Scores scores = NerEvaluation.score(BioCorpus.read(file), NerEvaluationTest::system);

        assertThat(scores.of(Entity.Kind.PERSON)).isEqualTo(new NerEvaluation.Tally(2, 4, 3));
        assertThat(scores.of(Entity.Kind.PLACE)).isEqualTo(new NerEvaluation.Tally(0, 0, 1));
        assertThat(scores.of(Entity.Kind.ORGANIZATION)).isEqualTo(new NerEvaluation.Tally(0, 1, 1));
        assertThat(scores.micro()).isEqualTo(new NerEvaluation.Tally(2, 5, 5));

        NerEvaluation.Tally person = scores.of(Entity.Kind.PERSON);
        assertThat(person.precision()).isEqualTo(0.5);
        assertThat(person.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(person.f1()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(scores.of(Entity.Kind.PLACE).f1()).isZero();
        assertThat(scores.micro().f1()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void reportEndsWithTheMicroF1OfTheTagger() {
        NerEvaluation.Scores model = new NerEvaluation.Scores(Map.of(
                Entity.Kind.PERSON, new NerEvaluation.Tally(6, 8, 10),
                Entity.Kind.PLACE, new NerEvaluation.Tally(3, 4, 5),
                Entity.Kind.ORGANIZATION, new NerEvaluation.Tally(1, 3, 5)));
        NerEvaluation.Scores baseline = new NerEvaluation.Scores(Map.of(Entity.Kind.PERSON, new NerEvaluation.Tally(2, 10, 10)));
        String report = new NerEvaluation.Result("tiny.txt", 2, model, baseline).report();
        List<String> lines = report.lines().toList();

        assertThat(lines.get(0)).isEqualTo("data tiny.txt: 2 posts, 20 names (person 10, place 5, organization 5)");
        assertThat(report).contains("tagger    person            10      8       6      0.75   0.60   0.67");
        assertThat(report).contains("baseline (HanLP dictionary recognizer): micro F1 0.20");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("f1=0.57");
        assertThat(lines.stream().filter(l -> l.contains("f1="))).hasSize(1);
    }

    @Test
    void baselineMapsHanLpNaturesToCharSpans() {
        String text = "北京大学在北京";
        List<Entity> found = NerEvaluation.baseline(text);
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
        assertThat(found).contains(new Entity(Entity.Kind.PLACE, "北京", 5, 7));
    }
}
