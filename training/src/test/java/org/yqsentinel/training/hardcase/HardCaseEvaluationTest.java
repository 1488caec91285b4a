package org.yqsentinel.training.hardcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.topic.TopicClassifier;

class HardCaseEvaluationTest {

    private static final List<String> TOPICS = List.of("教育", "医疗", "安全生产");

    private static HardCase expect(int line, Sentiment.Label polarity, String kind, String text, String... topics) {
        return new HardCase("cases.tsv", line, polarity, new TreeSet<>(List.of(topics)), kind, text);
    }

    private static Analysis read(double score, Sentiment.Label label, String... topics) {
        List<TopicHit> hits = topics.length == 0 ? List.of(new TopicHit(TopicClassifier.OTHER, 0, null, List.of()))
                : Arrays.stream(topics).map(t -> new TopicHit(t, 2, "局", List.of("词"))).toList();
        return new Analysis(List.of(), List.of(), new Sentiment(score, label), null, hits, List.of());
    }

    /** Four cases with a known reading: polarity right in 3, topics right in 2. */
    private static final List<HardCase> CASES = List.of(
            expect(2, Sentiment.Label.NEGATIVE, "event-report", "工厂爆炸", "安全生产"),
            expect(3, Sentiment.Label.NEGATIVE, "sarcasm", "学费又涨了，呵呵", "教育"),
            expect(4, Sentiment.Label.POSITIVE, "praise", "医院服务好", "医疗"),
            expect(5, Sentiment.Label.NEUTRAL, "chatter", "晚霞好看"));
    private static final Map<String, Analysis> READINGS = Map.of(
            "工厂爆炸", read(-0.8, Sentiment.Label.NEGATIVE, "安全生产"),
            "学费又涨了，呵呵", read(0.4, Sentiment.Label.POSITIVE, "教育", "医疗"),
            "医院服务好", read(0.7, Sentiment.Label.POSITIVE, "医疗"),
            "晚霞好看", read(0.1, Sentiment.Label.NEUTRAL, "安全生产"));

    private static HardCaseEvaluation.Result result() {
        return HardCaseEvaluation.run("cases.tsv", CASES, TOPICS, READINGS::get);
    }

    @Test
    void polarityAndTopicAccuracyAreTheSharesOfCasesReadRightAndOtherIsNoTopic() {
        HardCaseEvaluation.Result result = result();

        assertThat(result.polarityAccuracy()).isEqualTo(0.75);
        assertThat(result.topicAccuracy()).isEqualTo(0.5);
        assertThat(result.outcomes().get(0).topics()).containsExactly("安全生产");
        assertThat(result.byKind()).containsEntry("sarcasm", new HardCaseEvaluation.KindTally(1, 0, 0))
                .containsEntry("chatter", new HardCaseEvaluation.KindTally(1, 1, 0))
                .containsEntry("praise", new HardCaseEvaluation.KindTally(1, 1, 1));
        assertThat(result.wrong()).extracting(o -> o.expected().line()).containsExactly(3, 5);
    }

    @Test
    void perTopicPrecisionAndRecallCountCasesAndChatterGivenATopicIsCounted() {
        HardCaseEvaluation.Result result = result();

        assertThat(result.byTopic()).containsExactly(
                Map.entry("教育", new HardCaseEvaluation.TopicTally(1, 1, 1)),
                Map.entry("医疗", new HardCaseEvaluation.TopicTally(1, 2, 1)),
                Map.entry("安全生产", new HardCaseEvaluation.TopicTally(1, 2, 1)));
        assertThat(result.byTopic().get("医疗").precision()).isCloseTo(0.5, within(1e-9));
        assertThat(result.byTopic().get("医疗").recall()).isEqualTo(1.0);
        assertThat(result.noTopic()).isEqualTo(new HardCaseEvaluation.TopicTally(1, 1, 0));
    }

    @Test
    void theReportListsEachWrongCaseOnOneLineAndEndsWithBothAccuracies() {
        List<String> lines = result().report().lines().toList();

        assertThat(lines.get(0)).isEqualTo("data cases.tsv: 4 cases");
        assertThat(lines).contains("wrong: 2 cases",
                "cases.tsv:3 sarcasm polarity negative got positive (+0.400) topics 教育 got 医疗,教育 | 学费又涨了，呵呵",
                "cases.tsv:5 chatter topics - got 安全生产 | 晚霞好看",
                "no topic: 1 cases expect none, 1 of them were given one");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("all +4 +0\\.7500 +0\\.5000"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("医疗 +1 +2 +1 +0\\.5000 +1\\.0000"));
        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("polarity_accuracy=0.7500", "topic_accuracy=0.5000");
    }
}
