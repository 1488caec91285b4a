package org.yqsentinel.alerting.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Digests;

/**
 * Posts markdown messages to group chat robots: DingTalk custom robots (signed with the robot's secret when
 * the route names one) and WeCom group robots. Both answer HTTP 200 with {@code errcode}; rate limits
 * (20 messages a minute per robot) and busy servers are retried, a bad token, keyword, signature or body is
 * not.
 */
public final class RobotWebhooks {

    /** DingTalk: 130101 sent too fast (the robot is throttled for ten minutes), -1 busy. */
    private static final Set<Integer> DINGTALK_RETRY = Set.of(130101, -1);
    /** WeCom: 45009 over the rate limit, 45033 too many concurrent calls, -1 busy. */
    private static final Set<Integer> WECOM_RETRY = Set.of(45009, 45033, -1);

    private final HttpPost http;
    private final Function<String, String> environment;
    private final Clock clock;

    public RobotWebhooks(Duration timeout, Function<String, String> environment, Clock clock) {
        this.http = new HttpPost(timeout);
        this.environment = environment;
        this.clock = clock;
    }

    /** Posts one message body (from {@code Messages.dingtalk} or {@code Messages.wecom}) to one robot. */
    public SendResult send(RoutingRules.Webhook robot, String body) {
        URI url = robot.url();
        if (robot.secretVariable() != null) {
            String secret = environment.apply(robot.secretVariable());
            if (secret == null || secret.isBlank()) {
                return SendResult.giveUp("the DingTalk robot at " + HttpPost.host(url) + " signs with the secret in "
                        + robot.secretVariable() + ", which is not set");
            }
            url = signed(url, clock.millis(), secret);
        }
        HttpPost.Answer answer = http.post(url, "application/json; charset=utf-8", body, Map.of());
        if (!answer.answered()) {
            return answer.failure();
        }
        if (!answer.ok()) {
            return HttpPost.byStatus(answer.status(), answer.body(), url);
        }
        JsonNode reply = answer.json();
        if (!reply.has("errcode")) {
            return SendResult.retry(HttpPost.host(url) + " answered without an errcode: " + HttpPost.abbreviate(answer.body()));
        }
        return outcome(robot.kind(), reply.path("errcode").asInt(), reply.path("errmsg").asText(""));
    }

    /** What a robot's errcode means for the next attempt. */
    static SendResult outcome(RoutingRules.Webhook.Kind kind, int errcode, String errmsg) {
        if (errcode == 0) {
            return SendResult.sent("errcode 0");
        }
        String robot = kind == RoutingRules.Webhook.Kind.DINGTALK ? "DingTalk" : "WeCom";
        String reason = robot + " robot errcode " + errcode + ": " + errmsg;
        Set<Integer> retry = kind == RoutingRules.Webhook.Kind.DINGTALK ? DINGTALK_RETRY : WECOM_RETRY;
        return retry.contains(errcode) ? SendResult.retry(reason) : SendResult.giveUp(reason + hint(kind, errcode));
    }

    private static String hint(RoutingRules.Webhook.Kind kind, int errcode) {
        if (kind == RoutingRules.Webhook.Kind.DINGTALK && errcode == 310000) {
            return " (the robot's security settings refused it: keyword, signature secret or IP allow-list)";
        }
        if (kind == RoutingRules.Webhook.Kind.WECOM && errcode == 93000) {
            return " (the webhook key is wrong or the robot was removed from the group)";
        }
        return "";
    }

    /** A DingTalk robot's signed URL: timestamp and Base64(HmacSHA256(secret, timestamp + "\n" + secret)). */
    static URI signed(URI url, long timestampMillis, String secret) {
        String stringToSign = timestampMillis + "\n" + secret;
        String sign = Base64.getEncoder().encodeToString(Digests.hmac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8),
                stringToSign.getBytes(StandardCharsets.UTF_8)));
        String separator = url.getRawQuery() == null ? "?" : "&";
        return URI.create(url + separator + "timestamp=" + timestampMillis + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8));
    }
}
