package org.yqsentinel.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

/** The hashed scoring path against the feature strings the model was trained on, and the regex-free checks against their regexes. */
class SentimentFeaturesTest {

    private static final DictionarySegmenter SEGMENTER = new DictionarySegmenter(Dictionaries.load(RuleFiles.bundled()));

    private static final List<String> HARD_CASES = List.of(
            "这也叫减负？一学期多交一百八", "这也算惠民政策?", "呵呵，真是好样的，收费一年涨两次", "课后服务费又涨了[怒][怒]",
            "老师辛苦了，课后服务办得很用心[赞]", "服务不好，态度也差", "服务并非不好，只是价格偏高", "非常满意，学校安排得很周到",
            "没有任何改善，还是老样子，太失望了", "低保家庭继续免收，这个政策很暖心", "不是不满意，并没有不喜欢", "难道\n这样就对吗",
            "[哈哈哈哈哈哈哈哈]与[哈哈哈哈哈哈哈哈哈]", "[[怒]][ ][a b][][😀]", "高,实在是高", "NEG NEG2 B:好 !好 E:[怒]", "");

    /** Pieces that exercise every feature and its edge: negation, degree, emoticons and near-emoticons, cues, punctuation, pairs. */
    private static final String[] PIECES = {
        "服务", "很", "好", "不", "没", "并非", "并不是", "不是", "没有", "并没有", "绝非", "不太", "非常", "有点", "满意", "失望", "收费",
        "，", "。", "！", "？", "?", "…", " ", "\n", "\t", "、", "~",
        "[怒]", "[泪]", "[赞]", "[哈哈哈哈哈哈哈哈]", "[哈哈哈哈哈哈哈哈哈]", "[]", "[ ]", "[a b]", "[\u3000]", "[", "]", "[[", "]]",
        "[😀]", "😀", "\uD83D", "\uDE00",
        "这也叫", "这也算", "这就是所谓的", "这就叫", "难道", "吗", "还好意思", "凭什么", "呵呵", "真是", "太", "棒", "厉害", "厉害了",
        "好一个", "可真行", "服了", "醉了", "真有你的", "高,实在是高",
        "abc", "123", "Ｗｉｆｉ", "课后服务费", "涨了", "一百八", "低保家庭"
    };

    /** The hard cases, a few hundred random mixes of the pieces, and a few long ones (more distinct features than the set's first size). */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>(HARD_CASES);
        Random random = new Random(20261125L);
        for (int i = 0; i < 400; i++) {
            texts.add(mix(random, 1 + random.nextInt(i < 395 ? 40 : 3_000)));
        }
        return texts;
    }

    private static String mix(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(4) == 0 ? String.valueOf((char) (0x4e00 + random.nextInt(0x5000))) : PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @Test
    void hashedFeaturesAreTheHashesOfTheFeatureStrings() {
        FeatureHashes hashes = new FeatureHashes();
        for (String text : texts()) {
            List<Term> terms = SEGMENTER.seg(text);
            Set<Long> expected = SentimentFeatures.of(text, terms).stream().map(FeatureHash::of).collect(Collectors.toSet());
            hashes.clear();
            SentimentFeatures.extract(text, terms, hashes);
            Set<Long> actual = new HashSet<>();
            for (int i = 0; i < hashes.size(); i++) {
                actual.add(hashes.get(i));
                assertThat(hashes.contains(hashes.get(i))).isTrue();
            }
            assertThat(actual).as(text).isEqualTo(expected);
            assertThat(hashes.size()).as("each hash once: %s", text).isEqualTo(expected.size());
        }
    }

    @Test
    void hashedProbabilitiesAreThoseOfTheFeatureStrings() {
        SoftmaxModel polarity = SoftmaxModel.polarity();
        SoftmaxModel emotions = SoftmaxModel.emotions();
        for (String text : texts()) {
            List<Term> terms = SEGMENTER.seg(text);
            List<String> strings = SentimentFeatures.of(text, terms);
            assertThat(polarity.probabilities(text, terms, SentimentAnalyzer.PRIORS)).as(text)
                    .containsExactly(polarity.probabilities(strings, SentimentAnalyzer.PRIORS), within(1e-9));
            assertThat(emotions.probabilities(text, terms)).as(text).containsExactly(emotions.probabilities(strings), within(1e-9));
        }
    }

    @Test
    void theAnalyzersJoinedTableReadsAsEachModelAlone() {
        SoftmaxModel polarity = SoftmaxModel.polarity();
        SoftmaxModel emotions = SoftmaxModel.emotions();
        SentimentAnalyzer analyzer = new SentimentAnalyzer(polarity, emotions, SEGMENTER);
        for (String text : texts()) {
            List<Term> terms = SEGMENTER.seg(text);
            if (SentimentFeatures.hasDoubleNegation(text)) {
                continue;  // read again without the double negation: the analyzer's own segmentation
            }
            SentimentAnalyzer.Reading reading = analyzer.read(text, terms);
            assertThat(reading.sentiment()).as(text).isEqualTo(SentimentAnalyzer.sentiment(polarity.probabilities(text, terms, SentimentAnalyzer.PRIORS)));
            assertThat(reading.emotion()).as(text).isEqualTo(SentimentAnalyzer.emotion(emotions.probabilities(text, terms)));
        }
    }

    @Test
    void charactersAreReadInTheOpeningOnlyAndWordsThroughout() {
        String text = "好".repeat(SentimentFeatures.NGRAM_CHARS) + "差劲";
        List<String> features = SentimentFeatures.of(text, List.of(new com.hankcs.hanlp.seg.common.Term("差劲", com.hankcs.hanlp.corpus.tag.Nature.a)));
        assertThat(features).contains("C:好", "B:好好", "差劲").doesNotContain("C:差", "B:差劲", "B:好差");
    }

    @Test
    void emoticonsAndBigramsAreThoseOfTheRegexDefinition() {
        for (String text : texts()) {
            if (text.length() > SentimentFeatures.NGRAM_CHARS) {
                text = text.substring(0, SentimentFeatures.NGRAM_CHARS);  // characters are read that far, and no further
            }
            List<String> expected = new ArrayList<>();
            Matcher emoticons = SentimentFeatures.EMOTICON.matcher(text);
            while (emoticons.find()) {
                expected.add("E:" + emoticons.group());
            }
            String content = SentimentFeatures.EMOTICON.matcher(text).replaceAll(" ");
            for (int i = 0; i + 1 < content.length(); i++) {
                if (Character.isLetterOrDigit(content.charAt(i)) && Character.isLetterOrDigit(content.charAt(i + 1))) {
                    expected.add("B:" + content.charAt(i) + content.charAt(i + 1));
                }
            }
            List<String> actual = SentimentFeatures.of(text, List.of()).stream().filter(f -> f.startsWith("E:") || f.startsWith("B:")).toList();
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void cueTriggersSkipOnlyTextsThePatternCannotMatch() {
        int matched = 0;
        for (String text : texts()) {
            for (Cue cue : Cue.values()) {
                if (cue.pattern == null) {  // a word list: its triggers are the whole cue
                    assertThat(cue.in(text)).as("%s in %s", cue, text).isEqualTo(cue.triggers.stream().anyMatch(text::contains));
                    continue;
                }
                boolean expected = cue.pattern.matcher(text).find();
                assertThat(cue.in(text)).as("%s in %s", cue, text).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).isGreaterThan(50);
    }

    @Test
    void doubleNegationIsFoundAsTheRegexFindsIt() {
        int found = 0;
        for (String text : texts()) {
            boolean expected = SentimentFeatures.DOUBLE_NEGATION.matcher(text).find();
            assertThat(SentimentFeatures.hasDoubleNegation(text)).as(text).isEqualTo(expected);
            assertThat(SentimentFeatures.withoutDoubleNegations(text)).isEqualTo(SentimentFeatures.DOUBLE_NEGATION.matcher(text).replaceAll(""));
            found += expected ? 1 : 0;
        }
        assertThat(found).isGreaterThan(10);
    }

    @Test
    void featureHashIsFnv1aAndContinuesFromAPrefix() {
        assertThat(FeatureHash.of("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(FeatureHash.of("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(FeatureHash.of("foobar")).isEqualTo(0x85944171f73967e8L);
        assertThat(FeatureHash.update(FeatureKind.BIGRAM.hash, "很好吗", 1, 3)).isEqualTo(FeatureHash.of("B:好吗"));
        assertThat(FeatureHash.of("B:好吗")).isNotEqualTo(FeatureHash.of("B:吗好"));
    }

    @Test
    void aClearedSetForgetsItsHashesAndKeepsThemAllWhenItGrows() {
        FeatureHashes hashes = new FeatureHashes();
        for (int round = 0; round < 3; round++) {
            hashes.clear();
            for (int i = 0; i < 5_000; i++) {
                String word = "词" + (i % 2_000 + round);
                hashes.accept(FeatureKind.WORD, word, 0, word.length());
            }
            assertThat(hashes.size()).isEqualTo(2_000);
            assertThat(hashes.contains(FeatureHash.of("词" + round))).isTrue();
            assertThat(hashes.contains(FeatureHash.of("词" + (2_000 + round)))).isFalse();
        }
    }
}
