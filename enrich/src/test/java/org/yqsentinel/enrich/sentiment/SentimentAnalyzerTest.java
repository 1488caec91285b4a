package org.yqsentinel.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

/** The bundled model on hand-written hard cases of public reaction to a policy. */
class SentimentAnalyzerTest {

    private static final DictionarySegmenter SEGMENTER = new DictionarySegmenter(Dictionaries.load(RuleFiles.bundled()));
    private static final SentimentAnalyzer ANALYZER = new SentimentAnalyzer(SentimentModel.bundled(), SEGMENTER);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            这也叫减负？一学期多交一百八                     | NEGATIVE
            这也算惠民政策?                                  | NEGATIVE
            呵呵，真是好样的，收费一年涨两次                  | NEGATIVE
            课后服务费又涨了[怒][怒]                         | NEGATIVE
            老师辛苦了，课后服务办得很用心[赞]                | POSITIVE
            服务不好，态度也差                               | NEGATIVE
            服务并非不好，只是价格偏高                        | POSITIVE
            非常满意，学校安排得很周到                        | POSITIVE
            没有任何改善，还是老样子，太失望了                | NEGATIVE
            低保家庭继续免收，这个政策很暖心                  | POSITIVE
            """)
    void readsNegationDegreeEmoticonsAndRhetoricalComplaint(String text, Sentiment.Label expected) {
        Sentiment sentiment = ANALYZER.analyze(text);
        assertThat(sentiment.label()).as("%s scored %s", text, sentiment.score()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"服务并非不好，只是价格偏高", "不是不满意", "课后服务费又涨了[怒][怒]", "呵呵，真是好样的"})
    void theCallersSegmentationReadsAsTheAnalyzersOwn(String text) {
        assertThat(ANALYZER.analyze(text, SEGMENTER.seg(text))).isEqualTo(ANALYZER.analyze(text));
    }

    @ParameterizedTest
    @CsvSource({"这也叫减负？", "非常满意"})
    void scoreLiesInMinusOneToOneAndIsStable(String text) {
        Sentiment first = ANALYZER.analyze(text);
        assertThat(first.score()).isBetween(-1.0, 1.0);
        assertThat(ANALYZER.analyze(text)).isEqualTo(first);
    }
}
