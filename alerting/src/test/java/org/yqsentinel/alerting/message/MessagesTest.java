package org.yqsentinel.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.yqsentinel.alerting.SampleAlerts.END;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.TITLE;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;

class MessagesTest {

    private static final Messages MESSAGES = new Messages(ZoneId.of("Asia/Shanghai"));

    @Test
    void anSmsIsOneSegmentWithTierNameScoreDeadlineAndLink() {
        Messages.Sms message = MESSAGES.sms(alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW), LINKS.shortLink());
        String sms = message.text();

        assertThat(sms).hasSizeLessThanOrEqualTo(Messages.SMS_SEGMENT)
                .isEqualTo("【舆情哨兵】Ⅱ橙预警 调整中小学课后服务收… 72分 21日14:00前回应 http://127.0.0.1:19280/a/Ab3dE9");  // 06:00 UTC: 14:00 in Shanghai
        String shortLink = MESSAGES.sms(alert(AlertEventType.OPENED, Tier.IV_BLUE, null), "http://s.cn/a1").text();
        assertThat(shortLink).as("room for the whole name").contains("调整中小学课后服务收费标准 ").doesNotContain("…");
        assertThat(MESSAGES.sms(alert(AlertEventType.RESOLVED, Tier.IV_BLUE, null), "http://s.cn/a1").text())
                .isEqualTo("【舆情哨兵】Ⅳ蓝解除 调整中小学课后服务收费标准 72分 http://s.cn/a1");
        assertThat(message.fields()).as("the parts, for providers' registered templates").containsExactly(
                entry("event", "Ⅱ橙预警"), entry("name", "调整中小学课后服务收…"),
                entry("score", "72"), entry("deadline", "21日14:00"),
                entry("link", "http://127.0.0.1:19280/a/Ab3dE9"));
    }

    @Test
    void anSmsRefusesALinkThatLeavesNoRoom() {
        assertThatThrownBy(() -> MESSAGES.sms(alert(AlertEventType.OPENED, Tier.I_RED, null), "https://alerts.jiangcheng.example.gov.cn/ack/" + "x".repeat(30)))
                .hasMessageContaining("use a shorter public URL");
    }

    @Test
    void theShortNameDropsTheOfficeAndTheKindOfDocument() {
        assertThat(Messages.shortName(alert(AlertEventType.OPENED, Tier.IV_BLUE, null))).isEqualTo("调整中小学课后服务收费标准");
    }

    @Test
    void anEmailSaysWhatHowBadWhyWhichPostsByWhenAndHowToAcknowledge() {
        Messages.Email email = MESSAGES.email(alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW), LINKS);

        assertThat(email.subject()).isEqualTo("【Ⅱ级橙色（重大）·预警升级】" + TITLE + "：舆情风险 72 分，请于 2026-11-21 14:00 前回应");
        assertThat(email.text()).contains("此前 Ⅲ级黄色（较大）", "责任部门：江城市教育局", "负面占比 1.00（权重 60）：71% of 120",
                "[微博 · 微博 · 2026-11-20 18:50 · 互动 5321]", "138****0000", "确认收到（停止升级提醒），并可记录官方回应：http://127.0.0.1:19280/ack?t=abc.def");
        assertThat(email.html()).contains("#f07c16", "href=\"http://127.0.0.1:19280/ack?t=abc.def\"", "&lt;b&gt;1200&lt;/b&gt;")
                .doesNotContain("<b>1200</b>")
                .contains("query:&#39;caseId:&quot;case-1&quot;&#39;");
    }

    @Test
    void robotsGetMarkdownInTheirOwnShape() throws Exception {
        Alert alert = alert(AlertEventType.OPENED, Tier.I_RED, null);
        JsonNode ding = Json.mapper().readTree(MESSAGES.dingtalk(alert, LINKS));
        assertThat(ding.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(ding.path("markdown").path("title").asText()).isEqualTo("Ⅰ级红色（特别重大） 调整中小学课后服务收费标准");
        assertThat(ding.path("markdown").path("text").asText()).contains("#d9302c", "[确认收到](http://127.0.0.1:19280/ack?t=abc.def)");
        JsonNode wecom = Json.mapper().readTree(MESSAGES.wecom(alert, LINKS));
        assertThat(wecom.path("markdown").path("content").asText()).contains("<font color=\"warning\">Ⅰ级红色（特别重大） · 新发预警</font>");
        assertThat(Json.mapper().readTree(MESSAGES.wecom(alert(AlertEventType.OPENED, Tier.IV_BLUE, null), LINKS))
                .path("markdown").path("content").asText()).contains("color=\"info\"");
    }

    @Test
    void anSmsWithTheKeyedShortLinkStillFitsOneSegmentInTheLongestCase() {
        Alert full = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW);
        Alert hundred = new Alert(full.id(), full.type(), full.subjectId(), full.subjectTitle(), full.caseId(), full.tier(), full.previousTier(),
                100, full.windowStart(), full.windowEnd(), full.factors(), full.topItems(), full.responsibleDepartment(), full.topic(),
                full.region(), full.respondBy());
        String link = "http://127.0.0.1:19280/" + "Ab3dE9fG1hJ2";  // the demo's base and a code of AckTokens.SHORT_CODE_LENGTH

        String sms = MESSAGES.sms(hundred, link, "催办").text();

        assertThat(sms).hasSizeLessThanOrEqualTo(Messages.SMS_SEGMENT).endsWith(" " + link).contains("Ⅱ橙预警催办 调整中", "100分");
    }

    @Test
    void onlyHttpAddressesOfPostsBecomeLinks() {
        Alert alert = withPost(new PostRef("weibo:2", Channel.WEIBO, "微博", "javascript:alert(1)", END, "课后服务", 10),
                new PostRef("news:3", Channel.NEWS, "江城日报", "HTTPS://news.example.cn/a/3.html", END, "收费标准", 20),
                new PostRef("news:4", Channel.NEWS, "江城日报", "data:text/html;base64,PHNjcmlwdD4=", END, "说明", 5));

        Messages.Email email = MESSAGES.email(alert, LINKS);

        assertThat(email.html()).doesNotContain("javascript:", "data:text").contains("<a href=\"HTTPS://news.example.cn/a/3.html\">原文</a>");
        assertThat(email.html().split("原文</a>", -1)).hasSize(2);
        assertThat(email.text()).doesNotContain("javascript:", "data:text").contains("收费标准 HTTPS://news.example.cn/a/3.html");
        assertThat(Messages.webAddress("http:///no-host")).isNull();
        assertThat(Messages.webAddress("https://m.weibo.cn/status/1")).isEqualTo("https://m.weibo.cn/status/1");
    }

    @Test
    void controlCharactersInNamesReachNeitherSubjectNorBodyNorSms() {
        Alert alert = withPost(new PostRef("weibo:5", Channel.WEIBO, "江城\r\nBcc: x@evil.example\u0000\u001b[31m", "https://m.weibo.cn/status/5", END,
                "正文\u0007第二段", 10));
        Alert titled = new Alert(alert.id(), alert.type(), alert.subjectId(), "关于调整\r\n课后服务\u0000收费标准\u001b的通知", alert.caseId(),
                alert.tier(), alert.previousTier(), alert.score(), alert.windowStart(), alert.windowEnd(), alert.factors(), alert.topItems(),
                "江城市\n教育局", alert.topic(), alert.region(), alert.respondBy());

        Messages.Email email = MESSAGES.email(titled, LINKS);
        String sms = MESSAGES.sms(titled, "http://s.cn/a1").text();
        String robot = MESSAGES.dingtalk(titled, LINKS, null, "dlv-0028e58b");

        for (String text : List.of(email.subject(), sms)) {
            assertThat(text).doesNotContain("\r", "\n", "\u0000", "\u001b");
        }
        assertThat(email.subject()).contains("关于调整 课后服务收费标准的通知");
        assertThat(email.text()).contains("江城 Bcc: x@evil.example[31m", "正文第二段", "责任部门：江城市 教育局\n")
                .doesNotContain("\r", "\u0000", "\u001b", "\u0007");
        assertThat(email.html()).doesNotContain("\r", "\n", "\u0000", "\u001b", "\u0007");
        assertThat(robot).doesNotContain("\\u0000", "\\u001B", "\\r");
        assertThat(Messages.clean("a\u202eb\u2066c\u0085d")).isEqualTo("abc d");
    }

    @Test
    void aRobotMessageEndsWithTheNotificationsNumberSoARepeatIsRecognised() throws Exception {
        Alert alert = alert(AlertEventType.OPENED, Tier.I_RED, null);
        assertThat(Json.mapper().readTree(MESSAGES.dingtalk(alert, LINKS, null, "dlv-0028e58b")).path("markdown").path("text").asText())
                .endsWith("\n\n通知编号 dlv-0028e58b");
        assertThat(Json.mapper().readTree(MESSAGES.wecom(alert, LINKS, null, "dlv-0028e58b")).path("markdown").path("content").asText())
                .endsWith("\n\n通知编号 dlv-0028e58b");
    }

    @Test
    void factorLinesNameEachFactorInChineseAndDoNotRepeatTheLabel() {
        Alert a = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW);
        Alert alert = new Alert(a.id(), a.type(), a.subjectId(), a.subjectTitle(), a.caseId(), a.tier(), a.previousTier(), a.score(),
                a.windowStart(), a.windowEnd(), List.of(new Factor("volume", 212, 1, 30, "声量：公众发帖 77 条，满分 200"),
                new Factor("growth", 3, 0.5, 25, "increase over baseline")), a.topItems(), a.responsibleDepartment(), a.topic(),
                a.region(), a.respondBy());

        Messages.Email email = MESSAGES.email(alert, LINKS);

        assertThat(email.text()).contains("  · 声量 1.00（权重 30）：公众发帖 77 条，满分 200\n", "  · 增速 0.50（权重 25）：increase over baseline\n")
                .doesNotContain("volume", "growth");
        assertThat(email.html()).contains("<td>声量</td>", "<td>公众发帖 77 条，满分 200</td>").doesNotContain(">volume<");
        assertThat(MESSAGES.dingtalk(alert, LINKS, null, null)).contains("- 声量 1.00：公众发帖 77 条");
    }

    private static Alert withPost(PostRef... posts) {
        Alert a = alert(AlertEventType.OPENED, Tier.II_ORANGE, null);
        return new Alert(a.id(), a.type(), a.subjectId(), a.subjectTitle(), a.caseId(), a.tier(), a.previousTier(), a.score(), a.windowStart(),
                a.windowEnd(), a.factors(), List.of(posts), a.responsibleDepartment(), a.topic(), a.region(), a.respondBy());
    }
}
