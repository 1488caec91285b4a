package org.yqsentinel.app.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.yqsentinel.alerting.ledger.LedgerDocuments;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.DeadLetterHeaders;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;

/** What the demo prints at the end: items per channel and top keywords from Elasticsearch, and this run's dead letters. */
public final class DemoSummary {

    public record Indexed(long total, Map<String, Long> perChannel, Map<String, Long> topKeywords, long copies, long reposts, long linked) {}

    record DeadLetters(long count, Map<String, Long> byReason) {}

    /** Policy documents in {@code yq-policies}, with their ids. */
    static List<String> policies(SentinelConfig config) throws IOException {
        String index = config.names().index("yq-policies");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true));
            return es.client().search(s -> s.index(index).size(20).allowNoIndices(true), Void.class).hits().hits().stream()
                    .map(hit -> hit.id()).toList();
        }
    }

    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private DemoSummary() {}

    public static Indexed indexed(SentinelConfig config) throws IOException {
        String pattern = config.names().index("yq-items-*");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(pattern).allowNoIndices(true));
            SearchResponse<Void> response = es.client().search(s -> s.index(pattern).size(0).allowNoIndices(true)
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("channels", a -> a.terms(t -> t.field("channel")))
                    .aggregations("keywords", a -> a.terms(t -> t.field("keywords").size(10)))
                    .aggregations("copies", a -> a.filter(f -> f.exists(e -> e.field("copyOf"))))
                    .aggregations("reposts", a -> a.filter(f -> f.exists(e -> e.field("repostOf"))))
                    .aggregations("linked", a -> a.filter(f -> f.exists(e -> e.field("policyLinks.policyId")))), Void.class);
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            if (response.aggregations().isEmpty()) {
                return new Indexed(total, Map.of(), Map.of(), 0, 0, 0);
            }
            return new Indexed(total, counts(response.aggregations().get("channels").sterms().buckets().array()),
                    counts(response.aggregations().get("keywords").sterms().buckets().array()),
                    response.aggregations().get("copies").filter().docCount(),
                    response.aggregations().get("reposts").filter().docCount(),
                    response.aggregations().get("linked").filter().docCount());
        }
    }

    /** The alert events in {@code yq-alerts}, oldest first, one line each: Beijing time, type, tier, score, policy. */
    static List<String> alerts(SentinelConfig config) throws IOException {
        String index = config.names().index("yq-alerts");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            return es.client().search(s -> s.index(index).size(100).allowNoIndices(true).ignoreUnavailable(true)
                            .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Asc))), JsonNode.class)
                    .hits().hits().stream().map(Hit::source).filter(Objects::nonNull).map(node -> read(node, Alert.class))
                    .map(a -> String.format(Locale.ROOT, "%s  %-11s %s  score %5.1f  %s%s", beijing(a.windowEnd()), a.type(),
                            a.tier().label(), a.score(), a.subjectId(), a.respondBy() == null ? "" : "  respond by " + beijing(a.respondBy())))
                    .toList();
        }
    }

    /** The cases in {@code yq-cases}, one line each: id, status, peak tier, responsible department, respond-by. */
    static List<String> cases(SentinelConfig config) throws IOException {
        String index = config.names().index("yq-cases");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            return es.client().search(s -> s.index(index).size(20).allowNoIndices(true).ignoreUnavailable(true), JsonNode.class)
                    .hits().hits().stream().map(Hit::source).filter(Objects::nonNull).map(node -> read(node, CaseRecord.class))
                    .map(c -> c.id() + ": " + c.status().label() + ", peak " + c.peakTier().label() + ", " + c.timeline().size()
                            + " events, " + c.responsibleDepartment() + " to respond by " + beijing(c.respondBy()))
                    .toList();
        }
    }

    /** The ids of the cases in {@code yq-cases}, oldest first. */
    static List<String> caseIds(SentinelConfig config) throws IOException {
        String index = config.names().index("yq-cases");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            return es.client().search(s -> s.index(index).size(20).allowNoIndices(true).ignoreUnavailable(true)
                            .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Asc))), JsonNode.class)
                    .hits().hits().stream().map(Hit::source).filter(Objects::nonNull).map(node -> node.path("id").asText()).toList();
        }
    }

    /** The alerting ledger's notifications: {@code email SENT} → count, and the events, attempts and acknowledgements. */
    static Map<String, Long> deliveries(SentinelConfig config) throws IOException {
        String index = config.names().index("yq-deliveries");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            es.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            SearchResponse<Void> response = es.client().search(s -> s.index(index).size(0).allowNoIndices(true).ignoreUnavailable(true)
                    .aggregations("kinds", a -> a.terms(t -> t.field("kind")))
                    .aggregations("notifications", a -> a.filter(f -> f.term(t -> t.field("kind").value(LedgerDocuments.DELIVERY)))
                            .aggregations("channels", c -> c.terms(t -> t.field("channel"))
                                    .aggregations("statuses", st -> st.terms(t -> t.field("status"))))), Void.class);
            Map<String, Long> counts = new TreeMap<>();
            if (response.aggregations().isEmpty()) {
                return counts;
            }
            counts(response.aggregations().get("kinds").sterms().buckets().array()).forEach((kind, n) -> {
                if (!kind.equals(LedgerDocuments.DELIVERY)) {
                    counts.put(kind + "s", n);
                }
            });
            for (StringTermsBucket channel : response.aggregations().get("notifications").filter().aggregations().get("channels").sterms()
                    .buckets().array()) {
                counts(channel.aggregations().get("statuses").sterms().buckets().array())
                        .forEach((status, n) -> counts.put(channel.key().stringValue() + " " + status, n));
            }
            return counts;
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document does not read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String beijing(Instant at) {
        return at == null ? "-" : BEIJING_TIME.format(at.atZone(Zones.BEIJING)) + " 北京";
    }

    private static Map<String, Long> counts(List<StringTermsBucket> buckets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        buckets.forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return counts;
    }

    /** The end offsets of the dead-letter topic now, to count what a run adds after it. */
    static Map<TopicPartition, Long> deadLetterEnds(SentinelConfig config) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.names().deadLetterTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Dead letters committed after the given offsets, grouped by reason (without the varying detail after the first colon). */
    static DeadLetters deadLettersSince(SentinelConfig config, Map<TopicPartition, Long> from) {
        Map<String, Long> byReason = new TreeMap<>();
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count++;
                    Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
                    String text = reason == null ? "(no reason)" : new String(reason.value(), UTF_8);
                    int colon = text.indexOf(": ");
                    byReason.merge(colon > 0 && text.startsWith("not JSON") ? text.substring(0, colon) : text, 1L, Long::sum);
                }
            }
        }
        return new DeadLetters(count, byReason);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(SentinelConfig config) {
        return KafkaClients.of(config).consumer(Map.of());
    }
}
