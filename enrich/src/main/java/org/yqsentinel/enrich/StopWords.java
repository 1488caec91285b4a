package org.yqsentinel.enrich;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.util.Set;

/**
 * HanLP's stop words as a hash set, read once: a lookup per token costs a hash of the word instead of a
 * walk through HanLP's compressed word graph, which matters when every token of every post is checked.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.copyOf(CoreStopWordDictionary.dictionary);
    /** One bit per char that starts a stop word (8 KB): most words start with another and need no lookup. */
    private static final long[] STARTS = new long[(Character.MAX_VALUE + 1) / 64];

    static {
        for (String word : WORDS) {
            if (!word.isEmpty()) {
                STARTS[word.charAt(0) >>> 6] |= 1L << word.charAt(0);
            }
        }
    }

    private StopWords() {}

    static boolean contains(String word) {
        return !word.isEmpty() && (STARTS[word.charAt(0) >>> 6] & 1L << word.charAt(0)) != 0 && WORDS.contains(word);
    }
}
