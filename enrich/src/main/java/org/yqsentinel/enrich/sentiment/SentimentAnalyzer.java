package org.yqsentinel.enrich.sentiment;

import com.hankcs.hanlp.seg.common.Term;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;

/**
 * How a post feels, as a 舆情 desk reads it: its polarity (a score in [-1, 1], the probability of
 * positive minus that of negative, and the most probable of negative, neutral and positive) and its
 * emotion (the most probable of six, with its probability). Two {@link SoftmaxModel}s read the same
 * features; the polarity model adds fixed priors toward negative for cues that labelled sets rarely show:
 * rhetorical complaint, sarcasm, and reports of harm (accidents, poisonings, corruption, arrears), which
 * the desk counts as negative whatever their tone; and toward positive for praise of a public service or
 * a government response (点赞, 效率真高, 安全转移). Thread-safe.
 */
public final class SentimentAnalyzer {

    /** What the analyzer reads in a text: polarity and emotion. */
    public record Reading(Sentiment sentiment, Emotion emotion) {}

    /** Added to the class scores (negative, neutral, positive) of a text with the cue. */
    static final Map<FeatureKind, double[]> PRIORS = Map.of(
            FeatureKind.RHETORICAL, new double[] {2.5, 0, 0},
            FeatureKind.SARCASM, new double[] {1.5, 0, 0},
            FeatureKind.HARM, new double[] {1.5, 0, 0},
            FeatureKind.PRAISE, new double[] {0, 0, 2.0});

    /**
     * Added to the neutral class's score before the label is chosen: a post is read as negative or positive
     * only when the model leans that way clearly, so questions and notices that merely mention a grievance stay
     * neutral. 0.3 moved the three-class accuracy on held-out human-labelled Weibo by less than 0.001
     * (docs/enrichment.md), and halved the welcome-day questions read as complaints.
     */
    static final double NEUTRAL_MARGIN = 0.3;

    private final DictionarySegmenter segmenter;
    /** The polarity model and the emotion model as one, polarity's three classes first: one lookup per feature for both. */
    private final SoftmaxModel joined;
    /** {@link #PRIORS} for the joined model: nothing added to the emotions. */
    private static final Map<FeatureKind, double[]> JOINED_PRIORS = new EnumMap<>(FeatureKind.class);

    static {
        PRIORS.forEach((kind, prior) -> JOINED_PRIORS.put(kind, Arrays.copyOf(prior, SoftmaxModel.POLARITIES.size() + SoftmaxModel.EMOTIONS.size())));
    }

    /** The bundled models with the bundled dictionaries. */
    public static SentimentAnalyzer bundled() {
        return new SentimentAnalyzer(SoftmaxModel.polarity(), SoftmaxModel.emotions(), DictionarySegmenter.bundled());
    }

    /**
     * @param polarity a model of the classes negative, neutral, positive
     * @param emotions a model of the six emotions, in the order of {@link Emotion.Label}
     */
    public SentimentAnalyzer(SoftmaxModel polarity, SoftmaxModel emotions, DictionarySegmenter segmenter) {
        if (!polarity.classes().equals(SoftmaxModel.POLARITIES)) {
            throw new IllegalArgumentException("a polarity model has the classes " + SoftmaxModel.POLARITIES + ", not " + polarity.classes());
        }
        if (!emotions.classes().equals(SoftmaxModel.EMOTIONS)) {
            throw new IllegalArgumentException("an emotion model has the classes " + SoftmaxModel.EMOTIONS + ", not " + emotions.classes());
        }
        this.segmenter = segmenter;
        this.joined = polarity.joinedWith(emotions);
    }

    public Sentiment analyze(String text) {
        return read(text).sentiment();
    }

    /** Polarity and emotion of a text. */
    public Reading read(String text) {
        String read = SentimentFeatures.withoutDoubleNegations(text);
        return read(read, segmenter.seg(read));
    }

    /** The same, reusing the caller's segmentation of {@code text} (made by a {@link DictionarySegmenter}). */
    public Reading read(String text, List<Term> terms) {
        if (SentimentFeatures.hasDoubleNegation(text)) {
            return read(text);
        }
        double[] sums = joined.scores(SoftmaxModel.features(text, terms), JOINED_PRIORS);  // features extracted once
        int polarities = SoftmaxModel.POLARITIES.size();
        double[] p = SoftmaxModel.softmax(Arrays.copyOfRange(sums, 0, polarities));
        double[] e = SoftmaxModel.softmax(Arrays.copyOfRange(sums, polarities, sums.length));
        return new Reading(sentiment(p), emotion(e));
    }

    /**
     * The models' features of a text as strings (duplicates kept), double negations read as what they mean: what a
     * trainer learns weights for, as the analyzer reads them.
     */
    public static List<String> features(DictionarySegmenter segmenter, String text) {
        String read = SentimentFeatures.withoutDoubleNegations(text);
        return SentimentFeatures.of(read, segmenter.seg(read));
    }

    static Sentiment sentiment(double[] p) {
        double score = Math.max(-1, Math.min(1, Math.round((p[2] - p[0]) * 1000) / 1000.0));
        double neutral = p[1] * Math.exp(NEUTRAL_MARGIN);
        Sentiment.Label label = p[0] > neutral && p[0] >= p[2] ? Sentiment.Label.NEGATIVE
                : neutral >= p[2] ? Sentiment.Label.NEUTRAL : Sentiment.Label.POSITIVE;
        return new Sentiment(score, label);
    }

    static Emotion emotion(double[] p) {
        int best = top(p);
        return new Emotion(Emotion.Label.values()[best], Math.round(p[best] * 1000) / 1000.0);
    }

    /** The index of the most probable class. */
    private static int top(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
