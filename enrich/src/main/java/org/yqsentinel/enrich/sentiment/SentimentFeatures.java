package org.yqsentinel.enrich.sentiment;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the sentiment model sees of a text: its words with negation scope ({@code 不 好} → {@code !好}),
 * words after a degree adverb ({@code 非常 好} → {@code +好}), Weibo emoticons ({@code [怒]}),
 * characters and character bigrams (robust to segmentation), and cues of rhetorical
 * complaint, sarcasm and harm. One walk
 * over the text reports them to a {@link FeatureSink}, as strings for training or as hashes for scoring.
 */
public final class SentimentFeatures {

    /** The words that open a negation's scope. */
    public static final Set<String> NEGATORS = Set.of("不", "没", "没有", "并非", "并不", "别", "无", "未", "不是", "毫无", "从未", "绝非", "不太", "不怎么");
    static final Set<String> DEGREE = Set.of("非常", "很", "太", "特别", "十分", "极其", "超级", "真", "挺", "最", "相当", "格外", "有点",
            "有些", "稍微", "略", "比较", "更", "还算", "超");
    /** First chars of the negators and degree adverbs: most words start with another and skip both lookups. */
    private static final BitSet MODIFIER_STARTS = Stream.concat(NEGATORS.stream(), DEGREE.stream())
            .mapToInt(word -> word.charAt(0)).collect(BitSet::new, BitSet::set, BitSet::or);
    /** A Weibo emoticon ({@code [怒]}); the feature walk finds the same spans by hand, without the regex. */
    public static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,8}\\]");
    private static final int EMOTICON_MAX_LENGTH = 8;
    /** Negations that cancel the 不 after them, in the order the pattern tries them. */
    private static final List<String> DOUBLE_NEGATORS = List.of("并非", "并不是", "不是", "没有", "绝非", "并没有");
    /** Two negations that cancel: 并非不好, 不是不满意, 没有不喜欢 read as 好, 满意, 喜欢. */
    static final Pattern DOUBLE_NEGATION = Pattern.compile("(" + String.join("|", DOUBLE_NEGATORS) + ")不");
    private static final int NEGATION_SCOPE = 3;

    private SentimentFeatures() {}

    /** The features as strings, in the order {@link #extract} reports them (duplicates kept). */
    static List<String> of(String text, List<Term> terms) {
        List<String> features = new ArrayList<>(terms.size() * 6);
        extract(text, terms, (kind, chars, start, end) -> features.add(kind.prefix + chars.substring(start, end)));
        return features;
    }

    /** Reports the features of {@code text}, segmented as {@code terms}: words, then emoticons, then character n-grams, then cues. */
    static void extract(String text, List<Term> terms, FeatureSink sink) {
        words(terms, sink);
        emoticons(text, sink);
        ngrams(text, sink);
        boolean mocking = false;
        for (Cue cue : Cue.values()) {
            // praise inside a rhetorical question or with a mocking marker (这也算惠民?) is the complaint it mocks
            if ((cue != Cue.PRAISE || !mocking) && cue.in(text)) {
                sink.accept(cue.kind);
                mocking |= cue == Cue.RHETORICAL || cue == Cue.SARCASM;
            }
        }
    }

    /** True when the text has a double negation (the same texts as {@link #DOUBLE_NEGATION}), checked without the regex. */
    static boolean hasDoubleNegation(String text) {
        for (int i = text.indexOf('不', 1); i >= 0; i = text.indexOf('不', i + 1)) {
            for (String negator : DOUBLE_NEGATORS) {
                if (text.startsWith(negator, i - negator.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text with its double negations read as the positive they mean (并非不好 → 好). */
    static String withoutDoubleNegations(String text) {
        return hasDoubleNegation(text) ? DOUBLE_NEGATION.matcher(text).replaceAll("") : text;
    }

    private static void words(List<Term> terms, FeatureSink sink) {
        int negation = 0;
        boolean degree = false;
        for (Term term : terms) {
            String word = term.word;
            if (word.isBlank()) {
                continue;
            }
            if (isBoundary(word)) {
                negation = 0;
                degree = false;
                sink.accept(FeatureKind.PUNCTUATION, word, 0, word.length());
                continue;
            }
            boolean modifier = MODIFIER_STARTS.get(word.charAt(0));
            if (modifier && NEGATORS.contains(word)) {
                // a second negation inside the scope of the first cancels it: 并非不好 is 好
                negation = negation > 0 ? 0 : NEGATION_SCOPE;
                sink.accept(negation > 0 ? FeatureKind.NEGATION : FeatureKind.CANCELLED_NEGATION);
                continue;
            }
            if (modifier && DEGREE.contains(word)) {
                degree = true;
                continue;
            }
            sink.accept(negation > 0 ? FeatureKind.NEGATED_WORD : FeatureKind.WORD, word, 0, word.length());
            if (degree) {
                sink.accept(negation > 0 ? FeatureKind.NEGATED_DEGREE_WORD : FeatureKind.DEGREE_WORD, word, 0, word.length());
                degree = false;
            }
            if (negation > 0) {
                negation--;
            }
        }
    }

    private static void emoticons(String text, FeatureSink sink) {
        for (int i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
            int end = emoticonEnd(text, i);
            if (end > 0) {
                sink.accept(FeatureKind.EMOTICON, text, i, end);
                i = end - 1;
            }
        }
    }

    /**
     * How far into a text its characters and pairs are read: a post's opening carries its tone, the words
     * of the rest still count, and a long article costs no more than a long post (docs/performance.md).
     */
    static final int NGRAM_CHARS = 140;

    /** Each letter or digit, and pairs of them, in the first {@link #NGRAM_CHARS}; never across or inside an emoticon. */
    private static void ngrams(String text, FeatureSink sink) {
        int run = 0;
        int end = Math.min(text.length(), NGRAM_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            int emoticon = c == '[' ? emoticonEnd(text, i) : -1;
            if (emoticon > 0) {
                i = emoticon - 1;
                run = 0;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                run = 0;
                continue;
            }
            run++;
            sink.accept(FeatureKind.CHAR, text, i, i + 1);
            if (run >= 2) {
                sink.accept(FeatureKind.BIGRAM, text, i - 1, i + 1);
            }
        }
    }

    /**
     * The end of the emoticon whose {@code [} is at {@code open}, or -1: as {@link #EMOTICON}, 1 to 8
     * code points, none a bracket or whitespace, then {@code ]}.
     */
    private static int emoticonEnd(String text, int open) {
        int length = 0;
        for (int i = open + 1; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == ']') {
                return length > 0 ? i + 1 : -1;
            }
            if (c == '[' || isRegexWhitespace(c) || ++length > EMOTICON_MAX_LENGTH) {
                return -1;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** {@code \s} of {@link Pattern}: ASCII whitespace only. */
    private static boolean isRegexWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isBoundary(String word) {
        return word.length() == 1 && "，,。.!！?？;；~～、…".indexOf(word.charAt(0)) >= 0;
    }
}
