package org.yqsentinel.enrich.sentiment;

import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.model.Sentiment;

/**
 * The sentiment of a post: a score in [-1, 1] (2p − 1 of the model's probability of positive) and a
 * label, neutral when the score is within {@link #NEUTRAL_BAND} of 0. Thread-safe.
 */
public final class SentimentAnalyzer {

    public static final double NEUTRAL_BAND = 0.2;

    private final DictionarySegmenter segmenter;
    private final SentimentModel model;

    /** With the bundled dictionaries. */
    public SentimentAnalyzer(SentimentModel model) {
        this(model, DictionarySegmenter.bundled());
    }

    public SentimentAnalyzer(SentimentModel model, DictionarySegmenter segmenter) {
        this.model = model;
        this.segmenter = segmenter;
    }

    public static SentimentAnalyzer bundled() {
        return new SentimentAnalyzer(SentimentModel.bundled());
    }

    public Sentiment analyze(String text) {
        String read = SentimentFeatures.withoutDoubleNegations(text);
        return of(model.logit(read, segmenter.seg(read)));
    }

    /** The same, reusing the caller's segmentation of {@code text} (made by a {@link DictionarySegmenter}). */
    public Sentiment analyze(String text, List<Term> terms) {
        if (SentimentFeatures.hasDoubleNegation(text)) {
            return analyze(text);
        }
        return of(model.logit(text, terms));
    }

    /** The model's features of a text as strings, double negations read as what they mean. */
    static List<String> features(DictionarySegmenter segmenter, String text) {
        String read = SentimentFeatures.withoutDoubleNegations(text);
        return SentimentFeatures.of(read, segmenter.seg(read));
    }

    private static Sentiment of(double logit) {
        double score = 2 * SentimentTrainer.sigmoid(logit) - 1;
        Sentiment.Label label = score > NEUTRAL_BAND ? Sentiment.Label.POSITIVE
                : score < -NEUTRAL_BAND ? Sentiment.Label.NEGATIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(Math.round(score * 1000) / 1000.0, label);
    }
}
