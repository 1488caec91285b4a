package org.yqsentinel.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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
    private static final String TITLE = "江城市教育局关于调整中小学课后服务收费标准的通知";
    private static final Instant END = Instant.parse("2026-11-20T11:00:00Z");
    private static final Messages.Links LINKS = new Messages.Links("http://127.0.0.1:19280/ack?t=abc.def", "http://127.0.0.1:19280/a/Ab3dE9",
            "http://127.0.0.1:5601/app/discover#/?_a=(query:(language:kuery,query:'caseId:\"case-1\"'))");

    private static Alert alert(AlertEventType type, Tier tier, Tier previous) {
        return new Alert("江教发〔2026〕18号/escalated/ii_orange/1", type, "江教发〔2026〕18号", TITLE, "case-1", tier, previous, 72.4,
                END.minus(Duration.ofHours(1)), END,
                List.of(new Factor("negative-share", 0.71, 1.0, 60, "71% of 120 linked posts are negative")),
                List.of(new PostRef("weibo:1", Channel.WEIBO, "微博", "https://m.weibo.cn/status/1", END.minusSeconds(600),
                        "课后服务一学期涨到<b>1200</b>元，联系电话138****0000", 5321)),
                "江城市教育局", Instant.parse("2026-11-21T06:00:00Z"));
    }

    @Test
    void anSmsIsOneSegmentWithTierNameScoreDeadlineAndLink() {
        String sms = MESSAGES.sms(alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW), LINKS.shortLink());

        assertThat(sms).hasSizeLessThanOrEqualTo(Messages.SMS_SEGMENT)
                .isEqualTo("【舆情哨兵】Ⅱ橙预警 调整中小学课后服务收… 72分 21日14:00前回应 http://127.0.0.1:19280/a/Ab3dE9");  // 06:00 UTC: 14:00 in Shanghai
        String shortLink = MESSAGES.sms(alert(AlertEventType.OPENED, Tier.IV_BLUE, null), "http://s.cn/a1");
        assertThat(shortLink).as("room for the whole name").contains("调整中小学课后服务收费标准 ").doesNotContain("…");
        assertThat(MESSAGES.sms(alert(AlertEventType.RESOLVED, Tier.IV_BLUE, null), "http://s.cn/a1"))
                .isEqualTo("【舆情哨兵】Ⅳ蓝解除 调整中小学课后服务收费标准 72分 http://s.cn/a1");
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
