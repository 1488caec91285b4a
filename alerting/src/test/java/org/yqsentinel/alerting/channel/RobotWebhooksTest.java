package org.yqsentinel.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.alerting.routing.RoutingRules.Webhook;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

/** DingTalk and WeCom robots, played by a real HTTP server on loopback. */
class RobotWebhooksTest {

    private static final Messages MESSAGES = new Messages(ZoneId.of("Asia/Shanghai"));
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    private static final RobotWebhooks ROBOTS = new RobotWebhooks(Duration.ofSeconds(5),
            Map.of("YQ_DINGTALK_SECRET_DUTY", "SECtestsecret")::get, CLOCK);

    @Test
    void aDingTalkMessageGoesOutSignedWithTheRobotsSecret() {
        String body = MESSAGES.dingtalk(alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW), LINKS);
        try (LoopbackHttpServer robot = new LoopbackHttpServer(new LoopbackHttpServer.Response(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))) {
            SendResult result = ROBOTS.send(new Webhook(Webhook.Kind.DINGTALK, robot.url("/robot/send?access_token=t0k"),
                    "YQ_DINGTALK_SECRET_DUTY"), body);

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
            LoopbackHttpServer.Request request = robot.requests().get(0);
            assertThat(request.body()).isEqualTo(body);
            assertThat(request.contentType()).startsWith("application/json");
            Map<String, String> query = query(request.query());
            assertThat(query).containsEntry("access_token", "t0k").containsEntry("timestamp", "1700000000000");
            assertThat(query.get("sign")).isEqualTo("7LVwF0dAF3/+MRRulbpE4y72Ogzykc6bS2nG4I99T4s=");
        }
    }

    @Test
    void aRobotOverItsRateLimitIsRetriedOneThatRefusesTheMessageIsNot() {
        try (LoopbackHttpServer robot = new LoopbackHttpServer(
                new LoopbackHttpServer.Response(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}"),
                new LoopbackHttpServer.Response(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}"),
                new LoopbackHttpServer.Response(502, ""))) {
            Webhook dingtalk = new Webhook(Webhook.Kind.DINGTALK, robot.url("/robot/send?access_token=t0k"), null);

            SendResult throttled = ROBOTS.send(dingtalk, "{}");
            SendResult refused = ROBOTS.send(dingtalk, "{}");
            SendResult badGateway = ROBOTS.send(dingtalk, "{}");

            assertThat(throttled.outcome()).isEqualTo(SendResult.Outcome.RETRY);
            assertThat(refused.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
            assertThat(refused.detail()).contains("310000").contains("keyword, signature secret or IP allow-list");
            assertThat(badGateway.outcome()).isEqualTo(SendResult.Outcome.RETRY);
            assertThat(robot.requests().get(0).query()).as("unsigned without a secret").doesNotContain("sign=");
        }
    }

    @Test
    void weComRateLimitsAreRetriedAnUnknownKeyIsGivenUp() {
        String body = MESSAGES.wecom(alert(AlertEventType.OPENED, Tier.IV_BLUE, null), LINKS);
        try (LoopbackHttpServer robot = new LoopbackHttpServer(
                new LoopbackHttpServer.Response(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"),
                new LoopbackHttpServer.Response(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"),
                new LoopbackHttpServer.Response(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))) {
            Webhook wecom = new Webhook(Webhook.Kind.WECOM, robot.url("/cgi-bin/webhook/send?key=k3y"), null);

            assertThat(ROBOTS.send(wecom, body).outcome()).isEqualTo(SendResult.Outcome.RETRY);
            SendResult unknown = ROBOTS.send(wecom, body);
            assertThat(unknown.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
            assertThat(unknown.detail()).contains("removed from the group");
            assertThat(ROBOTS.send(wecom, body).outcome()).isEqualTo(SendResult.Outcome.SENT);
            assertThat(robot.requests()).extracting(LoopbackHttpServer.Request::body).containsOnly(body);
        }
    }

    @Test
    void aRobotWhoseSecretIsNotSetIsGivenUpNamingTheVariable() {
        SendResult result = ROBOTS.send(new Webhook(Webhook.Kind.DINGTALK, URI.create("http://127.0.0.1:9/robot/send"), "YQ_DINGTALK_SECRET_OTHER"), "{}");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
        assertThat(result.detail()).contains("YQ_DINGTALK_SECRET_OTHER");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
