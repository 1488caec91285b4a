package org.yqsentinel.enrich;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.util.Set;

/**
 * HanLP's stop words as a hash set, read once: a lookup per token costs a hash of the word instead of a
 * walk through HanLP's compressed word graph, which matters when every token of every post is checked.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.copyOf(CoreStopWordDictionary.dictionary);

    private StopWords() {}

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
