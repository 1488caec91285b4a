package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * {@code yq replay} after {@code yq demo}, on the real stack: over the demo's range it prints the alert events the live
 * job raised (same ids, tiers and scores), and it leaves the live topics and indices as they were.
 */
@ExtendWith(LocalStackExtension.class)
class ReplayCommandIT {

    @TempDir
    Path dir;

    @Test
    void theDemosRangeReplayedGivesTheAlertEventsTheJobRaisedAndChangesNothingLive(StackContext stack) throws Exception {
        Path config = StackCli.config(dir, stack);
        assertThat(StackCli.run(config, "demo").exit()).isZero();
        List<Alert> live = alerts(stack);
        assertThat(live).as("the demo's alert events").isNotEmpty();
        Map<String, Long> topicsBefore = endOffsets(stack);
        long documentsBefore = count(stack, "yq-alerts") + count(stack, "yq-cases") + count(stack, "yq-risk-*");

        StackCli.Printed replay = StackCli.run(config, "replay", "--from", "2026-11-19T00:00+08:00", "--to", "2026-11-24T00:00+08:00");

        assertThat(replay.exit()).isZero();
        List<Alert> replayed = new ArrayList<>();
        for (String line : replay.out().lines().toList()) {
            replayed.add(Json.mapper().readValue(line, Alert.class));
        }
        assertThat(replayed).extracting(Alert::id, Alert::tier, Alert::score)
                .containsExactlyElementsOf(live.stream().map(a -> tuple(a.id(), a.tier(), a.score())).toList());
        assertThat(endOffsets(stack)).as("the live topics").isEqualTo(topicsBefore);
        assertThat(count(stack, "yq-alerts") + count(stack, "yq-cases") + count(stack, "yq-risk-*")).isEqualTo(documentsBefore);

        // a range after the episode holds no post, so nothing is raised; an empty range is refused
        StackCli.Printed later = StackCli.run(config, "replay", "--from", "2026-12-01T00:00+08:00", "--to", "2026-12-02T00:00+08:00");
        assertThat(later.exit()).isZero();
        assertThat(later.out()).isBlank();
        assertThat(StackCli.run(config, "replay", "--from", "2026-11-21T00:00+08:00", "--to", "2026-11-20T00:00+08:00").exit()).isEqualTo(2);

        Path file = dir.resolve("out").resolve("alerts.jsonl");
        assertThat(StackCli.run(config, "replay", "--from", "2026-11-19T00:00+08:00", "--to", "2026-11-24T00:00+08:00",
                "--out", file.toString()).exit()).isZero();
        assertThat(Files.readAllLines(file)).isEqualTo(replay.out().lines().toList());

        // once retention has removed records taken after the range began, a replay of it is refused, not run on a part
        TopicPartition weibo = new TopicPartition(stack.namespace().rawTopic(Channel.WEIBO), 0);
        try (Admin admin = new KafkaClients(stack.kafkaBootstrapServers()).admin(15_000)) {
            admin.deleteRecords(Map.of(weibo, RecordsToDelete.beforeOffset(1))).all().get(15, TimeUnit.SECONDS);
        }
        assertThat(StackCli.run(config, "replay", "--from", "2026-11-19T00:00+08:00", "--to", "2026-11-24T00:00+08:00").exit())
                .isEqualTo(2);
    }

    private static List<Alert> alerts(StackContext stack) throws Exception {
        String index = stack.namespace().index("yq-alerts");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(index));
            List<Alert> alerts = new ArrayList<>();
            for (var hit : es.client().search(s -> s.index(index).size(1000), JsonNode.class).hits().hits()) {
                alerts.add(Json.mapper().treeToValue(Objects.requireNonNull(hit.source()), Alert.class));
            }
            alerts.sort(Comparator.comparing(Alert::windowEnd).thenComparing(Alert::subjectId).thenComparing(Alert::id));
            return alerts;
        }
    }

    private static long count(StackContext stack, String index) throws Exception {
        String name = stack.namespace().index(index);
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(name).allowNoIndices(true));
            return es.client().count(c -> c.index(name).allowNoIndices(true)).count();
        }
    }

    private static Map<String, Long> endOffsets(StackContext stack) {
        Map<String, Long> ends = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaClients(stack.kafkaBootstrapServers()).consumer(Map.of())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : stack.namespace().topics()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.toString(), end));
        }
        return ends;
    }
}
