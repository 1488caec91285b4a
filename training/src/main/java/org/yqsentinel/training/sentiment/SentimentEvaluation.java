package org.yqsentinel.training.sentiment;

import java.util.Locale;
import org.yqsentinel.enrich.sentiment.SentimentAnalyzer;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;

/**
 * How the analyzer's readings compare with people's labels on an emotion set: three-class polarity
 * accuracy over the texts that have a polarity (surprise has none), and the F1 of each of the six
 * emotions with their unweighted mean (macro-F1), as the SMP2020-EWECT evaluation scores it.
 */
public final class SentimentEvaluation {

    private final int[][] polarity = new int[3][3];
    private final int[][] emotion = new int[6][6];
    private int texts;
    private int withEmotion;

    /** Counts one labelled text against what the analyzer read in it. */
    public void add(LabelledText text, SentimentAnalyzer.Reading reading) {
        texts++;
        if (text.polarity() != null) {
            polarity[text.polarity().ordinal()][reading.sentiment().label().ordinal()]++;
        }
        if (text.emotion() != null) {
            withEmotion++;
            emotion[text.emotion().ordinal()][reading.emotion().label().ordinal()]++;
        }
    }

    public int texts() {
        return texts;
    }

    /** How many of the texts were labelled with an emotion (none in a three-class polarity set). */
    public int textsWithEmotion() {
        return withEmotion;
    }

    public double polarityAccuracy() {
        return accuracy(polarity);
    }

    public double emotionMacroF1() {
        double sum = 0;
        for (int c = 0; c < emotion.length; c++) {
            sum += f1(emotion, c);
        }
        return sum / emotion.length;
    }

    /** The F1 of one emotion. */
    public double f1(Emotion.Label label) {
        return f1(emotion, label.ordinal());
    }

    /** One line for a person: polarity accuracy with each class's precision and recall, then each emotion's F1 and their mean. */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "polarity accuracy %.4f", polarityAccuracy()));
        for (Sentiment.Label label : Sentiment.Label.values()) {
            int c = label.ordinal();
            line.append(String.format(Locale.ROOT, ", %s P %.4f R %.4f", label.name().toLowerCase(Locale.ROOT),
                    precision(polarity, c), recall(polarity, c)));
        }
        if (withEmotion == 0) {
            return line.toString();
        }
        line.append("; emotion F1");
        for (Emotion.Label label : Emotion.Label.values()) {
            line.append(String.format(Locale.ROOT, " %s %.4f", label.name().toLowerCase(Locale.ROOT), f1(label)));
        }
        return line.append(String.format(Locale.ROOT, ", macro %.4f", emotionMacroF1())).toString();
    }

    private static double accuracy(int[][] m) {
        int right = 0;
        int all = 0;
        for (int g = 0; g < m.length; g++) {
            for (int p = 0; p < m.length; p++) {
                all += m[g][p];
                right += g == p ? m[g][p] : 0;
            }
        }
        return all == 0 ? 0 : right / (double) all;
    }

    private static double precision(int[][] m, int c) {
        int predicted = 0;
        for (int[] row : m) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : m[c][c] / (double) predicted;
    }

    private static double recall(int[][] m, int c) {
        int gold = 0;
        for (int p = 0; p < m.length; p++) {
            gold += m[c][p];
        }
        return gold == 0 ? 0 : m[c][c] / (double) gold;
    }

    private static double f1(int[][] m, int c) {
        double p = precision(m, c);
        double r = recall(m, c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
