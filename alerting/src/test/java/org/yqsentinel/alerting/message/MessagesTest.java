package org.yqsentinel.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.TITLE;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
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
        assertThat(email.text()).contains("此前 Ⅲ级黄色（较大）", "责任部门：江城市教育局", "negative-share 1.00（权重 60）：71% of 120",
                "[微博 · 微博 · 2026-11-20 18:50 · 互动 5321]", "138****0000", "确认收到（停止升级提醒）：http://127.0.0.1:19280/ack?t=abc.def");
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
}
