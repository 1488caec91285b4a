package org.yqsentinel.training.sentiment;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.regex.Matcher;
import org.yqsentinel.enrich.sentiment.SentimentFeatures;

/**
 * The baseline the model must beat: the sum of lexicon polarities, flipped inside a negation's scope,
 * scaled by a preceding degree adverb, plus emoticons; positive when the sum is not below zero.
 */
public final class LexiconSentiment {

    private final Segment segment = HanLP.newSegment().enableOffset(false);
    private final SentimentLexicon lexicon;

    public LexiconSentiment(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public double score(String text) {
        double sum = 0;
        int negation = 0;
        double degree = 1;
        for (Term term : segment.seg(SentimentFeatures.EMOTICON.matcher(text).replaceAll(" "))) {
            String word = term.word;
            if (SentimentFeatures.NEGATORS.contains(word)) {
                negation = negation > 0 ? 0 : 3;
                continue;
            }
            Double scale = lexicon.degree().get(word);
            if (scale != null) {
                degree = scale;
                continue;
            }
            Double polarity = lexicon.polarity().get(word);
            if (polarity != null) {
                sum += (negation > 0 ? -polarity : polarity) * degree;
                degree = 1;
            }
            if (negation > 0) {
                negation--;
            }
        }
        Matcher emoticons = SentimentFeatures.EMOTICON.matcher(text);
        while (emoticons.find()) {
            sum += lexicon.polarity().getOrDefault(emoticons.group(), 0.0);
        }
        return sum;
    }

    public boolean isPositive(String text) {
        return score(text) >= 0;
    }
}
