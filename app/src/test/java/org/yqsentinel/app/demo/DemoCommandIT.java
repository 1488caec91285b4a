package org.yqsentinel.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.dashboards.Desk;
import org.yqsentinel.dashboards.Panel;
import org.yqsentinel.dashboards.PanelQueries;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * {@code yq demo} on the real stack ends with an alert of Ⅱ橙 or higher and its case in Elasticsearch, and the
 * notifications of its alert events in {@code yq-deliveries} and as files in the outbox.
 */
@ExtendWith(LocalStackExtension.class)
class DemoCommandIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatedSurgeEndsWithAnOrangeOrRedAlertItsCaseAndItsNotificationsInTheOutbox(StackContext stack) throws Exception {
        Path outbox = StackLayout.detect().workDir().resolve("outbox");
        Set<Path> smsBefore = files(outbox.resolve("sms"));
        StackCli.Printed run = StackCli.run(StackCli.config(dir, stack), "demo");
        String printed = run.out();
        assertThat(run.exit()).as(printed).isZero();

        List<Alert> alerts = documents(stack, "yq-alerts", Alert.class);
        Alert orange = alerts.stream().filter(a -> !Alert.isTopic(a.subjectId()) && a.tier().compareTo(Tier.II_ORANGE) >= 0).findFirst()
                .orElseThrow();
        assertThat(orange.subjectId()).isEqualTo("江教发〔2026〕18号");
        List<CaseRecord> cases = documents(stack, "yq-cases", CaseRecord.class);
        assertThat(cases).extracting(CaseRecord::id).contains(orange.caseId());
        CaseRecord record = cases.stream().filter(c -> c.id().equals(orange.caseId())).findFirst().orElseThrow();
        assertThat(record.peakTier().compareTo(Tier.II_ORANGE)).isGreaterThanOrEqualTo(0);
        assertThat(record.responsibleDepartment()).isEqualTo("江城市教育局");
        // every alert event of the policy's episode says what kind of event it is, and why; the case gathers them (a topic's
        // resolution, on a window without its posts, has no evidence of a class: checked below on its raising events)
        assertThat(alerts).filteredOn(a -> !Alert.isTopic(a.subjectId())).allSatisfy(a -> assertThat(a.responseClasses()).as(a.id())
                .isNotEmpty().allSatisfy(c -> {
            assertThat(c.evidence()).isNotBlank();
            assertThat(c.advice()).isNotBlank();
        }));
        assertThat(alerts).flatExtracting(Alert::responseClasses).extracting(ResponseClass::name).contains("涉及切身利益");
        assertThat(record.responseClasses()).extracting(ResponseClass::name).contains("涉及切身利益");
        assertThat(printed).contains("posts linked to a policy", orange.tier().label(), "case " + orange.caseId());
        assertThat(printed).contains("dead letters this run: 6");
        // the unrelated bus crash before the surge is an emerging topic: its alert, routed to its department, and its case
        List<Alert> crash = alerts.stream().filter(a -> Alert.isTopic(a.subjectId())).toList();
        assertThat(crash).isNotEmpty().extracting(Alert::subjectId).containsOnly(crash.get(0).subjectId());
        assertThat(crash.get(0).subjectTitle()).containsAnyOf("渣土", "公交", "车祸");
        assertThat(crash).anySatisfy(a -> assertThat(a.tier().compareTo(Tier.III_YELLOW)).isGreaterThanOrEqualTo(0));
        assertThat(crash.get(0).responsibleDepartment()).isEqualTo("交通运输局");
        assertThat(crash.get(0).responseClasses()).extracting(ResponseClass::name).contains("突发事件");
        assertThat(cases).filteredOn(c -> c.id().equals(crash.get(0).caseId())).singleElement()
                .satisfies(c -> assertThat(c.subjectId()).isEqualTo(crash.get(0).subjectId()));
        assertThat(printed).contains("case " + crash.get(0).caseId());
        everyPanelFindsBuckets(stack);

        // the alert events reached the department and the desk through the outbox, each notification once, all settled
        List<JsonNode> deliveries = documents(stack, "yq-deliveries", JsonNode.class).stream()
                .filter(d -> d.get("kind").asText().equals("delivery")).toList();
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.get("status").asText()).as(d.toString())
                .isIn("SENT", "QUIET", "INHIBITED"));
        List<JsonNode> mails = sent(deliveries, "email");
        assertThat(mails).extracting(d -> d.get("address").asText())
                .contains("wang.xiaoming@edu.jiangcheng.example.gov.cn", "li.na@edu.jiangcheng.example.gov.cn",
                        "yuqing-duty@jiangcheng.example.gov.cn", "chen.zhiqiang@jt.jiangcheng.example.gov.cn");
        // the outbox keeps one .eml per Message-ID and recipient (an earlier run's mail of the same delivery id is the
        // same message); the Message-ID is derived from the delivery id, which is the same in every namespace
        List<String> allMails = contents(outbox.resolve("mail"));
        for (JsonNode mail : mails) {
            // an e-mail delivery's detail is the Message-ID the SMTP server took
            assertThat(allMails).as("the outbox has mail " + mail.get("detail") + " once")
                    .filteredOn(eml -> eml.contains("Message-ID: " + mail.get("detail").asText())).hasSize(1);
        }
        assertThat(printed).contains("delivered the alert events to the receivers of rules/routing.yaml", mails.size() + " e-mails, ");
        // SMS go out unless the demo runs in the quiet hours (22:00–07:00 Beijing), where they are recorded QUIET
        List<JsonNode> sms = deliveries.stream().filter(d -> d.get("channel").asText().equals("sms")).toList();
        assertThat(sms).extracting(d -> d.get("address").asText()).contains("13800138001", "13800138002");
        // every SMS the gateway takes is a file of its own: this run's files hold each request id once
        List<String> newSms = new ArrayList<>();
        for (Path file : files(outbox.resolve("sms"))) {
            if (!smsBefore.contains(file)) {
                newSms.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(newSms).hasSize(sent(deliveries, "sms").size());
        for (JsonNode text : sent(deliveries, "sms")) {
            assertThat(newSms).as("the outbox has SMS " + text.get("id") + " once")
                    .filteredOn(json -> json.contains("\"requestId\":\"" + text.get("id").asText() + "\"")).hasSize(1);
        }
        assertThat(sent(deliveries, "dingtalk")).isNotEmpty();
    }

    private static List<JsonNode> sent(List<JsonNode> deliveries, String channel) {
        return deliveries.stream().filter(d -> d.get("channel").asText().equals(channel) && d.get("status").asText().equals("SENT")).toList();
    }

    private static Set<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    /** The texts of the files in {@code dir}. */
    private static List<String> contents(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files(dir)) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }

    /**
     * Each panel of the desk's dashboards, asked as Kibana asks it (its KQL filter, time range and aggregations) of the
     * demo's indices over the episode: every one finds buckets. (Panels looking back from now, such as open cases over
     * 30 days, are asked up to the end of the episode; the deliveries are in wall-clock time, when the demo sent them,
     * so their panels are asked over the last day; the acknowledgements' panel is asked in AlertingServiceIT.)
     */
    private static void everyPanelFindsBuckets(StackContext stack) throws Exception {
        Instant from = Instant.parse("2026-11-19T00:00:00Z");
        Instant to = Instant.parse("2026-11-24T00:00:00Z");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl());
             RestClient rest = RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build()) {
            es.client().indices().refresh(r -> r.index(stack.namespace().index("yq-*")));
            for (Panel panel : Desk.panels()) {
                if (panel.id().equals("yq-case-acknowledgements")) {
                    continue;  // the demo acknowledges nothing; AlertingServiceIT asks this panel after an acknowledgement
                }
                Request search = new Request("POST", "/" + stack.namespace().index(PanelQueries.index(panel)) + "/_search");
                boolean sentNow = panel.dataView().equals("yq-deliveries");
                search.setJsonEntity(Json.toString(sentNow ? PanelQueries.body(panel, Instant.now().minus(Duration.ofDays(1)), Instant.now())
                        : PanelQueries.body(panel, from, to)));
                JsonNode answer = Json.mapper().readTree(rest.performRequest(search).getEntity().getContent());
                JsonNode aggregations = answer.path("aggregations");
                assertThat(aggregations.size()).as(panel.id() + " " + answer).isPositive();
                JsonNode first = aggregations.elements().next();
                if (first.has("buckets")) {
                    assertThat(first.get("buckets").size()).as(panel.id() + " buckets " + answer).isPositive();
                } else {
                    assertThat(answer.at("/hits/total/value").asLong()).as(panel.id() + " documents").isPositive();
                }
            }
        }
    }

    private static <T> List<T> documents(StackContext stack, String index, Class<T> type) throws Exception {
        String name = stack.namespace().index(index);
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(name));
            return es.client().search(s -> s.index(name).size(1000), JsonNode.class).hits().hits().stream()
                    .map(hit -> hit.source()).filter(Objects::nonNull).map(node -> {
                        try {
                            return Json.mapper().treeToValue(node, type);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }
}
