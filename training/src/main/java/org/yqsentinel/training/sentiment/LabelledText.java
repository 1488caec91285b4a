package org.yqsentinel.training.sentiment;

import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;

/**
 * A text as a person labelled it: with a polarity (positive or negative in the binary sets; also
 * neutral in the emotion sets), and with an emotion where the set labels emotions. A text labelled
 * surprise has no polarity (surprise can be either).
 */
public record LabelledText(String text, Sentiment.Label polarity, Emotion.Label emotion) {

    /** A text of a binary set: positive or negative. */
    public LabelledText(String text, boolean positive) {
        this(text, positive ? Sentiment.Label.POSITIVE : Sentiment.Label.NEGATIVE, null);
    }

    /** A text labelled with an emotion, its polarity the one a 舆情 desk reads in it. */
    public LabelledText(String text, Emotion.Label emotion) {
        this(text, emotion == Emotion.Label.SURPRISE ? null : emotion.polarity(), emotion);
    }

    public boolean positive() {
        return polarity == Sentiment.Label.POSITIVE;
    }
}
