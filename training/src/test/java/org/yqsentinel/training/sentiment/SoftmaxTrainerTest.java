package org.yqsentinel.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.sentiment.SentimentAnalyzer;
import org.yqsentinel.enrich.sentiment.SoftmaxModel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

class SoftmaxTrainerTest {

    private static final DictionarySegmenter SEGMENTER = new DictionarySegmenter(Dictionaries.load(RuleFiles.bundled()));
    private static final SoftmaxTrainer.Options OPTIONS = new SoftmaxTrainer.Options(12, 0.1, 1e-5, 3, 0.5);

    private static List<LabelledText> toyData() {
        List<LabelledText> texts = new ArrayList<>();
        String[][] byEmotion = {
            {"服务很好", "非常满意", "推荐入住"}, {"气死我了", "太过分了", "简直无耻"}, {"好难过", "心疼哭了", "太伤心"},
            {"好害怕", "吓死人了", "担心得很"}, {"居然这样", "没想到啊", "竟然是真的"}, {"今天开会", "通知如下", "明天上班"}};
        Emotion.Label[] labels = Emotion.Label.values();
        for (int i = 0; i < 30; i++) {
            for (int e = 0; e < labels.length; e++) {
                texts.add(new LabelledText(byEmotion[e][i % 3] + "，第" + i + "次", labels[e]));
            }
            texts.add(new LabelledText("价格便宜干净，第" + i + "次", true));
            texts.add(new LabelledText("又脏又乱，第" + i + "次", false));
        }
        return texts;
    }

    private static byte[] bytes(SoftmaxModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    @Test
    void learnsTheToySetAndTheSameDataGivesTheSameModelsByteForByte() throws IOException {
        SoftmaxTrainer trainer = new SoftmaxTrainer(SEGMENTER, OPTIONS);
        SoftmaxModel emotions = trainer.emotions(toyData());
        SoftmaxModel polarity = trainer.polarity(toyData());
        SentimentAnalyzer analyzer = new SentimentAnalyzer(polarity, emotions, SEGMENTER);
        assertThat(analyzer.analyze("服务很好").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(analyzer.analyze("又脏又乱").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(analyzer.analyze("明天上班").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(analyzer.read("吓死人了").emotion().label()).isEqualTo(Emotion.Label.FEAR);
        assertThat(analyzer.read("竟然是真的").emotion().label()).isEqualTo(Emotion.Label.SURPRISE);
        assertThat(bytes(trainer.emotions(toyData()))).isEqualTo(bytes(emotions));
        assertThat(bytes(trainer.polarity(toyData()))).isEqualTo(bytes(polarity));
    }

    @Test
    void theEmotionModelLearnsOnlyFromTextsWithAnEmotionAndPolarityFromEveryPolarity() {
        List<LabelledText> binaryOnly = toyData().stream().filter(t -> t.emotion() == null).toList();
        assertThatThrownBy(() -> new SoftmaxTrainer(SEGMENTER, OPTIONS).emotions(binaryOnly))
                .hasMessageContaining("no texts with labels of these classes");
        assertThat(new SoftmaxTrainer(SEGMENTER, OPTIONS).polarity(binaryOnly).classes()).isEqualTo(SoftmaxModel.POLARITIES);
    }

    @Test
    void modelSurvivesWritingAndReading() throws IOException {
        SoftmaxTrainer trainer = new SoftmaxTrainer(SEGMENTER, OPTIONS);
        SoftmaxModel model = trainer.emotions(toyData());
        SoftmaxModel back = SoftmaxModel.read(new ByteArrayInputStream(bytes(model)), "toy");
        assertThat(back.size()).isEqualTo(model.size());
        assertThat(back.classes()).isEqualTo(SoftmaxModel.EMOTIONS);
        assertThat(bytes(back)).isEqualTo(bytes(model));
        SoftmaxModel polarity = trainer.polarity(toyData());
        SentimentAnalyzer trained = new SentimentAnalyzer(polarity, model, SEGMENTER);
        SentimentAnalyzer read = new SentimentAnalyzer(polarity, back, SEGMENTER);
        for (String text : List.of("非常满意", "吓死人了", "明天上班")) {
            assertThat(read.read(text).emotion().label()).isEqualTo(trained.read(text).emotion().label());
            assertThat(read.read(text).emotion().score()).isCloseTo(trained.read(text).emotion().score(), within(1e-3));
        }
    }

    @Test
    void lexiconBaselineFlipsNegationAndCountsEmoticons() {
        LexiconSentiment baseline = new LexiconSentiment(SentimentLexicon.bundled());
        assertThat(baseline.score("服务很好")).isPositive();
        assertThat(baseline.score("服务不好")).isNegative();
        assertThat(baseline.score("今天[怒]")).isNegative();
    }
}
