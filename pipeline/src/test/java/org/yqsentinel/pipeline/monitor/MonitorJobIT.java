package org.yqsentinel.pipeline.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.kafka.DeadLetterHeaders;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.setup.ElasticsearchConnection;

/** The whole monitor job on a Flink mini-cluster against the real Kafka and Elasticsearch of the local stack. */
@ExtendWith(LocalStackExtension.class)
class MonitorJobIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int GOOD_RECORDS = 8;
    private static SentinelConfig config;
    private static StackContext stack;
    /** Every record produced, with the offset Kafka gave it. */
    private static final List<Produced> produced = new ArrayList<>();

    private record Produced(String topic, long offset, byte[] value) {}

    @BeforeAll
    static void produceFixturesAndRunTheJobOnce(StackContext context) throws Exception {
        stack = context;
        config = new ConfigLoader(Map.of(
                "YQ_NAMESPACE", context.namespace().prefix(),
                "YQ_KAFKA_BOOTSTRAP_SERVERS", context.kafkaBootstrapServers(),
                "YQ_ELASTICSEARCH_URL", context.elasticsearchUrl(),
                "YQ_MONITOR_CHECKPOINT_INTERVAL_SECONDS", "1",
                "YQ_MONITOR_RESTART_ATTEMPTS", "0")::get).read(null);
        for (Channel channel : Channel.values()) {
            produce(channel, fixture(channel));
        }
        runBounded();
    }

    private static List<byte[]> fixture(Channel channel) throws IOException {
        try (InputStream in = MonitorJobIT.class.getResourceAsStream("/monitor/" + channel.id() + ".jsonl")) {
            return new String(in.readAllBytes(), UTF_8).lines().map(l -> l.getBytes(UTF_8)).toList();
        }
    }

    private static void produce(Channel channel, List<byte[]> lines) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            String topic = config.names().rawTopic(channel);
            for (byte[] line : lines) {
                RecordMetadata meta = producer.send(new ProducerRecord<>(topic, 0, null, line)).get();
                produced.add(new Produced(topic, meta.offset(), line));
            }
        }
    }

    private static void runBounded() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        MonitorJob.configure(env, config.monitor());
        MonitorJob.fromConfig(config, true).build(env);
        env.execute("monitor-it");
    }

    private static long indexedItems() throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            String pattern = config.names().prefix() + "yq-items-*";
            es.client().indices().refresh(r -> r.index(pattern));
            return es.client().count(c -> c.index(pattern)).count();
        }
    }

    private static ObjectNode indexedItem(String index, String id) throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            return es.client().get(g -> g.index(config.names().prefix() + index).id(id), ObjectNode.class).source();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("group.id", config.names().prefix() + "dead-letter-reader-" + System.nanoTime());
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.names().deadLetterTopic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
        }
        return letters;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    @Test
    void everyGoodRecordIsIndexedOnceUnderItsDeterministicId() throws Exception {
        assertThat(indexedItems()).isEqualTo(GOOD_RECORDS);
        ObjectNode post = indexedItem("yq-items-2026.11", "weibo:4843210001");
        assertThat(post.get("channel").asText()).isEqualTo("weibo");
        assertThat(post.get("publishedAt").asText()).isEqualTo("2026-11-21T00:12:00Z");
        assertThat(post.get("author").get("followerCount").asLong()).isEqualTo(2310);
        List<String> tokens = new ArrayList<>();
        post.get("tokens").forEach(t -> tokens.add(t.asText()));
        assertThat(tokens).contains("课后", "涨价", "减负").doesNotContain("，", "？", "#");
        assertThat(post.get("keywords")).isNotEmpty();
    }

    @Test
    void newsWithoutSourceTimeZoneIsReadAsBeijingTime() throws Exception {
        ObjectNode news = indexedItem("yq-items-2026.11", "news:jcrb-20261120-001");
        assertThat(news.get("publishedAt").asText()).isEqualTo("2026-11-20T03:05:00Z");
        assertThat(news.get("title").asText()).isEqualTo("我市调整中小学课后服务收费标准");
        List<String> keywords = new ArrayList<>();
        news.get("keywords").forEach(k -> keywords.add(k.asText()));
        assertThat(keywords).containsAnyOf("课后", "收费", "服务收费", "教育局");
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithOriginalBytesOriginAndReason() {
        List<ConsumerRecord<byte[], byte[]>> letters = deadLetters(3);
        assertThat(letters).hasSize(3);
        Map<String, String> reasonByOrigin = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            String topic = header(letter, DeadLetterHeaders.SOURCE_TOPIC);
            long offset = Long.parseLong(header(letter, DeadLetterHeaders.SOURCE_OFFSET));
            Produced original = produced.stream().filter(p -> p.topic().equals(topic) && p.offset() == offset)
                    .findFirst().orElseThrow();
            assertThat(letter.value()).as("original bytes").isEqualTo(original.value());
            assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("parse");
            reasonByOrigin.put(topic.substring(config.names().prefix().length()) + "@" + offset,
                    header(letter, DeadLetterHeaders.REASON));
        }
        assertThat(reasonByOrigin).hasSize(3);
        assertThat(reasonByOrigin.get("yq.raw.weibo@4")).startsWith("not JSON: Unexpected end-of-input");
        assertThat(reasonByOrigin.get("yq.raw.wechat@1")).startsWith("not JSON: Unexpected character ('<'");
        assertThat(reasonByOrigin.get("yq.raw.wechat@2")).isEqualTo("missing field text");
    }

    @Test
    void recordsDeliveredTwiceAreNotIndexedTwice() throws Exception {
        List<byte[]> weibo = fixture(Channel.WEIBO).subList(0, 4);
        produce(Channel.WEIBO, weibo);
        runBounded();
        assertThat(indexedItems()).isEqualTo(GOOD_RECORDS);
    }
}
