package org.yqsentinel.pipeline.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobExecutionResult;
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
import org.yqsentinel.pipeline.dedupe.DropRepeats;
import org.yqsentinel.pipeline.dedupe.MarkCopies;
import org.yqsentinel.model.DeadLetterHeaders;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.connect.ElasticsearchConnection;

/**
 * The whole monitor job on a Flink mini-cluster against the real Kafka and Elasticsearch: crawler
 * records in their own shapes, repeats, reprints, broken records and policy pages go in, and every
 * record is accounted for — indexed, dropped as a repeat, or dead-lettered.
 */
@ExtendWith(LocalStackExtension.class)
class MonitorJobIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static SentinelConfig config;
    private static StackContext stack;
    private static JobExecutionResult firstRun;
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
                "YQ_MONITOR_PARALLELISM", "2",
                "YQ_MONITOR_CHECKPOINT_INTERVAL_SECONDS", "1",
                "YQ_MONITOR_RESTART_ATTEMPTS", "0")::get).read(null);
        for (Channel channel : Channel.values()) {
            produce(config.names().rawTopic(channel), lines("/monitor/" + channel.id() + ".jsonl"));
        }
        produce(config.names().rawTopic(Channel.NEWS), List.of(
                "{\"id\":\"gbk-1\",\"site\":\"江城新闻网\",\"publish_time\":\"2026-11-23 09:00\",\"content\":\"<p>课后服务</p>\"}"
                        .getBytes(Charset.forName("GBK"))));
        produce(config.names().rawPolicyTopic(), lines("/monitor/policy.jsonl"));
        produce(config.names().rawPolicyTopic(), List.of(resource("/monitor/policy-page-gd-2016-629.txt")));
        firstRun = runBounded();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MonitorJobIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static List<byte[]> lines(String name) throws IOException {
        return new String(resource(name), UTF_8).lines().map(l -> l.getBytes(UTF_8)).toList();
    }

    private static void produce(String topic, List<byte[]> values) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                RecordMetadata meta = producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
                produced.add(new Produced(topic, meta.offset(), value));
            }
        }
    }

    private static JobExecutionResult runBounded() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        MonitorJob.configure(env, config.monitor());
        MonitorJob.fromConfig(config, true).build(env);
        return env.execute("monitor-it");
    }

    private static long count(String index) throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            String name = config.names().index(index);
            es.client().indices().refresh(r -> r.index(name).allowNoIndices(true));
            return es.client().count(c -> c.index(name).allowNoIndices(true)).count();
        }
    }

    private static ObjectNode document(String index, String id) throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            return es.client().get(g -> g.index(config.names().index(index)).id(id), ObjectNode.class).source();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("group.id", config.names().prefix() + "dead-letter-reader-" + System.nanoTime());
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.names().deadLetterTopic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                int before = letters.size();
                consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
                if (letters.size() == before && !letters.isEmpty()) {
                    break;
                }
            }
        }
        return letters;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    @Test
    void everyRecordIsIndexedDroppedAsARepeatOrDeadLettered() throws Exception {
        long items = count("yq-items-*");
        long policies = count("yq-policies");
        long repeats = firstRun.<Long>getAccumulatorResult(DropRepeats.ACCUMULATOR);
        long dead = deadLetters().size();
        assertThat(items + policies + repeats + dead).as("%d items + %d policies + %d repeats + %d dead letters",
                items, policies, repeats, dead).isEqualTo(produced.size());
        assertThat(items).isEqualTo(10);
        assertThat(policies).isEqualTo(2);
        assertThat(repeats).isEqualTo(2);
        assertThat(dead).isEqualTo(5);
    }

    @Test
    void reprintsAreIndexedAsCopiesOfTheFirstAndRepostsLinkTheirOriginal() throws Exception {
        assertThat(document("yq-items-2026.11", "news:nyxw-8812").get("copyOf").asText()).isEqualTo("news:jcrb-001");
        assertThat(document("yq-items-2026.11", "wechat:MzA5NjExMjM0NQ==_2247483901_1").get("copyOf").asText())
                .isEqualTo("news:jcrb-001");
        assertThat(document("yq-items-2026.11", "news:jcrb-001").has("copyOf")).isFalse();
        assertThat(firstRun.<Long>getAccumulatorResult(MarkCopies.ACCUMULATOR)).isEqualTo(2L);
        assertThat(document("yq-items-2026.11", "weibo:4843210003").get("repostOf").asText()).isEqualTo("weibo:4843210002");
    }

    @Test
    void crawlerShapesBecomeCanonicalDocumentsWithTokens() throws Exception {
        ObjectNode post = document("yq-items-2026.11", "weibo:4843210001");
        assertThat(post.get("text").asText()).isEqualTo("一学期从300涨到480?这也叫减负?[怒] #江城课后服务涨价#");
        assertThat(post.get("publishedAt").asText()).isEqualTo("2026-11-22T08:51:00Z");
        assertThat(post.get("author").get("followerCount").asLong()).isEqualTo(123_000);
        assertThat(post.get("region").get("province").asText()).isEqualTo("广东");
        List<String> tokens = new ArrayList<>();
        post.get("tokens").forEach(t -> tokens.add(t.asText()));
        assertThat(tokens).contains("减负", "怒").doesNotContain("?", "#", "[");
        assertThat(post.get("sentiment").get("label").asText()).isEqualTo("NEGATIVE");
        assertThat(post.get("sentiment").get("score").asDouble()).isLessThan(-0.2);
        ObjectNode wechat = document("yq-items-2026.11", "wechat:MzA5NjExMjM0NQ==_2247483902_1");
        assertThat(wechat.get("url").asText()).isEqualTo("https://mp.weixin.qq.com/s?__biz=MzA5NjExMjM0NQ==&idx=1&mid=2247483902&sn=77aa");
        assertThat(wechat.get("publishedAt").asText()).isEqualTo("2026-11-21T23:30:00Z");
    }

    @Test
    void policyPagesAndPolicyJsonAreIndexedUnderTheirCanonicalDocumentNumber() throws Exception {
        ObjectNode page = document("yq-policies", "粤办函〔2016〕629号");
        assertThat(page.get("issuingOffice").asText()).isEqualTo("广东省人民政府办公厅");
        assertThat(page.get("publishedOn").asText()).isEqualTo("2016-12-16");
        assertThat(page.get("documentNumberParts").get("serial").asInt()).isEqualTo(629);
        ObjectNode json = document("yq-policies", "江教发〔2026〕18号");
        assertThat(json.get("documentNumber").asText()).as("[] variant written canonically").isEqualTo("江教发〔2026〕18号");
    }

    @Test
    void deadLettersKeepOriginalBytesOriginAdapterAndReason() {
        Map<String, String> reasonByOrigin = new HashMap<>();
        Map<String, String> adapterByOrigin = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters()) {
            String topic = header(letter, DeadLetterHeaders.SOURCE_TOPIC);
            long offset = Long.parseLong(header(letter, DeadLetterHeaders.SOURCE_OFFSET));
            Produced original = produced.stream().filter(p -> p.topic().equals(topic) && p.offset() == offset).findFirst().orElseThrow();
            assertThat(letter.value()).as("original bytes").isEqualTo(original.value());
            String origin = topic.substring(config.names().prefix().length()) + "@" + offset;
            reasonByOrigin.put(origin, header(letter, DeadLetterHeaders.REASON_CODE) + ": " + header(letter, DeadLetterHeaders.REASON));
            adapterByOrigin.put(origin, header(letter, DeadLetterHeaders.ADAPTER));
        }
        assertThat(reasonByOrigin).containsOnlyKeys("yq.raw.news@5", "yq.raw.news@6", "yq.raw.weibo@5", "yq.raw.wechat@2",
                "yq.raw.wechat@3");
        assertThat(reasonByOrigin.get("yq.raw.news@5")).isEqualTo("missing_field: missing field publish_time");
        assertThat(adapterByOrigin.get("yq.raw.news@5")).isEqualTo("news-page");
        assertThat(reasonByOrigin.get("yq.raw.news@6")).startsWith("not_utf8: not UTF-8").contains("GBK/GB18030");
        assertThat(reasonByOrigin.get("yq.raw.weibo@5")).startsWith("not_json: not JSON: Unexpected end-of-input");
        assertThat(reasonByOrigin.get("yq.raw.wechat@2")).isEqualTo("missing_field: missing field content (the article's HTML) or content_text");
        assertThat(reasonByOrigin.get("yq.raw.wechat@3")).startsWith("not_json: not JSON: Unexpected character ('<'");
        assertThat(adapterByOrigin.get("yq.raw.wechat@3")).isEqualTo("none");
    }

    @Test
    void recordsDeliveredAgainLaterAreNotIndexedTwice() throws Exception {
        long before = count("yq-items-*");
        produce(config.names().rawTopic(Channel.WEIBO), lines("/monitor/weibo.jsonl").subList(0, 4));
        runBounded();
        assertThat(count("yq-items-*")).isEqualTo(before);
    }
}
