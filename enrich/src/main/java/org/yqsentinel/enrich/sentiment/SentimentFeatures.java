package org.yqsentinel.enrich.sentiment;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sentiment model sees of a text: its words with negation scope ({@code 不 好} → {@code !好}),
 * words after a degree adverb ({@code 非常 好} → {@code +好}), Weibo emoticons ({@code [怒]}),
 * character bigrams (robust to segmentation), and cues of rhetorical complaint and sarcasm.
 */
final class SentimentFeatures {

    static final Set<String> NEGATORS = Set.of("不", "没", "没有", "并非", "并不", "别", "无", "未", "不是", "毫无", "从未", "绝非", "不太", "不怎么");
    static final Set<String> DEGREE = Set.of("非常", "很", "太", "特别", "十分", "极其", "超级", "真", "挺", "最", "相当", "格外", "有点",
            "有些", "稍微", "略", "比较", "更", "还算", "超");
    static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,8}\\]");
    /** 这也叫减负? 这就是所谓的…? 难道…吗? — a question that means the opposite. */
    static final Pattern RHETORICAL = Pattern.compile("(这也叫|这也算|这就是所谓的?|这就叫|还好意思|凭什么|难道.{0,20}吗).{0,20}[?？!！]?");
    /** Praise words said with a mocking marker. */
    static final Pattern SARCASM = Pattern.compile("(呵呵|呵呵哒|真是(太)?(好|棒|厉害)|好一个|厉害了|可真行|服了|醉了|真有你的|高,实在是高)");
    /** Two negations that cancel: 并非不好, 不是不满意, 没有不喜欢 read as 好, 满意, 喜欢. */
    static final Pattern DOUBLE_NEGATION = Pattern.compile("(并非|并不是|不是|没有|绝非|并没有)不");
    private static final int NEGATION_SCOPE = 3;

    private SentimentFeatures() {}

    static List<String> of(String text, List<Term> terms) {
        List<String> features = new ArrayList<>(terms.size() * 3);
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
                features.add("P:" + word);
                continue;
            }
            if (NEGATORS.contains(word)) {
                // a second negation inside the scope of the first cancels it: 并非不好 is 好
                negation = negation > 0 ? 0 : NEGATION_SCOPE;
                features.add(negation > 0 ? "NEG" : "NEG2");
                continue;
            }
            if (DEGREE.contains(word)) {
                degree = true;
                continue;
            }
            features.add(negation > 0 ? "!" + word : word);
            if (degree) {
                features.add("+" + (negation > 0 ? "!" : "") + word);
                degree = false;
            }
            if (negation > 0) {
                negation--;
            }
        }
        Matcher emoticons = EMOTICON.matcher(text);
        while (emoticons.find()) {
            features.add("E:" + emoticons.group());
        }
        String content = EMOTICON.matcher(text).replaceAll(" ");
        for (int i = 0; i + 1 < content.length(); i++) {
            char a = content.charAt(i);
            char b = content.charAt(i + 1);
            if (Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b)) {
                features.add("B:" + a + b);
            }
        }
        if (RHETORICAL.matcher(text).find()) {
            features.add("CUE:rhetorical");
        }
        if (SARCASM.matcher(text).find()) {
            features.add("CUE:sarcasm");
        }
        return features;
    }

    private static boolean isBoundary(String word) {
        return word.length() == 1 && "，,。.!！?？;；~～、…".indexOf(word.charAt(0)) >= 0;
    }
}
