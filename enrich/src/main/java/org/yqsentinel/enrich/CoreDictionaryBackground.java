package org.yqsentinel.enrich;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.rules.link.WordBackground;

/**
 * HanLP's core dictionary as the fixed word background of policy linking: how often a word occurs in the corpus
 * the dictionary was counted from (about 9.7 million words), and which known words an unknown one is made of, by
 * HanLP's own segmentation without custom dictionaries (课后服务: 课后, 服务). Fixed data, so the same everywhere;
 * thread-safe.
 */
public final class CoreDictionaryBackground implements WordBackground {

    private static final CoreDictionaryBackground INSTANCE = new CoreDictionaryBackground();

    /** The core dictionary alone: the project's and HanLP's custom words would keep the compounds whole. */
    private final Segment segment = HanLP.newSegment().enableCustomDictionary(false).enableNameRecognize(false)
            .enableTranslatedNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false);

    private CoreDictionaryBackground() {}

    public static CoreDictionaryBackground get() {
        return INSTANCE;
    }

    @Override
    public long frequency(String word) {
        if (CoreDictionary.contains(word)) {
            return CoreDictionary.getTermFrequency(word);
        }
        long rarest = -1;
        for (String part : parts(word)) {
            long frequency = CoreDictionary.getTermFrequency(part);
            rarest = rarest < 0 ? frequency : Math.min(rarest, frequency);
        }
        return Math.max(0, rarest);
    }

    @Override
    public List<String> parts(String word) {
        if (word.isEmpty() || CoreDictionary.contains(word)) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (Term term : segment.seg(word)) {
            if (term.word.length() >= 2 && !term.word.equals(word) && CoreDictionary.contains(term.word)) {
                parts.add(term.word);
            }
        }
        return parts;
    }
}
