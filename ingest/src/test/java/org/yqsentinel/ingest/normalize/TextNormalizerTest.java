package org.yqsentinel.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void weiboHtmlKeepsMentionsTopicsAndEmoticonsAsText() {
        String html = "<a href='/n/江城发布'>@江城发布</a> 这也叫减负？<span class=\"url-icon\"><img alt=\"[怒]\" "
                + "src=\"https://h5.sinaimg.cn/m/emoticon/icon/default/d_nu-48b3ee1e95.png\" style=\"width:1em;\"></span>"
                + "<br /><a href=\"https://m.weibo.cn/search?containerid=231522\"><span class=\"surl-text\">#江城课后服务涨价#</span></a>";
        assertThat(normalizer.fromHtml(html)).isEqualTo("@江城发布 这也叫减负?[怒]\n#江城课后服务涨价#");
    }

    @Test
    void entitiesAreDecodedAndBlocksBecomeLines() {
        String html = "<div id=\"js_content\"><p>收费&nbsp;标准&gt;300元</p><p>&quot;家长&quot;&amp;学校</p><script>var a=1;</script></div>";
        assertThat(normalizer.fromHtml(html)).isEqualTo("收费 标准>300元\n\"家长\"&学校");
    }

    @Test
    void lineBreaksOfTheHtmlSourceAreSpacesExceptInPreformattedText() {
        String html = "<table><tr>\n  <td>索引号：</td>\n  <td>006939748/2016-01043</td>\n</tr></table><p>第一句\n第二句</p><pre>行一\n行二</pre>";
        assertThat(normalizer.fromHtml(html)).isEqualTo("索引号: 006939748/2016-01043\n第一句 第二句\n行一\n行二");
    }

    @Test
    void fullWidthAsciiBecomesHalfWidthButChinesePunctuationStays() {
        assertThat(normalizer.plain("ＡＢＣ１２３　（试点）。")).isEqualTo("ABC123 (试点)。");
    }

    @Test
    void traditionalChineseBecomesSimplified() {
        assertThat(normalizer.plain("課後服務收費標準調整，家長們很關心")).isEqualTo("课后服务收费标准调整,家长们很关心");
    }

    @Test
    void whitespaceIsCollapsedAndBlankLinesRemoved() {
        assertThat(normalizer.plain("  第一段\t\t内容 \r\n\r\n\n   第二段\u00A0\u00A0内容  ")).isEqualTo("第一段 内容\n第二段 内容");
    }

    @Test
    void longTextIsCutAndFlaggedShortTextIsNot() {
        String huge = "长".repeat(TextNormalizer.MAX_TEXT_CHARS + 10);
        TextNormalizer.Capped capped = normalizer.cap(huge);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.text()).hasSize(TextNormalizer.MAX_TEXT_CHARS);
        assertThat(normalizer.cap("短")).isEqualTo(new TextNormalizer.Capped("短", false));
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String text = "a".repeat(TextNormalizer.MAX_TEXT_CHARS - 1) + "😡😡";
        String cut = normalizer.cap(text).text();
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }
}
