package org.yqsentinel.pipeline.risk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.monitor.LocalCluster;
import org.yqsentinel.pipeline.monitor.MonitorConnectors;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.pipeline.monitor.MonitorSinks;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.pipeline.read.RawRecord;
import org.yqsentinel.pipeline.read.RawRecordReader;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * The live monitor job on the real Kafka and Elasticsearch, scoring the demo episode: a policy is
 * published, then the posts about it, in time order across the channels; the job fails once half-way and
 * restarts from its checkpoint. Every alert event reaches {@code yq.alerts} exactly once, those committed
 * before the failure included, and the alerts, the risk series and the case are in Elasticsearch.
 */
@ExtendWith(LocalStackExtension.class)
class PolicyRiskIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path SAMPLE = Path.of("..", "demo", "sample");
    private static final Instant CRAWLED_AT = Instant.parse("2026-11-25T00:00:00Z");

    private static SentinelConfig config;
    private static StackContext stack;
    private static List<String> liveAlertIds;
    private static List<String> alertsBeforeFailure;
    private static List<Alert> offlineAlerts;

    @BeforeAll
    static void scoreTheEpisodeLiveWithOneFailureAndOffline(StackContext context, @TempDir Path work) throws Exception {
        stack = context;
        config = new ConfigLoader(Map.of(
                "YQ_NAMESPACE", context.namespace().prefix(),
                "YQ_KAFKA_BOOTSTRAP_SERVERS", context.kafkaBootstrapServers(),
                "YQ_ELASTICSEARCH_URL", context.elasticsearchUrl(),
                "YQ_MONITOR_PARALLELISM", "1",
                "YQ_MONITOR_CHECKPOINT_INTERVAL_SECONDS", "1",
                "YQ_MONITOR_IDLE_SOURCE_SECONDS", "10",
                "YQ_MONITOR_RESTART_ATTEMPTS", "2")::get).read(null);
        Path clock = clockPost(work);
        List<OfflineRecords.Input> items = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            items.add(new OfflineRecords.Input(SAMPLE.resolve(channel.id() + ".jsonl").toString(), false, channel));
        }
        items.add(new OfflineRecords.Input(clock.toString(), false, Channel.WEIBO));
        offlineAlerts = new OfflineScoring(config.monitor(), null).run(StreamExecutionEnvironment.getExecutionEnvironment(),
                List.of(SAMPLE.resolve("policy.txt")), items, CRAWLED_AT, work.resolve("offline")).alerts();

        // the live job restarts on the state storage of ./yq monitor: checkpoints and the state changelog in files
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(LocalCluster.stateStorage(work.resolve("flink")));
        MonitorJob.configure(env, config.monitor());
        int watchDays = RiskRules.load(RuleFiles.bundled()).watchDays();
        MonitorSinks live = MonitorConnectors.sinks(config, watchDays);
        List<byte[]> all = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            all.addAll(records(SAMPLE.resolve(channel.id() + ".jsonl"), false));
        }
        all.sort(Comparator.comparingLong(PolicyRiskIT::publishedAt));  // as crawlers deliver them: in time, across channels
        List<byte[]> first = all.subList(0, all.size() / 2);
        List<byte[]> second = all.subList(all.size() / 2, all.size());
        FailOnceSink.SEEN.set(0);
        FailOnceSink.FAILED.set(false);
        MonitorSinks failing = new MonitorSinks(new FailOnceSink<>(live.items(), first.size() + 40), live.policies(),
                live.deadLetters(), live.alerts(), live.alertDocuments(), live.riskPoints(), live.cases());
        JobClient job = new MonitorJob(MonitorConnectors.rawItems(config, false), failing, config.monitor(), null).start(env);
        try {
            produce(config.names().rawPolicyTopic(), records(SAMPLE.resolve("policy.txt"), true));
            await("the policy is watched", () -> count("yq-policies") == 1);
            produceByChannel(first);
            try (Redelivery crawlers = new Redelivery(lastOfEachChannel(first))) {
                await("alerts of the first half are committed", () -> !alertIds().isEmpty());
                alertsBeforeFailure = alertIds();
            }
            produceByChannel(second);
            produce(config.names().rawTopic(Channel.WEIBO), records(clock, false));
            await("every alert offline scoring raises is on the topic", () -> alertIds().size() >= offlineAlerts.size());
            Thread.sleep(3_000);  // time for a duplicate to show, were there one
            liveAlertIds = alertIds();
        } finally {
            job.cancel().get();
        }
    }

    /** The last record of each channel, in the order given. */
    private static List<byte[]> lastOfEachChannel(List<byte[]> values) {
        Map<Channel, byte[]> last = new EnumMap<>(Channel.class);
        values.forEach(value -> last.put(CHANNEL_OF.get(value), value));
        return List.copyOf(last.values());
    }

    /**
     * While the test waits between the halves, the crawlers re-deliver the last post of each channel every
     * second, as crawlers do; the job drops them as repeats. Without them every channel partition would go
     * idle during the wait (idle-source-seconds is 10 here), and when the second half came, the partition
     * fetched first would carry the watermark hours of event time ahead (the episode's days are sent in
     * seconds) while the others were still idle: their first posts would arrive later than the allowed
     * lateness, be dropped, and the second episode's opening alert with them.
     */
    private static final class Redelivery implements AutoCloseable {

        private final KafkaProducer<byte[], byte[]> producer = producer();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Redelivery(List<byte[]> lastPosts) {
            timer.scheduleWithFixedDelay(() -> lastPosts.forEach(value ->
                    producer.send(new ProducerRecord<>(config.names().rawTopic(CHANNEL_OF.get(value)), 0, null, value))),
                    1, 1, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            producer.close();
        }
    }

    /** A post a day after the episode, whose watermark closes every window of the episode, live and offline alike. */
    private static Path clockPost(Path work) throws IOException {
        Path file = work.resolve("clock.jsonl");
        Files.writeString(file, "{\"id\":\"clock-1\",\"channel\":\"weibo\",\"source\":\"微博\",\"text\":\"今日天气晴\","
                + "\"publishedAt\":\"2026-11-24T12:00:00Z\",\"url\":\"https://m.weibo.cn/status/clock1\"}\n", UTF_8);
        return file;
    }

    /** Records of the demo files; each line remembers its channel by the file it came from. */
    private static final Map<byte[], Channel> CHANNEL_OF = new IdentityHashMap<>();
    private static final RawRecordReader READER = new RawRecordReader();

    private static List<byte[]> records(Path file, boolean policy) throws IOException {
        List<byte[]> values = new ArrayList<>();
        String name = file.getFileName().toString();
        Channel channel = policy || !name.contains(".") ? null : channelOf(name);
        for (RawRecordFiles.RawLine line : RawRecordFiles.split(name, Files.readAllBytes(file), policy)) {
            values.add(line.value());
            if (channel != null) {
                CHANNEL_OF.put(line.value(), channel);
            }
        }
        return values;
    }

    /** The publish time of a record as the job reads it (records it cannot read first). */
    private static long publishedAt(byte[] value) {
        Channel channel = CHANNEL_OF.get(value);
        ReadRecord read = READER.read(new RawRecord(config.names().rawTopic(channel), 0, 0, CRAWLED_AT.toEpochMilli(), null, value));
        return read.eventTimeMillis();
    }

    private static Channel channelOf(String fileName) {
        for (Channel channel : Channel.values()) {
            if (fileName.startsWith(channel.id())) {
                return channel;
            }
        }
        return Channel.WEIBO;  // the clock post
    }

    /** Each record to its channel's topic, in the order given. */
    private static void produceByChannel(List<byte[]> values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(config.names().rawTopic(CHANNEL_OF.get(value)), 0, null, value)).get();
            }
        }
    }

    private static void produce(String topic, List<byte[]> values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<String> alertIds() {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        props.put("isolation.level", "read_committed");
        props.put("auto.offset.reset", "earliest");
        props.put("group.id", config.names().prefix() + "alert-reader-" + System.nanoTime());
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(config.names().alertsTopic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    ids.add(alertId(record.value()));
                }
            }
        }
        return ids;
    }

    private static String alertId(byte[] value) {
        try {
            return Json.mapper().readValue(value, Alert.class).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(500);
        }
    }

    private static long count(String index) {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            String name = config.names().index(index);
            es.client().indices().refresh(r -> r.index(name).allowNoIndices(true));
            return es.client().count(c -> c.index(name).allowNoIndices(true)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode document(String index, String id) throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            return es.client().get(g -> g.index(config.names().index(index)).id(id), ObjectNode.class).source();
        }
    }

    @Test
    void aRestartFromTheCheckpointNeitherLosesNorDuplicatesAlertEvents() throws IOException {
        assertThat(FailOnceSink.FAILED).as("the job failed once on purpose").isTrue();
        assertThat(offlineAlerts).isNotEmpty();
        assertThat(liveAlertIds).as("no alert event twice").doesNotHaveDuplicates();
        assertThat(alertsBeforeFailure).as("alerts were committed before the failure").isNotEmpty();
        assertThat(liveAlertIds).as("none committed before the failure is lost").containsAll(alertsBeforeFailure);
        assertThat(indexedAlertIds()).as("yq-alerts holds exactly the events on the topic, none of the failed attempt's")
                .containsExactlyInAnyOrderElementsOf(liveAlertIds);
        assertThat(liveAlertIds).as("the same alert events as offline scoring of the same files")
                .containsExactlyElementsOf(offlineAlerts.stream().map(Alert::id).toList());
    }

    private static List<String> indexedAlertIds() throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            String name = config.names().index("yq-alerts");
            es.client().indices().refresh(r -> r.index(name));
            return es.client().search(q -> q.index(name).size(1000), ObjectNode.class).hits().hits().stream()
                    .map(h -> h.id()).toList();
        }
    }

    @Test
    void alertsTheRiskSeriesAndTheCaseAreInElasticsearch() throws IOException {
        Alert opened = offlineAlerts.get(0);
        ObjectNode alert = document("yq-alerts", opened.id());
        assertThat(alert.get("type").asText()).isEqualTo("OPENED");
        assertThat(alert.get("policyId").asText()).isEqualTo("江教发〔2026〕18号");
        assertThat(alert.get("tier").asText()).isEqualTo(opened.tier().code());
        assertThat(alert.get("factors")).hasSize(org.yqsentinel.rules.risk.RiskFactor.values().length);
        ObjectNode record = document("yq-cases", opened.caseId());
        assertThat(record.get("subjectId").asText()).isEqualTo("江教发〔2026〕18号");
        assertThat(record.get("timeline").get(0).get("alertId").asText()).isEqualTo(opened.id());
        assertThat(count("yq-risk-*")).isGreaterThan(offlineAlerts.size());
        ObjectNode policy = document("yq-policies", "江教发〔2026〕18号");
        assertThat(policy.get("preIssuanceRisk").asDouble()).isGreaterThan(0);
        assertThat(policy.get("preIssuanceFactors")).isNotEmpty();
        assertThat(policy.get("responsibleDepartment").asText()).isEqualTo("江城市教育局");
    }
}
