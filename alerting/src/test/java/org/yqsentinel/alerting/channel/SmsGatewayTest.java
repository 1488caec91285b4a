package org.yqsentinel.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;

/** The SMS gateways against a real HTTP server on loopback. */
class SmsGatewayTest {

    private static final Messages.Sms SMS = new Messages(ZoneId.of("Asia/Shanghai"))
            .sms(alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW), LINKS.shortLink());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T11:02:00Z"), ZoneOffset.UTC);
    private static final String DELIVERY = "江教发〔2026〕18号/escalated/ii_orange/1|江城市教育局|sms|13800138001";

    @Test
    void theAliyunSignatureMatchesAlibabasWorkedExample() {
        SortedMap<String, String> params = new TreeMap<>(Map.ofEntries(Map.entry("AccessKeyId", "testId"), Map.entry("Action", "SendSms"),
                Map.entry("Format", "XML"), Map.entry("OutId", "123"), Map.entry("PhoneNumbers", "15300000001"),
                Map.entry("RegionId", "cn-hangzhou"), Map.entry("SignName", "阿里云短信测试专用"), Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"), Map.entry("SignatureVersion", "1.0"),
                Map.entry("TemplateCode", "SMS_71390007"), Map.entry("TemplateParam", "{\"customer\":\"test\"}"),
                Map.entry("Timestamp", "2017-07-12T02:42:19Z"), Map.entry("Version", "2017-05-25")));

        assertThat(AliyunSmsGateway.signature("GET", params, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        assertThat(AliyunSmsGateway.percentEncode("a b*c~d+/")).isEqualTo("a%20b%2Ac~d%2B%2F");
    }

    @Test
    void aliyunGetsASignedFormWithTheTemplatesPartsAndTheDeliveryAsOutId() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(new LoopbackHttpServer.Response(200,
                "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}"))) {
            SendResult result = aliyun(server).send(DELIVERY, "+8613800138001", SMS);

            assertThat(result).isEqualTo(SendResult.sent("900619746936498440^0"));
            LoopbackHttpServer.Request request = server.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
            SortedMap<String, String> form = form(request.body());
            assertThat(form).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25").containsEntry("Format", "JSON")
                    .containsEntry("PhoneNumbers", "13800138001").containsEntry("SignName", "江城市舆情监测")
                    .containsEntry("TemplateCode", "SMS_485100001").containsEntry("OutId", DELIVERY)
                    .containsEntry("Timestamp", "2026-11-20T11:02:00Z").containsEntry("AccessKeyId", "LTAI-test");
            JsonNode param = Json.mapper().readTree(form.get("TemplateParam"));
            assertThat(param.get("event").asText()).isEqualTo("Ⅱ橙预警");
            assertThat(param.get("link").asText()).isEqualTo(LINKS.shortLink());
            String signature = form.remove("Signature");
            assertThat(signature).as("signed over what arrived, as Alibaba checks it")
                    .isEqualTo(AliyunSmsGateway.signature("POST", form, "secret-of-the-test"));
        }
    }

    @Test
    void aliyunFlowControlIsRetriedABadNumberIsGivenUp() {
        try (LoopbackHttpServer server = new LoopbackHttpServer(
                new LoopbackHttpServer.Response(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发天级流控Permits:10\"}"),
                new LoopbackHttpServer.Response(200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}"),
                new LoopbackHttpServer.Response(400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched\"}"),
                new LoopbackHttpServer.Response(503, "Service Unavailable"))) {
            AliyunSmsGateway gateway = aliyun(server);

            SendResult limited = gateway.send(DELIVERY, "13800138001", SMS);
            SendResult illegal = gateway.send(DELIVERY, "13800138001", SMS);
            SendResult unsigned = gateway.send(DELIVERY, "13800138001", SMS);
            SendResult unavailable = gateway.send(DELIVERY, "13800138001", SMS);

            assertThat(limited.outcome()).isEqualTo(SendResult.Outcome.RETRY);
            assertThat(limited.detail()).isEqualTo("Alibaba Cloud SMS isv.BUSINESS_LIMIT_CONTROL: 触发天级流控Permits:10");
            assertThat(illegal.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
            assertThat(unsigned.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
            assertThat(unavailable.outcome()).isEqualTo(SendResult.Outcome.RETRY);
            assertThat(unavailable.detail()).contains("HTTP 503");
        }
    }

    @Test
    void aliyunWithoutItsSecretIsRefusedAtStartWithTheVariableToSet() {
        assertThatThrownBy(() -> new AliyunSmsGateway.Settings(AliyunSmsGateway.ENDPOINT, "LTAI-test", "", "江城市舆情监测", "SMS_1",
                null, Duration.ofSeconds(5)))
                .hasMessageContaining("access-key-secret").hasMessageContaining("YQ_ALERTING_SMS_ALIYUN_ACCESS_KEY_SECRET");
    }

    @Test
    void theJsonGatewayFillsTheTemplateJsonEscapedAndReadsTheGatewaysCode() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(
                new LoopbackHttpServer.Response(200, "{\"code\":\"0\",\"data\":{\"msgid\":\"m-17\"}}"),
                new LoopbackHttpServer.Response(200, "{\"code\":\"1001\",\"msg\":\"余额不足\"}"))) {
            JsonSmsGateway gateway = json(server, "{\"to\":\"${mobile}\",\"content\":\"${text}\",\"ref\":\"${id}\",\"vars\":[\"${score}\"]}");

            SendResult sent = gateway.send("alert \"1\"|duty|sms|13800138001", "13800138001", SMS);
            SendResult refused = gateway.send("alert-2|duty|sms|13800138001", "13800138001", SMS);

            assertThat(sent).isEqualTo(SendResult.sent("m-17"));
            JsonNode body = Json.mapper().readTree(server.requests().get(0).body());
            assertThat(body.get("to").asText()).isEqualTo("13800138001");
            assertThat(body.get("content").asText()).isEqualTo(SMS.text());
            assertThat(body.get("ref").asText()).isEqualTo("alert \"1\"|duty|sms|13800138001");
            assertThat(body.get("vars").get(0).asText()).isEqualTo("72");
            assertThat(refused.outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
            assertThat(refused.detail()).contains("余额不足");
        }
    }

    @Test
    void theJsonGatewayRetriesThrottlingAndOutagesNotBadRequests() {
        try (LoopbackHttpServer server = new LoopbackHttpServer(new LoopbackHttpServer.Response(429, "slow down"),
                new LoopbackHttpServer.Response(400, "{\"error\":\"bad mobile\"}"))) {
            JsonSmsGateway gateway = json(server, "{\"to\":\"${mobile}\",\"content\":\"${text}\"}");

            assertThat(gateway.send("d1", "13800138001", SMS).outcome()).isEqualTo(SendResult.Outcome.RETRY);
            assertThat(gateway.send("d1", "13800138001", SMS).outcome()).isEqualTo(SendResult.Outcome.GIVE_UP);
        }
        JsonSmsGateway down = new JsonSmsGateway(new JsonSmsGateway.Settings(URI.create("http://127.0.0.1:9/sms"),
                "{\"to\":\"${mobile}\",\"content\":\"${text}\"}", Map.of(), "", "", "", "", Duration.ofSeconds(2)));
        SendResult unreachable = down.send("d1", "13800138001", SMS);
        assertThat(unreachable.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(unreachable.detail()).contains("unreachable");
    }

    @Test
    void aTemplateThatCannotCarryAnSmsIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> jsonSettings("{\"to\": ${mobile}}")).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> jsonSettings("{\"to\":\"${mobile}\",\"content\":\"${body}\"}")).hasMessageContaining("[body]");
        assertThatThrownBy(() -> jsonSettings("{\"content\":\"${text}\"}")).hasMessageContaining("must carry ${mobile}");
    }

    @Test
    void theJsonGatewayTellsWhetherItHasAnSmsByItsStatusUrlAndWithoutOneCannotTell() {
        try (LoopbackHttpServer server = new LoopbackHttpServer(new LoopbackHttpServer.Response(200, "{\"status\":\"DELIVRD\"}"),
                new LoopbackHttpServer.Response(404, ""), new LoopbackHttpServer.Response(502, "bad gateway"))) {
            JsonSmsGateway gateway = json(server, "{\"to\":\"${mobile}\",\"content\":\"${text}\"}");
            Instant since = CLOCK.instant();

            assertThat(gateway.receipt("dlv-1 a", "13800138001", since).answer()).isEqualTo(Receipt.Answer.ARRIVED);
            assertThat(gateway.receipt("dlv-2", "13800138001", since).answer()).isEqualTo(Receipt.Answer.MISSING);
            assertThat(gateway.receipt("dlv-3", "13800138001", since).answer()).isEqualTo(Receipt.Answer.UNANSWERED);
            assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("GET /sms/status/dlv-1 a", "GET /sms/status/dlv-2", "GET /sms/status/dlv-3");
        }
        assertThat(jsonSettings("{\"to\":\"${mobile}\",\"content\":\"${text}\"}").receipt("dlv-1", "13800138001", CLOCK.instant()).answer())
                .isEqualTo(Receipt.Answer.UNKNOWN);
        assertThatThrownBy(() -> new JsonSmsGateway.Settings(URI.create("http://127.0.0.1:9/sms"), "{}", Map.of(), "", "", "",
                "http://127.0.0.1:9/sms/status", Duration.ofSeconds(1))).hasMessageContaining("${id}");
    }

    @Test
    void anSmsWhoseAnswerNeverComesIsInDoubtNotRetried() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {  // takes the request, never answers
            JsonSmsGateway gateway = new JsonSmsGateway(new JsonSmsGateway.Settings(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/sms"),
                    "{\"to\":\"${mobile}\",\"content\":\"${text}\"}", Map.of(), "", "", "", "", Duration.ofSeconds(1)));

            SendResult result = gateway.send("dlv-1", "13800138001", SMS);

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.IN_DOUBT);
            assertThat(result.detail()).contains("may have gone out");
        }
    }

    @Test
    void aliyunFindsAnSmsInDoubtByItsOutIdAmongThePagesOfQuerySendDetails() throws Exception {
        StringBuilder page = new StringBuilder("{\"Code\":\"OK\",\"TotalCount\":51,\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":[");
        for (int i = 0; i < 50; i++) {
            page.append(i == 0 ? "" : ",").append("{\"OutId\":\"dlv-other-").append(i).append("\",\"SendStatus\":3}");
        }
        page.append("]}}");
        try (LoopbackHttpServer server = new LoopbackHttpServer(new LoopbackHttpServer.Response(200, page.toString()),
                new LoopbackHttpServer.Response(200, "{\"Code\":\"OK\",\"TotalCount\":51,\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":["
                        + "{\"OutId\":\"" + DELIVERY + "\",\"SendStatus\":1,\"SendDate\":\"2026-11-20 19:01:58\"}]}}"),
                new LoopbackHttpServer.Response(200, "{\"Code\":\"OK\",\"TotalCount\":0,\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":[]}}"),
                new LoopbackHttpServer.Response(200, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}"))) {
            AliyunSmsGateway gateway = aliyun(server);
            Instant since = CLOCK.instant().minusSeconds(60);

            Receipt found = gateway.receipt(DELIVERY, "+8613800138001", since);
            Receipt missing = gateway.receipt(DELIVERY, "+8613800138001", since);
            Receipt throttled = gateway.receipt(DELIVERY, "+8613800138001", since);

            assertThat(found.answer()).isEqualTo(Receipt.Answer.ARRIVED);
            assertThat(found.detail()).contains("SendStatus 1");
            assertThat(missing.answer()).isEqualTo(Receipt.Answer.MISSING);
            assertThat(throttled.answer()).isEqualTo(Receipt.Answer.UNANSWERED);
            SortedMap<String, String> second = form(server.requests().get(1).body());
            assertThat(second).containsEntry("Action", "QuerySendDetails").containsEntry("PhoneNumber", "13800138001")
                    .containsEntry("SendDate", "20261120").containsEntry("PageSize", "50").containsEntry("CurrentPage", "2");
            String signature = second.remove("Signature");
            assertThat(signature).isEqualTo(AliyunSmsGateway.signature("POST", second, "secret-of-the-test"));
        }
    }

    private static JsonSmsGateway jsonSettings(String template) {
        return new JsonSmsGateway(new JsonSmsGateway.Settings(URI.create("http://127.0.0.1:9/sms"), template, Map.of(), "", "", "",
                "", Duration.ofSeconds(2)));
    }

    private static JsonSmsGateway json(LoopbackHttpServer server, String template) {
        return new JsonSmsGateway(new JsonSmsGateway.Settings(server.url("/sms/send"), template, Map.of("X-Api-Key", "k"),
                "/code", "0", "/data/msgid", server.url("/sms/status/") + "${id}", Duration.ofSeconds(5)));
    }

    private static AliyunSmsGateway aliyun(LoopbackHttpServer server) {
        return new AliyunSmsGateway(new AliyunSmsGateway.Settings(server.url("/"), "LTAI-test", "secret-of-the-test", "江城市舆情监测",
                "SMS_485100001", null, Duration.ofSeconds(5)), CLOCK);
    }

    private static SortedMap<String, String> form(String body) {
        SortedMap<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
