package org.yqsentinel.pipeline.offline;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.IndexScan;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.read.RawRecord;

/**
 * The {@code yq-items} archive as raw records, for a replay of a range the raw topics no longer hold: every item
 * published in the range, in Sentinel's canonical item form on the raw topic of its channel (the form the scenario
 * generator writes, read by the same reader), every policy of {@code yq-policies} on the raw policy topic, and the
 * control topic's messages as Kafka still holds them. The items are those the live job indexed: repeats it dropped and
 * records it refused are not there, and each item carries its engagement as last crawled. Items come by publish time
 * then id, so every read gives the same order.
 */
public final class IndexArchive implements Archive {

    private static final ObjectReader LENIENT = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<String> ITEM_FIELDS = List.of("sourceId", "source", "author", "title", "summary", "text", "url",
            "publishedAt", "engagement", "region", "repostOf");

    private final SentinelConfig config;
    private final Namespace names;
    private final long fromMillis;
    private final long toMillis;
    private final KafkaArchive control;

    public IndexArchive(SentinelConfig config, Instant from, Instant to, KafkaArchive control) {
        this.config = config;
        this.names = config.names();
        this.fromMillis = from.toEpochMilli();
        this.toMillis = to.toEpochMilli();
        this.control = control;
    }

    @Override
    public String describe() {
        return "the " + names.index("yq-items") + " archive";
    }

    /** How many items the archive holds for the range. */
    public long items() {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            return es.client().count(c -> c.index(names.index("yq-items-*")).query(inRange()).allowNoIndices(true).ignoreUnavailable(true))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException("could not count " + names.index("yq-items-*") + " at " + config.elasticsearchUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<RawRecord> each) {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
            long[] offset = {0};
            refresh(es.client());
            IndexScan.each(es.client(), names.index("yq-policies"), Query.of(q -> q.matchAll(m -> m)), List.of("id"), doc -> {
                PolicyDocument policy = read(doc, PolicyDocument.class);
                each.accept(new RawRecord(names.rawPolicyTopic(), 0, offset[0]++, -1, null, Json.toBytes(policy)));
            });
            control.forEach(each);
            IndexScan.each(es.client(), names.index("yq-items-*"), inRange(), List.of("publishedAt"), doc -> {
                Item item = read(doc, Item.class);
                ObjectNode canonical = Json.mapper().createObjectNode();
                JsonNode whole = Json.mapper().valueToTree(item);
                ITEM_FIELDS.forEach(field -> {
                    if (whole.hasNonNull(field)) {
                        canonical.set(field, whole.get(field));
                    }
                });
                Channel channel = item.channel();
                each.accept(new RawRecord(names.rawTopic(channel), 0, offset[0]++, -1, item.id().getBytes(StandardCharsets.UTF_8),
                        Json.toBytes(canonical)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the archive at " + config.elasticsearchUrl() + ": " + e.getMessage(), e);
        }
    }

    private void refresh(ElasticsearchClient client) throws IOException {
        client.indices().refresh(r -> r.index(names.index("yq-policies"), names.index("yq-items-*")).allowNoIndices(true).ignoreUnavailable(true));
    }

    private Query inRange() {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte(Instant.ofEpochMilli(fromMillis).toString())
                .lt(Instant.ofEpochMilli(toMillis).toString()))));
    }

    private static <T> T read(JsonNode doc, Class<T> type) {
        try {
            return LENIENT.treeToValue(doc, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " does not read back: " + e.getMessage(), e);
        }
    }
}
