package org.yqsentinel.enrich.sentiment;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            "呵呵", "真是", "好一个", "厉害了", "可真行", "服了", "醉了", "真有你的", "高,实在是高"),
    /**
     * Harm to people or their livelihood, which a 舆情 desk reads as negative whatever the tone: accidents,
     * disasters, poisonings, corruption, wage arrears, failing public services.
     */
    HARM(FeatureKind.HARM, null, harmWords()),
    /** Praise of a public service or a government response: 点赞, 效率真高, 一次办好, 暖心. */
    PRAISE(FeatureKind.PRAISE, null, "点赞", "效率高", "效率真高", "效率太高", "效率很高", "好评", "给力", "暖心", "贴心", "赞一个", "辛苦了",
            "一次办好", "最多跑一次", "跑一次", "便民", "为民", "及时处置", "及时回应", "迅速处置", "全部获救", "安全转移", "妥善安置", "实实在在",
            "办实事", "好政策", "惠民");

    final FeatureKind kind;
    final Pattern pattern;
    final List<String> triggers;
    /** The triggers by their first char: one pass over a text finds whether any occurs, however many there are. */
    private final Map<Character, String[]> byFirst = new HashMap<>();
    private final BitSet firstChars = new BitSet();

    Cue(FeatureKind kind, String pattern, String... triggers) {
        this.kind = kind;
        this.pattern = pattern == null ? null : Pattern.compile(pattern);
        this.triggers = List.of(triggers);
        for (String trigger : triggers) {
            firstChars.set(trigger.charAt(0));
            byFirst.merge(trigger.charAt(0), new String[] {trigger}, (a, b) -> {
                String[] both = Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
    }

    boolean in(String text) {
        return hasTrigger(text) && (pattern == null || pattern.matcher(text).find());
    }

    private boolean hasTrigger(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!firstChars.get(c)) {
                continue;
            }
            String[] candidates = byFirst.get(c);
            if (candidates != null) {
                for (String trigger : candidates) {
                    if (text.startsWith(trigger, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String[] harmWords() {
        return new String[] {
            // accidents and disasters
            "爆炸", "坍塌", "倒塌", "塌方", "塌陷", "起火", "火灾", "失火", "着火", "泄漏", "车祸", "相撞", "追尾", "侧翻", "翻车",
            "坠楼", "溺亡", "溺水", "被困", "遇难", "罹难", "身亡", "丧生", "死亡", "伤亡", "受伤", "重伤", "送医", "抢救无效",
            "失联", "决堤", "内涝", "山洪", "泥石流", "滑坡",
            // poisonings and unsafe goods
            "中毒", "呕吐", "腹泻", "变质", "发霉", "过期", "异物", "致癌", "超标", "假药", "劣质", "毒奶",
            // corruption and abuse of power
            "受贿", "行贿", "贪污", "腐败", "挪用", "落马", "被查", "违纪", "双规", "滥用职权", "索贿", "吃拿卡要",
            // arrears and losses
            "拖欠", "欠薪", "讨薪", "跑路", "烂尾", "爆雷", "断供", "骗保", "诈骗", "被骗",
            // failing services and harm to persons
            "停水", "停电", "打人", "殴打", "暴力执法", "猝死", "投诉无门", "没人管", "无人管", "推诿", "踢皮球"
        };
    }
}
