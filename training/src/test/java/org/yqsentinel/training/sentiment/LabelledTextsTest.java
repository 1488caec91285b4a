package org.yqsentinel.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;

class LabelledTextsTest {

    @TempDir
    Path dir;

    @Test
    void csvWithQuotedCommasAndTsvWithWordLabelsAreRead() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "label,review\n1,\"距离较近,但是\"\"蔡陆线\"\"麻烦\"\n0,太差了\n\n");
        assertThat(LabelledTexts.read(csv, LabelledTexts.Part.ALL)).containsExactly(
                new LabelledText("距离较近,但是\"蔡陆线\"麻烦", true), new LabelledText("太差了", false));
        Path tsv = Files.writeString(dir.resolve("b.tsv"), "text\tlabel\n很好\tpositive\n很差\tnegative\n");
        assertThat(LabelledTexts.read(tsv, LabelledTexts.Part.ALL)).extracting(LabelledText::positive).containsExactly(true, false);
    }

    @Test
    void emotionLabelsGiveTheEmotionAndThePolarityADeskReadsInIt() throws Exception {
        Path file = Files.writeString(dir.resolve("emotions.csv"), "label,text\nhappy,好\nangry,气\nfear,怕\nsurprise,啊\nneutral,嗯\n");
        List<LabelledText> texts = LabelledTexts.read(file, LabelledTexts.Part.ALL);
        assertThat(texts).extracting(LabelledText::emotion).containsExactly(Emotion.Label.HAPPY, Emotion.Label.ANGRY,
                Emotion.Label.FEAR, Emotion.Label.SURPRISE, Emotion.Label.NEUTRAL);
        assertThat(texts).extracting(LabelledText::polarity).containsExactly(Sentiment.Label.POSITIVE, Sentiment.Label.NEGATIVE,
                Sentiment.Label.NEGATIVE, null, Sentiment.Label.NEUTRAL);
    }

    @Test
    void neutralIsAPolarityInAFileOfPolaritiesAndAnEmotionInAFileOfEmotions() throws Exception {
        Path polarities = Files.writeString(dir.resolve("desk.tsv"), "label\ttext\nneutral\t通知\nnegative\t事故\npositive\t点赞\n");
        assertThat(LabelledTexts.read(polarities, LabelledTexts.Part.ALL)).extracting(LabelledText::polarity, LabelledText::emotion)
                .containsExactly(tuple(Sentiment.Label.NEUTRAL, null), tuple(Sentiment.Label.NEGATIVE, null), tuple(Sentiment.Label.POSITIVE, null));
        Path emotions = Files.writeString(dir.resolve("emotions.tsv"), "label\ttext\nneutral\t通知\nsad\t难过\n");
        assertThat(LabelledTexts.read(emotions, LabelledTexts.Part.ALL)).extracting(LabelledText::emotion)
                .containsExactly(Emotion.Label.NEUTRAL, Emotion.Label.SAD);
    }

    @Test
    void anUnreadableRowIsNamedWithFileAndLineAndATabSeparatedFileTakesQuotesAsText() throws Exception {
        Path csv = Files.writeString(dir.resolve("broken.csv"), "label,text\n1,好\n0,\"坏\"了\n");
        assertThatThrownBy(() -> LabelledTexts.read(csv, LabelledTexts.Part.ALL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(csv + ":3: not a readable CSV row");
        Path tsv = Files.writeString(dir.resolve("quotes.tsv"), "label\ttext\nnegative\t所谓\"减负\"又涨了\n");
        assertThat(LabelledTexts.read(tsv, LabelledTexts.Part.ALL)).extracting(LabelledText::text).containsExactly("所谓\"减负\"又涨了");
    }

    @Test
    void badLabelOrMissingColumnNamesFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "label,review\n1,好\n2,坏\n");
        assertThatThrownBy(() -> LabelledTexts.read(bad, LabelledTexts.Part.ALL))
                .hasMessageContaining("bad.csv:3: label '2' is neither 0/1, negative/neutral/positive nor one of the emotions [angry, fear, happy, neutral, sad, surprise]");
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), "label,text\nhappy,好\n0,坏\n");
        assertThatThrownBy(() -> LabelledTexts.read(mixed, LabelledTexts.Part.ALL))
                .hasMessageContaining("mixed.csv:3: label '0' in a file of emotion labels ('happy' before it); use one kind of label per file");
        Path noLabel = Files.writeString(dir.resolve("nolabel.csv"), "y,review\n1,好\n");
        assertThatThrownBy(() -> LabelledTexts.read(noLabel, LabelledTexts.Part.ALL)).hasMessageContaining("nolabel.csv:1: no 'label' column");
    }

    @Test
    void trainAndTestPartsAreDisjointStableAndAboutOneFifth() throws Exception {
        StringBuilder csv = new StringBuilder("label,review\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append(i % 2).append(",评论第").append(i).append("条\n");
        }
        Path file = Files.writeString(dir.resolve("many.csv"), csv);
        List<LabelledText> train = LabelledTexts.read(file, LabelledTexts.Part.TRAIN);
        List<LabelledText> test = LabelledTexts.read(file, LabelledTexts.Part.TEST);
        assertThat(train.size() + test.size()).isEqualTo(2_000);
        assertThat(test.size()).isBetween(340, 460);
        List<LabelledText> overlap = new ArrayList<>(train);
        overlap.retainAll(test);
        assertThat(overlap).isEmpty();
        assertThat(LabelledTexts.read(file, LabelledTexts.Part.TEST)).isEqualTo(test);
    }
}
