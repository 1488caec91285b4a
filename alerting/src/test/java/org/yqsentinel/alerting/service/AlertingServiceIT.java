package org.yqsentinel.alerting.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.alerting.LoopbackPorts;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.dashboards.Desk;
import org.yqsentinel.dashboards.Panel;
import org.yqsentinel.dashboards.PanelQueries;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.outbox.Outbox;

/**
 * {@code ./yq alerting} end to end on the real Kafka and Elasticsearch, sending real e-mail over SMTP and real
 * SMS and robot messages over HTTP to the outbox on loopback: routing, grouping, inhibition, exactly once under
 * duplicated events and a restart, a retry after the SMTP server was down, acknowledge links (forged, expired,
 * valid), escalation and silences. Each test works on cases of its own.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertingServiceIT {

    private static final String SECRET = "it-secret-it-secret-it-secret-it-secret-0123";
    private static final String DESK = "desk@jc.example.gov.cn";
    private static final String WANG = "wang@edu.jc.example.gov.cn";
    private static final String ARCHIVE = "archive@jc.example.gov.cn";
    private static final String ZHAO = "zhao@jc.example.gov.cn";
    private static final String WANG_MOBILE = "13800138001";
    private static final String DUTY_MOBILE = "13700137001";

    private static StackContext stack;
    private static SentinelConfig config;
    private static RoutingRules routing;
    private static Path outboxDir;
    private static int smtpPort;
    private static int outboxHttpPort;
    private static Outbox outbox;
    private static AlertingService service;
    private static KafkaProducer<byte[], byte[]> producer;
    private static ElasticsearchConnection es;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheOutboxAndTheService(StackContext context, @TempDir Path work) throws Exception {
        stack = context;
        smtpPort = LoopbackPorts.free();
        outboxHttpPort = LoopbackPorts.free();
        outboxDir = work.resolve("outbox");
        outbox = Outbox.start(outboxDir, smtpPort, outboxHttpPort);
        Map<String, String> env = new HashMap<>(Map.of(
                "YQ_NAMESPACE", context.namespace().prefix(),
                "YQ_KAFKA_BOOTSTRAP_SERVERS", context.kafkaBootstrapServers(),
                "YQ_ELASTICSEARCH_URL", context.elasticsearchUrl(),
                "YQ_ALERTING_HTTP_PORT", Integer.toString(LoopbackPorts.free()),
                "YQ_ALERTING_SMTP_PORT", Integer.toString(smtpPort),
                "YQ_ALERTING_SMS_URL", "http://127.0.0.1:" + outboxHttpPort + "/sms",
                "YQ_ALERTING_FIRST_RETRY_SECONDS", "1",
                "YQ_ALERTING_MAX_RETRY_SECONDS", "2",
                "YQ_ALERTING_MAX_ATTEMPTS", "20",
                "YQ_ALERTING_SILENCE_REFRESH_SECONDS", "1"));
        env.put("YQ_ALERTING_SMTP_TIMEOUT_SECONDS", "3");
        env.put("YQ_ALERTING_SMS_STATUS_URL", "http://127.0.0.1:" + outboxHttpPort + "/sms/${id}");
        config = new ConfigLoader(env::get).read(null);
        routing = RoutingRules.parse("routing.yaml", """
                receivers:
                  desk:
                    members: [{name: 值班室, email: %s}]
                    webhooks: [{kind: dingtalk, url: "http://127.0.0.1:%d/robot/dingtalk/desk"}]
                  edu:
                    members: [{name: 王晓明, email: %s, mobile: "13800138001"}]
                  archive:
                    members: [{name: 档案室, email: %s}]
                  leaders:
                    members: [{name: 赵副秘书长, email: %s, mobile: "13900139001"}]
                  duty:
                    members: [{name: 孙值班, mobile: "%s"}]
                route:
                  receivers: [desk]
                  group-wait-seconds: 2
                  quiet-hours: none
                  escalate-before-minutes: 60
                  escalate-to: [leaders]
                  routes:
                    - match: {tier: [I, II]}
                      receivers: [desk, edu]
                      group-wait-seconds: 0
                    - match: {department: [江城市教育局]}
                      receivers: [edu, archive]
                    - match: {department: [应急管理局]}
                      receivers: [duty]
                """.formatted(DESK, outboxHttpPort, WANG, ARCHIVE, ZHAO, DUTY_MOBILE));
        service = start();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
        es = ElasticsearchConnection.open(context.elasticsearchUrl());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (es != null) {
            es.close();
        }
    }

    private static AlertingService start() {
        return AlertingService.start(config, routing, new AckTokens(SECRET.getBytes(UTF_8)), name -> null, Clock.systemUTC());
    }

    private static AlertingService start(KilledMidSend channels) {
        return AlertingService.start(config, routing, new AckTokens(SECRET.getBytes(UTF_8)), name -> null, Clock.systemUTC(), channels::around);
    }

    @Test
    @Order(1)
    void anEscalationWithinTheGroupWaitGoesOutOnceToEachTargetAndInhibitsWhatOnlyTheLowerTierReached() throws Exception {
        String caseId = "case:a";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert blue = alert("a", caseId, AlertEventType.OPENED, Tier.IV_BLUE, null, now, "江城市教育局", Duration.ofHours(24));
        Alert orange = alert("a", caseId, AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.IV_BLUE, now.plusSeconds(600), "江城市教育局",
                Duration.ofHours(24));
        send(blue, orange);

        await("the desk, 王晓明 and the robot are told", () -> mails(caseId, DESK).size() == 1 && mails(caseId, WANG).size() == 1
                && sms("13800138001", "江城").size() >= 1 && robot("case:a") == 1);
        Thread.sleep(3_000);  // past the group wait: anything else would have gone out by now
        assertThat(mails(caseId, WANG)).singleElement().satisfies(subject -> assertThat(subject).contains("Ⅱ级橙色", "预警升级"));
        assertThat(mails(caseId, DESK)).singleElement().satisfies(subject -> assertThat(subject).contains("Ⅱ级橙色"));
        assertThat(mails(caseId, ARCHIVE)).isEmpty();
        assertThat(deliveries(caseId)).extracting(d -> d.get("receiver").asText() + " " + d.get("channel").asText() + " "
                        + d.get("status").asText())
                .containsExactlyInAnyOrder("desk email SENT", "desk dingtalk SENT", "edu email SENT", "edu sms SENT", "archive email INHIBITED");
        assertThat(deliveries(caseId)).filteredOn(d -> d.get("receiver").asText().equals("edu"))
                .allSatisfy(d -> assertThat(d.get("alertIds")).extracting(JsonNode::asText).containsExactly(blue.id(), orange.id()));
    }

    @Test
    @Order(2)
    void aDuplicatedEventAndARestartMidWaySendNothingTwiceAndLoseNothing() throws Exception {
        String caseId = "case:b";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert yellow = alert("b", caseId, AlertEventType.OPENED, Tier.III_YELLOW, null, now, "交通局", Duration.ofHours(24));
        send(yellow);
        await("the event is in the ledger", () -> deliveries(caseId).size() == 2);
        service.close();  // within the group wait: nothing was sent yet
        assertThat(mails(caseId, DESK)).isEmpty();

        service = start();
        send(yellow, yellow);
        await("the desk is told", () -> mails(caseId, DESK).size() == 1 && robot(caseId) == 1);
        send(yellow);
        Thread.sleep(4_000);
        assertThat(mails(caseId, DESK)).hasSize(1);
        assertThat(robot(caseId)).isEqualTo(1);
        assertThat(deliveries(caseId)).extracting(d -> d.get("status").asText()).containsOnly("SENT").hasSize(2);
        assertThat(scrape()).containsPattern("yq_alerting_events_duplicate_total \\d");
    }

    @Test
    @Order(3)
    void aMailTheSmtpServerCouldNotTakeIsRetriedUntilItIsBackAndSentOnce() throws Exception {
        String caseId = "case:c";
        outbox.close();
        send(alert("c", caseId, AlertEventType.OPENED, Tier.III_YELLOW, null, Instant.now(), "交通局", Duration.ofHours(24)));
        await("the first attempts fail", () -> attempts(caseId, "email", "RETRY") >= 2);
        outbox = Outbox.start(outboxDir, smtpPort, outboxHttpPort);

        await("the desk is told once the server is back", () -> mails(caseId, DESK).size() == 1);
        Thread.sleep(3_000);
        assertThat(mails(caseId, DESK)).hasSize(1);
        assertThat(deliveries(caseId)).filteredOn(d -> d.get("channel").asText().equals("email")).singleElement()
                .satisfies(d -> {
                    assertThat(d.get("status").asText()).isEqualTo("SENT");
                    assertThat(d.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
                });
        assertThat(scrape()).containsPattern("yq_alerting_retried_total\\{channel=\"email\"} [1-9]");
    }

    @Test
    @Order(4)
    void forgedAndExpiredLinksChangeNothingAndAValidOneAcknowledgesTheCaseAndStopsEscalation() throws Exception {
        String acked = "case:d";
        String ignored = "case:e";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // respond-by 60 min and 8 s ahead, escalation 60 min before it: due in 8 s
        for (String caseId : List.of(acked, ignored)) {
            putCase(caseId);
            send(alert(caseId.substring(5), caseId, AlertEventType.OPENED, Tier.II_ORANGE, null, now, "交通局",
                    Duration.ofMinutes(60).plusSeconds(8)));
        }
        await("the desk has both mails", () -> mails(acked, DESK).size() == 1 && mails(ignored, DESK).size() == 1);
        String link = ackLink(acked, DESK);
        String token = URI.create(link).getRawQuery().substring(2);
        // a character inside the signature, all six of whose bits count (the last one's low bits may be padding, and
        // changing only them would leave the signature as it was)
        int at = token.length() - 5;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'Q' : 'A') + token.substring(at + 1);
        AckTokens tokens = new AckTokens(SECRET.getBytes(UTF_8));
        String expired = tokens.issue(new AckTokens.Claim(acked, "d/opened", "值班室（desk）", Instant.now().minusSeconds(60)));

        assertThat(post(forged).statusCode()).isEqualTo(403);
        HttpResponse<String> late = post(expired);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("expired");
        assertThat(caseDoc(acked).has("acknowledgedAt")).isFalse();

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(caseDoc(acked).has("acknowledgedAt")).isFalse();  // opening the link is not acknowledging

        HttpResponse<String> ok = post(token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("已确认");
        JsonNode acknowledged = caseDoc(acked);
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("值班室（desk）");
        assertThat(acknowledged.get("status").asText()).isEqualTo("ASSESSING");  // the job's to change
        assertThat(post(token).body()).contains("此前已确认");
        // the acknowledgement goes to the monitor job as the case's step, once; a response recorded on the page follows it
        HttpResponse<String> responded = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/respond"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, UTF_8) + "&at=2026-11-21T09:30&channel="
                        + URLEncoder.encode("官方微博", UTF_8) + "&url=" + URLEncoder.encode("https://weibo.com/jt/1", UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
        List<JsonNode> steps = controlMessages(2);
        assertThat(steps).extracting(m -> m.get("step").asText(), m -> m.get("caseId").asText(), m -> m.get("subjectId").asText(),
                m -> m.get("by").asText()).containsExactly(tuple("ack", acked, "d", "值班室（desk）"), tuple("respond", acked, "d", "值班室（desk）"));
        assertThat(steps.get(1).get("at").asText()).isEqualTo("2026-11-21T01:30:00Z");
        assertThat(steps.get(1).get("url").asText()).isEqualTo("https://weibo.com/jt/1");

        await("the unacknowledged case escalates to the leaders", () -> mails(ignored, ZHAO).size() == 1 && sms("13900139001", "逾期").size() >= 1);
        assertThat(mails(ignored, ZHAO)).singleElement().satisfies(subject -> assertThat(subject).startsWith("【逾时未确认·升级报告】"));
        Thread.sleep(2_000);
        assertThat(mails(acked, ZHAO)).isEmpty();
        assertThat(deliveries(acked)).noneMatch(d -> d.get("purpose").asText().equals("ESCALATION"));
        assertThat(ledger("acknowledgement", acked)).singleElement().satisfies(d -> assertThat(d.get("who").asText()).isEqualTo("值班室（desk）"));
        // the case view's acknowledgements panel, asked as Kibana asks it, finds who acknowledged
        assertThat(panelBuckets("yq-case-acknowledgements")).contains("值班室（desk）");
        assertThat(scrape()).contains("yq_alerting_acknowledge_refused_total{verdict=\"forged\"} 1.0",
                "yq_alerting_acknowledge_refused_total{verdict=\"expired\"} 1.0", "yq_alerting_escalations_total");
    }

    @Test
    @Order(5)
    void aMalformedEventGoesToTheDeadLetterTopicAndTheServiceGoesOn() throws Exception {
        producer.send(new ProducerRecord<>(config.names().alertsTopic(), "{\"not\":\"an alert\"}".getBytes(UTF_8))).get();
        String caseId = "case:f";
        send(alert("f", caseId, AlertEventType.OPENED, Tier.III_YELLOW, null, Instant.now(), "交通局", Duration.ofHours(24)));
        await("the next event is delivered", () -> mails(caseId, DESK).size() == 1);
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "it-dead-letters", "auto.offset.reset", "earliest",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(config.names().deadLetterTopic()));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(new String(r.value(), UTF_8)
                        + " | " + new String(r.headers().lastHeader("yq.reason").value(), UTF_8)));
            }
            assertThat(values).singleElement().satisfies(v -> assertThat(v).startsWith("{\"not\":\"an alert\"} | not an alert event"));
        }
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/health")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).matches("ok; \\d+ notifications pending\n");
        assertThat(service.failure()).isNull();
    }

    @Test
    @Order(6)
    void aSilenceMutesTheDeliveriesItMatchesUntilItEnds() throws Exception {
        String caseId = "case:g";
        Ledger ledger = new Ledger(es.client(), config.names());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Silence silence = new Silence("silence-it-g", caseId, null, null, "desk", now.minusSeconds(60), now.plus(Duration.ofHours(1)),
                "值班员", "the desk handles case g by phone");
        ledger.put(silence);
        Thread.sleep(2_500);  // the service reads silences every second
        send(alert("g", caseId, AlertEventType.OPENED, Tier.III_YELLOW, null, now, "交通局", Duration.ofHours(24)));

        await("the desk's notifications are silenced", () -> deliveries(caseId).size() == 2
                && deliveries(caseId).stream().allMatch(d -> d.get("status").asText().equals("SILENCED")));
        assertThat(deliveries(caseId)).allSatisfy(d -> assertThat(d.get("detail").asText())
                .startsWith("silenced by silence-it-g (case case:g · receiver desk)").endsWith(": the desk handles case g by phone"));
        assertThat(mails(caseId, DESK)).isEmpty();
        assertThat(robot(caseId)).isZero();

        ledger.put(new Silence(silence.id(), caseId, null, null, "desk", silence.startsAt(), Instant.now(), "值班员", silence.comment()));
        Thread.sleep(2_500);
        send(alert("g", caseId, AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW, now.plusSeconds(600), "交通局", Duration.ofHours(24)));
        await("once the silence ended, the desk is told of the next event", () -> mails(caseId, DESK).size() == 1 && robot(caseId) == 1);
        assertThat(mails(caseId, DESK)).singleElement().satisfies(subject -> assertThat(subject).contains("Ⅱ级橙色"));
    }

    @Test
    @Order(7)
    void aKillMidSendRepeatsNeitherMailNorSmsAndPostsToTheRobotAtMostOnce() throws Exception {
        String caseId = "case:h";
        String dutyCase = "case:i";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        service.close();
        // Ⅱ橙 of 交通局: the desk's mail and robot, 王晓明's mail and SMS, all handed to the outbox, then killed before any answer
        KilledMidSend handedOver = new KilledMidSend(d -> true, true);
        AlertingService dying = start(handedOver);
        send(alert("h", caseId, AlertEventType.OPENED, Tier.II_ORANGE, null, now, "交通局", Duration.ofHours(24)));
        await("four attempts are under way and the outbox has their messages", () -> handedOver.abandoned.get() == 4
                && mails(caseId, DESK).size() == 1 && mails(caseId, WANG).size() == 1 && robot(caseId) == 1 && smsFor(caseId, WANG_MOBILE) == 1);
        assertThat(deliveries(caseId)).extracting(d -> d.get("status").asText()).containsOnly("SENDING").hasSize(4);
        assertThat(attempts(caseId, "dingtalk", "UNDER_WAY")).isEqualTo(1);
        dying.halt();  // as kill -9: no outcome of the four is ever recorded

        // the next instance settles them; meanwhile a Ⅲ黄 of 应急管理局 gives the duty an SMS that is killed before the gateway has it
        KilledMidSend beforeTheGateway = new KilledMidSend(d -> d.target().address().equals(DUTY_MOBILE), false);
        AlertingService next = start(beforeTheGateway);
        await("the four attempts in doubt are settled", () -> deliveries(caseId).stream().noneMatch(d -> d.get("status").asText().equals("SENDING")));
        String settled = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + next.httpPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        send(alert("i", dutyCase, AlertEventType.OPENED, Tier.III_YELLOW, null, now, "应急管理局", Duration.ofHours(24)));
        await("the duty's SMS is under way", () -> beforeTheGateway.abandoned.get() == 1);
        assertThat(deliveries(dutyCase)).singleElement().satisfies(d -> assertThat(d.get("status").asText()).isEqualTo("SENDING"));
        next.halt();

        service = start();
        await("the duty's SMS in doubt is settled", () -> deliveries(dutyCase).stream().allMatch(d -> d.get("status").asText().equals("SENT")));

        assertThat(deliveries(caseId)).extracting(d -> d.get("receiver").asText() + " " + d.get("channel").asText() + " " + d.get("status").asText())
                .containsExactlyInAnyOrder("desk email SENT", "edu email SENT", "edu sms SENT", "desk dingtalk IN_DOUBT");
        assertThat(mails(caseId, DESK)).as("sent again under the same Message-ID, kept once").hasSize(1);
        assertThat(mails(caseId, WANG)).hasSize(1);
        assertThat(ledger("attempt", caseId)).filteredOn(d -> d.get("channel").asText().equals("email") && d.get("attempt").asInt() == 2)
                .extracting(d -> d.get("outcome").asText()).containsExactly("SENT", "SENT");
        assertThat(smsFor(caseId, WANG_MOBILE)).as("the gateway had it: not sent again").isEqualTo(1);
        assertThat(attempts(caseId, "sms", "ARRIVED")).isEqualTo(1);
        assertThat(smsFor(dutyCase, DUTY_MOBILE)).as("the gateway never had it: sent again").isEqualTo(1);
        assertThat(attempts(dutyCase, "sms", "MISSING")).isEqualTo(1);
        assertThat(robot(caseId)).as("at most once").isEqualTo(1);
        assertThat(read(outbox.robotMessages())).filteredOn(body -> body.contains("江城市h类")).singleElement()
                .satisfies(body -> assertThat(body).contains("通知编号 dlv-"));
        assertThat(deliveries(caseId)).filteredOn(d -> d.get("channel").asText().equals("dingtalk")).singleElement()
                .satisfies(d -> assertThat(d.get("detail").asText()).contains("a chat robot cannot be asked", "not sent again"));
        assertThat(settled).contains("yq_alerting_in_doubt_total{channel=\"dingtalk\",resolution=\"not_resent\"} 1.0",
                "yq_alerting_in_doubt_total{channel=\"email\",resolution=\"resent\"} 2.0",
                "yq_alerting_in_doubt_total{channel=\"sms\",resolution=\"arrived\"} 1.0");
        assertThat(scrape()).contains("yq_alerting_in_doubt_total{channel=\"sms\",resolution=\"resent\"} 1.0");
    }

    @Test
    @Order(8)
    void anSmsShortLinkLeadsToItsAcknowledgePageAndAGuessedOrOldStyleCodeIsRefused() throws Exception {
        String caseId = "case:j";
        send(alert("j", caseId, AlertEventType.OPENED, Tier.II_ORANGE, null, Instant.now(), "交通局", Duration.ofHours(24)));
        await("王晓明 has the SMS", () -> smsFor(caseId, WANG_MOBILE) == 1);
        String id = deliveries(caseId).stream().filter(d -> d.get("channel").asText().equals("sms")).findFirst().orElseThrow().get("id").asText();
        String text = Json.mapper().readTree(read(outbox.sms()).stream().filter(body -> body.contains(id)).findFirst().orElseThrow())
                .path("content").asText();
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/([0-9A-Za-z]{12})$").matcher(text);
        assertThat(link.find()).as("a short link in %s", text).isTrue();

        HttpResponse<String> real = HTTP.send(HttpRequest.newBuilder(URI.create(link.group())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(real.statusCode()).isEqualTo(302);
        String page = "http://127.0.0.1:" + service.httpPort() + real.headers().firstValue("Location").orElseThrow();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(page)).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("确认收到，停止升级提醒", "王晓明（edu）");
        String oldStyle = id.substring(4, 12);  // what anyone could compute from the routing and the alert id
        for (String guess : List.of("/a/" + oldStyle, "/" + oldStyle, "/" + "0".repeat(12), "/" + new StringBuilder(link.group(1)).reverse())) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + guess)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(guess).isEqualTo(404);
        }
        assertThat(ledger("acknowledgement", caseId)).isEmpty();
    }

    /**
     * Channels of a process killed mid-send: an attempt that {@code dies} matches never gets an answer, after the message
     * was handed to the real channel or before, and the service records nothing more of it; other attempts go through.
     */
    private static final class KilledMidSend {
        final AtomicInteger abandoned = new AtomicInteger();
        private final Predicate<Delivery> dies;
        private final boolean handedOver;
        private final CountDownLatch never = new CountDownLatch(1);

        KilledMidSend(Predicate<Delivery> dies, boolean handedOver) {
            this.dies = dies;
            this.handedOver = handedOver;
        }

        Channels around(Channels real) {
            return new Channels() {
                @Override
                public SendResult send(Delivery d, Instant now) {
                    if (!dies.test(d)) {
                        return real.send(d, now);
                    }
                    if (handedOver) {
                        real.send(d, now);
                    }
                    abandoned.incrementAndGet();
                    while (true) {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            // a killed process answers nothing, interrupted or not
                        }
                    }
                }

                @Override
                public Receipt receipt(Delivery d) {
                    return real.receipt(d);
                }
            };
        }
    }

    // ---- helpers

    /** The SMS kept for a case's delivery to this mobile number (by the request id, the delivery's id). */
    private static long smsFor(String caseId, String mobile) {
        List<String> ids = deliveries(caseId).stream().filter(d -> d.get("channel").asText().equals("sms") && d.get("address").asText().equals(mobile))
                .map(d -> d.get("id").asText()).toList();
        return read(outbox.sms()).stream().filter(body -> ids.stream().anyMatch(id -> body.contains("\"requestId\":\"" + id + "\""))).count();
    }

    private static Alert alert(String policy, String caseId, AlertEventType type, Tier tier, Tier previous, Instant end, String department,
                               Duration respondWithin) {
        return new Alert(Alert.idOf(policy, type, tier, end), type, policy, "关于调整江城市" + policy + "类收费标准的通知", caseId, tier, previous, 66,
                end.minus(Duration.ofHours(1)), end, List.of(), List.of(), department, "教育", null, end.plus(respondWithin));
    }

    private static void send(Alert... alerts) throws Exception {
        for (Alert alert : alerts) {
            producer.send(new ProducerRecord<>(config.names().alertsTopic(), alert.id().getBytes(UTF_8), Json.toBytes(alert))).get();
        }
    }

    /** The mails kept for a case (its policy is in the subject) to one address. */
    private static List<MimeMessage> mailsTo(String caseId, String address) {
        String policy = caseId.substring(5);
        List<MimeMessage> found = new ArrayList<>();
        for (Path file : outbox.mails()) {
            if (!file.getFileName().toString().contains(address)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (message.getSubject().contains("江城市" + policy + "类")) {
                    found.add(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The subjects of those mails. */
    private static List<String> mails(String caseId, String address) {
        return mailsTo(caseId, address).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String ackLink(String caseId, String address) throws Exception {
        MimeMessage message = mailsTo(caseId, address).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no mail of " + caseId + " to " + address));
        String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/ack\\?t=[A-Za-z0-9_.-]+").matcher(text);
        assertThat(link.find()).as("an acknowledge link in %s", text).isTrue();
        return link.group();
    }

    private static List<String> sms(String mobile, String containing) {
        return read(outbox.sms()).stream().filter(body -> body.contains(mobile) && body.contains(containing)).toList();
    }

    private static long robot(String caseId) {
        String policy = caseId.substring(5);
        return read(outbox.robotMessages()).stream().filter(body -> body.contains("江城市" + policy + "类")).count();
    }

    private static List<String> read(List<Path> files) {
        return files.stream().map(file -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The messages on yq.control, once there are {@code expected} of them (and any more that came within the wait). */
    private static List<JsonNode> controlMessages(int expected) throws Exception {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "it-control-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(config.names().controlTopic()));
            List<JsonNode> messages = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (messages.size() < expected && System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    messages.add(Json.mapper().readTree(record.value()));
                }
            }
            return messages;
        }
    }

    private static HttpResponse<String> post(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<JsonNode> deliveries(String caseId) {
        return ledger("delivery", caseId);
    }

    private static long attempts(String caseId, String channel, String outcome) {
        return ledger("attempt", caseId).stream()
                .filter(d -> d.get("channel").asText().equals(channel) && d.get("outcome").asText().equals(outcome)).count();
    }

    /** The keys of the first aggregation's buckets of a desk panel, asked of this namespace over the last day. */
    private static List<String> panelBuckets(String panelId) throws IOException {
        Panel panel = Desk.panels().stream().filter(p -> p.id().equals(panelId)).findFirst().orElseThrow();
        es.client().indices().refresh(r -> r.index(config.names().index("yq-*")).allowNoIndices(true));
        Request search = new Request("POST", "/" + config.names().index(PanelQueries.index(panel)) + "/_search");
        search.setJsonEntity(Json.toString(PanelQueries.body(panel, Instant.now().minus(Duration.ofDays(1)), Instant.now())));
        JsonNode answer = Json.mapper().readTree(es.transport().restClient().performRequest(search).getEntity().getContent());
        List<String> keys = new ArrayList<>();
        answer.path("aggregations").elements().next().path("buckets").forEach(b -> keys.add(b.path("key").asText()));
        return keys;
    }

    private static List<JsonNode> ledger(String kind, String caseId) {
        String index = config.names().index("yq-deliveries");
        try {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            return es.client().search(s -> s.index(index).allowNoIndices(true).ignoreUnavailable(true).size(100)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("kind").value(kind)))
                            .filter(f -> f.term(t -> t.field("caseId").value(FieldValue.of(caseId)))))), JsonNode.class)
                    .hits().hits().stream().map(h -> h.source()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putCase(String caseId) throws IOException {
        String index = config.names().index("yq-cases");
        Map<String, Object> doc = Map.of("id", caseId, "subjectId", caseId.substring(5), "status", "ASSESSING", "currentTier", "II");
        es.client().index(i -> i.index(index).id(caseId).document(doc).refresh(Refresh.WaitFor));
    }

    private static JsonNode caseDoc(String caseId) throws IOException {
        return es.client().get(g -> g.index(config.names().index("yq-cases")).id(caseId), JsonNode.class).source();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

}
