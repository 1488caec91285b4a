package org.yqsentinel.enrich.sentiment;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cues of what a text means against its words, which the model weighs with a fixed prior. Each has
 * trigger words one of which every match of its pattern contains, so the pattern runs only on the
 * few texts that contain one.
 */
enum Cue {

    /** 这也叫减负? 这就是所谓的…? 难道…吗? — a question that means the opposite. */
    RHETORICAL(FeatureKind.RHETORICAL, "(这也叫|这也算|这就是所谓的?|这就叫|还好意思|凭什么|难道.{0,20}吗).{0,20}[?？!！]?",
            "这也叫", "这也算", "这就是所谓", "这就叫", "还好意思", "凭什么", "难道"),
    /** Praise words said with a mocking marker. */
    SARCASM(FeatureKind.SARCASM, "(呵呵|呵呵哒|真是(太)?(好|棒|厉害)|好一个|厉害了|可真行|服了|醉了|真有你的|高,实在是高)",
            "呵呵", "真是", "好一个", "厉害了", "可真行", "服了", "醉了", "真有你的", "高,实在是高");

    final FeatureKind kind;
    final Pattern pattern;
    final List<String> triggers;

    Cue(FeatureKind kind, String pattern, String... triggers) {
        this.kind = kind;
        this.pattern = Pattern.compile(pattern);
        this.triggers = List.of(triggers);
    }

    boolean in(String text) {
        for (String trigger : triggers) {
            if (text.contains(trigger)) {
                return pattern.matcher(text).find();
            }
        }
        return false;
    }
}
