package org.yqsentinel.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String ORIGINAL = "11月20日,市教育局印发《江城市关于调整中小学课后服务收费标准的通知》,"
            + "自明年春季学期起,课后服务收费由每生每学期300元调整为480元,低保家庭学生继续免收。市教育局表示将加强收费监管。";

    @Test
    void reprintWithChangedPunctuationAndASourceLineIsACopy() {
        String reprint = ORIGINAL.replace(",", "，").replace("。", ". ") + "（来源：江城日报）";
        assertThat(SimHash.distance(SimHash.of(ORIGINAL), SimHash.of(reprint))).isLessThanOrEqualTo(SimHash.COPY_DISTANCE);
    }

    @Test
    void reprintThatChangesEditorAndOriginalTitleLinesIsACopy() {
        String reprint = "原标题：江城调整课后服务收费\n" + ORIGINAL + "\n责任编辑：王五 转载请注明出处";
        assertThat(SimHash.distance(SimHash.of(ORIGINAL), SimHash.of(reprint))).isLessThanOrEqualTo(SimHash.COPY_DISTANCE);
    }

    @Test
    void differentTextOnTheSameTopicIsNotACopy() {
        String other = "江城市课后服务收费标准调整后涨幅达六成,不少家长在社交平台表示难以接受,有家长算账称两个孩子一年要多支出近七百元。";
        assertThat(SimHash.distance(SimHash.of(ORIGINAL), SimHash.of(other))).isGreaterThan(SimHash.COPY_DISTANCE);
    }

    @Test
    void fingerprintIsStableAndPrintsAs16HexDigits() {
        long fingerprint = SimHash.of(ORIGINAL);
        assertThat(SimHash.of(ORIGINAL)).isEqualTo(fingerprint);
        assertThat(SimHash.hex(fingerprint)).hasSize(16);
        assertThat(SimHash.parseHex(SimHash.hex(fingerprint))).isEqualTo(fingerprint);
    }

    @Test
    void shortPostsAreNotComparable() {
        assertThat(SimHash.comparable("转发微博")).isFalse();
        assertThat(SimHash.comparable("[怒][怒][怒] !!! ??? ...")).isFalse();
        assertThat(SimHash.comparable(ORIGINAL)).isTrue();
    }
}
