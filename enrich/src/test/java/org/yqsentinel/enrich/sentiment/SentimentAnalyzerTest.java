package org.yqsentinel.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

/** The bundled model on hand-written hard cases of public reaction to a policy. */
class SentimentAnalyzerTest {

    private static final DictionarySegmenter SEGMENTER = new DictionarySegmenter(Dictionaries.load(RuleFiles.bundled()));
    private static final SentimentAnalyzer ANALYZER = new SentimentAnalyzer(SoftmaxModel.polarity(), SoftmaxModel.emotions(), SEGMENTER);

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
            工厂车间发生爆炸，两名工人受伤送医                | NEGATIVE
            学校食堂多名学生出现呕吐腹泻，疑似吃了变质的饭菜  | NEGATIVE
            真是太好了，水费又涨价了，呵呵                    | NEGATIVE
            新政策出台后办营业执照一天就拿到了，效率太高了    | POSITIVE
            点赞！消防员连夜救援，被困群众全部安全转移        | POSITIVE
            市教育局发布关于调整课后服务收费标准的通知        | NEUTRAL
            """)
    void readsNegationDegreeEmoticonsRhetoricalComplaintHarmAndPraise(String text, Sentiment.Label expected) {
        Sentiment sentiment = ANALYZER.analyze(text);
        assertThat(sentiment.label()).as("%s scored %s", text, sentiment.score()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"服务并非不好，只是价格偏高", "不是不满意", "课后服务费又涨了[怒][怒]", "呵呵，真是好样的"})
    void theCallersSegmentationReadsAsTheAnalyzersOwn(String text) {
        assertThat(ANALYZER.read(text, SEGMENTER.seg(text))).isEqualTo(ANALYZER.read(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            气死我了，收费一年涨两次，简直无耻            | ANGRY
            看到孩子们受伤，心里好难过，哭了              | SAD
            太可怕了，半夜楼下又着火，吓得睡不着          | FEAR
            今天天气真好，和家人出去玩，开心              | HAPPY
            """)
    void readsTheEmotionWithItsProbability(String text, Emotion.Label expected) {
        Emotion emotion = ANALYZER.read(text).emotion();
        assertThat(emotion.label()).as("%s read as %s", text, emotion).isEqualTo(expected);
        assertThat(emotion.score()).isGreaterThan(1.0 / Emotion.Label.values().length).isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({"这也叫减负？", "非常满意"})
    void scoreLiesInMinusOneToOneAndIsStable(String text) {
        Sentiment first = ANALYZER.analyze(text);
        assertThat(first.score()).isBetween(-1.0, 1.0);
        assertThat(ANALYZER.analyze(text)).isEqualTo(first);
    }
}
