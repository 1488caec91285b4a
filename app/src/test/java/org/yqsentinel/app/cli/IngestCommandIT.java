package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/** {@code yq ingest} sends every record of a file to the raw topic, byte for byte, on the real Kafka. */
@ExtendWith(LocalStackExtension.class)
class IngestCommandIT {

    @TempDir
    Path dir;

    @Test
    void jsonArrayElementsArriveOnTheRawTopicAsWritten(StackContext stack) throws Exception {
        StackCli.Printed run = StackCli.run(StackCli.config(dir, stack), "ingest", "--channel", "news",
                IngestCommandTest.fixture("news.json"));
        String topic = stack.namespace().rawTopic(org.yqsentinel.model.Channel.NEWS);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("sent 2 records to " + topic + " from 1 file\n");

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, stack.namespace().prefix() + "ingest-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> received.add(new String(r.value(), StandardCharsets.UTF_8)));
            }
        }
        String file = Files.readString(Path.of(IngestCommandTest.fixture("news.json")));
        assertThat(received).hasSize(2).allSatisfy(value -> assertThat(file).contains(value));
        assertThat(received).anySatisfy(value -> assertThat(value).startsWith("{").contains("\"id\": \"a1\"").endsWith("}"));
    }
}
