package org.yqsentinel.training.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.sentiment.SentimentAnalyzer;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;

class SentimentEvaluationTest {

    private static SentimentAnalyzer.Reading reading(Sentiment.Label polarity, Emotion.Label emotion) {
        return new SentimentAnalyzer.Reading(new Sentiment(0, polarity), new Emotion(emotion, 0.5));
    }

    @Test
    void polarityLeavesSurpriseOutAndTheMacroF1IsTheMeanOverSixEmotions() {
        SentimentEvaluation evaluation = new SentimentEvaluation();
        evaluation.add(new LabelledText("a", Emotion.Label.HAPPY), reading(Sentiment.Label.POSITIVE, Emotion.Label.HAPPY));
        evaluation.add(new LabelledText("b", Emotion.Label.ANGRY), reading(Sentiment.Label.NEGATIVE, Emotion.Label.SAD));
        evaluation.add(new LabelledText("c", Emotion.Label.NEUTRAL), reading(Sentiment.Label.NEGATIVE, Emotion.Label.NEUTRAL));
        evaluation.add(new LabelledText("d", Emotion.Label.SURPRISE), reading(Sentiment.Label.POSITIVE, Emotion.Label.SURPRISE));

        assertThat(evaluation.texts()).isEqualTo(4);
        assertThat(evaluation.polarityAccuracy()).isCloseTo(2 / 3.0, within(1e-12));  // the surprise text has no polarity
        assertThat(evaluation.f1(Emotion.Label.HAPPY)).isEqualTo(1.0);
        assertThat(evaluation.f1(Emotion.Label.ANGRY)).isZero();
        assertThat(evaluation.f1(Emotion.Label.SAD)).isZero();  // predicted once, wrongly
        assertThat(evaluation.f1(Emotion.Label.FEAR)).isZero();  // never labelled nor predicted
        assertThat(evaluation.emotionMacroF1()).isCloseTo(3 / 6.0, within(1e-12));
        assertThat(evaluation.summary()).startsWith("polarity accuracy 0.6667, negative P 0.5000 R 1.0000").endsWith("macro 0.5000");
    }
}
