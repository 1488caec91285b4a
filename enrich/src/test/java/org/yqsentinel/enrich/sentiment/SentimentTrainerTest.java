package org.yqsentinel.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

class SentimentTrainerTest {

    private static final DictionarySegmenter SEGMENTER = new DictionarySegmenter(Dictionaries.load(RuleFiles.bundled()));

    private static List<LabelledText> toyData() {
        List<LabelledText> texts = new ArrayList<>();
        String[] good = {"服务很好", "非常满意", "干净整洁", "推荐入住", "性价比高"};
        String[] bad = {"服务很差", "非常失望", "又脏又乱", "不推荐", "价格太贵"};
        for (int i = 0; i < 40; i++) {
            texts.add(new LabelledText(good[i % good.length] + "，第" + i + "次", true));
            texts.add(new LabelledText(bad[i % bad.length] + "，第" + i + "次", false));
        }
        return texts;
    }

    private static byte[] bytes(SentimentModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    @Test
    void learnsTheToySetAndTheSameDataGivesTheSameModelByteForByte() throws IOException {
        SentimentTrainer trainer = new SentimentTrainer(SEGMENTER, SentimentTrainer.Options.DEFAULT);
        SentimentModel model = trainer.train(toyData());
        SentimentAnalyzer analyzer = new SentimentAnalyzer(model);
        assertThat(analyzer.analyze("服务很好").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(analyzer.analyze("又脏又乱").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(bytes(trainer.train(toyData()))).isEqualTo(bytes(model));
    }

    @Test
    void modelSurvivesWritingAndReading() throws IOException {
        SentimentModel model = new SentimentTrainer(SEGMENTER, SentimentTrainer.Options.DEFAULT).train(toyData());
        SentimentModel back = SentimentModel.read(new ByteArrayInputStream(bytes(model)), "toy");
        assertThat(back.size()).isEqualTo(model.size());
        assertThat(new SentimentAnalyzer(back).analyze("非常满意")).isEqualTo(new SentimentAnalyzer(model).analyze("非常满意"));
    }

    @Test
    void corruptModelFileNamesTheLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("# sentinel sentiment model v1: logistic regression, feature<TAB>weight\nbias\t0.1\n好\tx\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> SentimentModel.read(new ByteArrayInputStream(out.toByteArray()), "m.tsv.gz"))
                .hasMessage("m.tsv.gz:3: weight 'x' is not a number");
    }

    @Test
    void lexiconBaselineFlipsNegationAndCountsEmoticons() {
        LexiconSentiment baseline = new LexiconSentiment(SentimentLexicon.bundled());
        assertThat(baseline.score("服务很好")).isPositive();
        assertThat(baseline.score("服务不好")).isNegative();
        assertThat(baseline.score("今天[怒]")).isNegative();
    }
}
