package org.yqsentinel.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.SampleAlerts.END;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.Tier;

/**
 * Every kind of message, for events that take every branch of the wording, reads exactly as the text under
 * {@code src/test/resources/messages/}: a change of wording, spacing or escaping shows here, byte for byte.
 */
class MessageWordingTest {

    private static final Messages MESSAGES = new Messages(ZoneId.of("Asia/Shanghai"));

    /** An event to word, and the remarks of a notice, a reminder or an escalation report. */
    record Case(String name, Alert alert, String remark, String smsRemark, String reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        Alert red = alert(AlertEventType.OPENED, Tier.I_RED, null);
        Alert resolved = alert(AlertEventType.RESOLVED, Tier.IV_BLUE, Tier.II_ORANGE);
        Alert topic = new Alert("topic:课后服务/resolved/iv_blue/1", AlertEventType.RESOLVED, "topic:课后服务", " ", "case-2", Tier.IV_BLUE,
                Tier.II_ORANGE, 31.5, resolved.windowStart(), resolved.windowEnd(),
                List.of(new Factor("volume", 40, 0.4, 25, "40 posts in the window"), new Factor("negative-share", 0.2, 0.35, 60, "20% negative")),
                List.of(new PostRef("news:3", Channel.NEWS, "江城日报", "HTTPS://news.example.cn/a/3.html", END.minusSeconds(3600), "收费标准", 20),
                        new PostRef("wechat:4", Channel.WECHAT, "江城发布", "javascript:alert(1)", END.minusSeconds(60), "“说明”&<解读>", 7)),
                null, null, null, null);
        Alert yellow = alert(AlertEventType.DEESCALATED, Tier.III_YELLOW, Tier.II_ORANGE);
        Alert unruly = new Alert(yellow.id(), yellow.type(), yellow.subjectId(), "关于调整\r\n课后服务\u0000收费标准\u001b的意见", yellow.caseId(),
                yellow.tier(), yellow.previousTier(), 55.5, yellow.windowStart(), yellow.windowEnd(), yellow.factors(),
                List.of(new PostRef("weibo:5", Channel.WEIBO, "江城\r\nBcc: x@evil.example\u0000", "https://m.weibo.cn/status/5", END, "正文\u0007第二段", 10)),
                "江城市\n教育局", yellow.topic(), yellow.region(), yellow.respondBy());
        Alert orange = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW);
        Alert classified = new Alert(orange.id(), orange.type(), orange.subjectId(), orange.subjectTitle(), orange.caseId(), orange.tier(),
                orange.previousTier(), orange.score(), orange.windowStart(), orange.windowEnd(), orange.factors(), orange.topItems(),
                orange.responsibleDepartment(), orange.topic(), orange.region(), orange.respondBy(), List.of(
                        new ResponseClass("涉及切身利益", "政策主题“教育”；帖文提及“涨价”23 条", "讲清政策依据，说明<咨询>渠道。"),
                        new ResponseClass("误解误读", "帖文提及“谣言”4 条", "及时澄清。")));
        return List.of(
                new Case("escalated-orange", classified, null, null, null),
                new Case("reminder-red", red, "催办·尚未确认", "催办", "dlv-0028e58b"),
                new Case("report-resolved-topic", topic, "逾时未确认·升级报告", "逾期", "dlv-1a2b3c4d"),
                new Case("deescalated-unruly-names", unruly, null, null, null));
    }

    /** Each kind of message of a case, as its expected file names it. */
    static Map<String, String> rendered(Case c) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Messages.Email email = MESSAGES.email(c.alert(), LINKS, c.remark());
        kinds.put("email-subject.txt", email.subject());
        kinds.put("email-text.txt", email.text());
        kinds.put("email.html", email.html());
        Messages.Sms sms = MESSAGES.sms(c.alert(), LINKS.shortLink(), c.smsRemark());
        kinds.put("sms.txt", sms.text());
        kinds.put("sms-fields.txt", sms.fields().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        kinds.put("dingtalk.json", MESSAGES.dingtalk(c.alert(), LINKS, c.remark(), c.reference()));
        kinds.put("wecom.json", MESSAGES.wecom(c.alert(), LINKS, c.remark(), c.reference()));
        return kinds;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyKindOfMessageReadsExactlyAsExpected(Case c) {
        rendered(c).forEach((kind, text) -> assertThat(text).as(c.name() + "/" + kind).isEqualTo(expected(c.name() + "/" + kind)));
    }

    static String expected(String path) {
        try (InputStream in = MessageWordingTest.class.getResourceAsStream("/messages/" + path)) {
            assertThat(in).as("expected file messages/" + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
