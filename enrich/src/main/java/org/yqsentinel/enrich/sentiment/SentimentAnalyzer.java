package org.yqsentinel.enrich.sentiment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import org.yqsentinel.model.Sentiment;

/**
 * The sentiment of a post: a score in [-1, 1] (2p − 1 of the model's probability of positive) and a
 * label, neutral when the score is within {@link #NEUTRAL_BAND} of 0. Thread-safe.
 */
public final class SentimentAnalyzer {

    public static final double NEUTRAL_BAND = 0.2;

    private final Segment segment = HanLP.newSegment().enableOffset(false);
    private final SentimentModel model;

    public SentimentAnalyzer(SentimentModel model) {
        this.model = model;
    }

    public static SentimentAnalyzer bundled() {
        return new SentimentAnalyzer(SentimentModel.bundled());
    }

    public Sentiment analyze(String text) {
        return of(model.logit(features(text)));
    }

    /** The same, reusing the caller's segmentation of {@code text} (made with {@code HanLP.newSegment()}). */
    public Sentiment analyze(String text, List<Term> terms) {
        if (SentimentFeatures.DOUBLE_NEGATION.matcher(text).find()) {
            return analyze(text);
        }
        return of(model.logit(SentimentFeatures.of(text, terms)));
    }

    List<String> features(String text) {
        String read = SentimentFeatures.DOUBLE_NEGATION.matcher(text).replaceAll("");
        return SentimentFeatures.of(read, segment.seg(read));
    }

    private static Sentiment of(double logit) {
        double score = 2 * SentimentTrainer.sigmoid(logit) - 1;
        Sentiment.Label label = score > NEUTRAL_BAND ? Sentiment.Label.POSITIVE
                : score < -NEUTRAL_BAND ? Sentiment.Label.NEGATIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(Math.round(score * 1000) / 1000.0, label);
    }
}
