package org.yqsentinel.ingest.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The portal's toolbar and navigation as they survive in crawled text (the text counterpart of the chrome
 * {@link PolicyHtml} drops by element): 【字体:大 中 小】, 打印本页, 分享到, 扫一扫在手机打开当前页, breadcrumbs, and lines
 * with nothing to read such as the ━━━━ rule under the 文号. Only forms no sentence of a document takes are removed.
 */
final class PageChrome {

    /** Toolbar fragments removed wherever they stand in a line; lines are normalized, so colons are ASCII. */
    private static final Pattern FRAGMENT = Pattern.compile(String.join("|",
            // 【字体:大 中 小】, 字号:[ 大 中 小 ], 文字大小:大|中|小
            "[【\\[(]?\\s*(?:字体|字号|文字)(?:大小)?\\s*:?\\s*[【\\[(]?\\s*大[\\s|/\\[\\]]{0,4}中[\\s|/\\[\\]]{0,4}小\\s*[】\\])]?\\s*[】\\])]?",
            "[【\\[]?\\s*(?:打印本页|打印此页|关闭窗口|关闭本页|返回顶部|加入收藏|收藏本页|我要纠错)\\s*[】\\]]?",
            "[【\\[]\\s*(?:打印|关闭|收藏|纠错)\\s*[】\\]]",
            "扫一扫[^\\s,。]{0,10}?(?:打开|查看|浏览|阅读)(?:当前页面?|本页|此页)"));
    /** Lines that are navigation as a whole: 分享到:微信 微博, 当前位置:首页 > 政务公开 > 政策文件. */
    private static final Pattern NAVIGATION = Pattern.compile(
            "^(?:分享(?:到|至|\\s*:)\\s*:?[\\p{IsHan}A-Za-z\\s|]{0,30}"
                    + "|(?:当前位置|您现在的位置|你现在的位置|您的位置|你的位置|所在位置)\\s*:.*"
                    + "|(?:网站)?首页\\s*(?:>|›|»|/).*)$");
    /** Text every fragment holds: lines without any are left to the cheaper checks. */
    private static final List<String> FRAGMENT_MARKS = List.of("大", "打印", "关闭", "返回顶部", "收藏", "纠错", "扫一扫");
    private static final Pattern NOTHING_READABLE = Pattern.compile("^[^\\p{IsHan}\\p{L}\\p{N}]*$");

    private PageChrome() {}

    /**
     * The line without its toolbar fragments, or the empty string when nothing but chrome is in it: navigation,
     * toolbar, or nothing to read (a rule of ━, ─, —, = or -).
     */
    static String clean(String line) {
        boolean marked = FRAGMENT_MARKS.stream().anyMatch(line::contains);
        String cleaned = marked ? FRAGMENT.matcher(line).replaceAll(" ").strip() : line.strip();
        if (NAVIGATION.matcher(cleaned).matches() || NOTHING_READABLE.matcher(cleaned).matches()) {
            return "";
        }
        return cleaned.length() == line.strip().length() ? line : cleaned.replaceAll("\\s{2,}", " ");
    }
}
