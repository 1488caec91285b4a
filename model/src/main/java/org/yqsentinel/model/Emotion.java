package org.yqsentinel.model;

/**
 * The emotion a post expresses most, with the model's probability of it: the six classes of the
 * SMP2020-EWECT Weibo set (happy, angry, sad, fear, surprise, neutral), labelled by people.
 */
public record Emotion(Label label, double score) {

    public enum Label {
        HAPPY, ANGRY, SAD, FEAR, SURPRISE, NEUTRAL;

        /** The polarity a 舆情 desk reads in this emotion: happy positive; angry, sad, fear negative; neutral and surprise neutral. */
        public Sentiment.Label polarity() {
            return switch (this) {
                case HAPPY -> Sentiment.Label.POSITIVE;
                case ANGRY, SAD, FEAR -> Sentiment.Label.NEGATIVE;
                case SURPRISE, NEUTRAL -> Sentiment.Label.NEUTRAL;
            };
        }
    }

    public Emotion {
        if (label == null) {
            throw new IllegalArgumentException("emotion label is missing");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("emotion score " + score + " is outside [0, 1]");
        }
    }
}
