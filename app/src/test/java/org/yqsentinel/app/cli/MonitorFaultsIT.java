package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Yq;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.Provisioner;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.pipeline.read.RawRecord;
import org.yqsentinel.pipeline.read.RawRecordReader;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.junit.TcpOutage;

/**
 * The day things go wrong, on the real stack with {@code ./yq monitor} as its own process: a simulated surge around
 * the demo policy (3,140 crawler records) pushed as crawlers deliver it, then a poison record, a kill -9 of the
 * monitor mid-stream and a stop, an Elasticsearch outage, a Kafka broker that stops answering. Each run is counted against {@code ./yq score} on the same files:
 * every post indexed, every alert event exactly once on {@code yq.alerts} and in {@code yq-alerts}. The monitor runs
 * with no restarts allowed, so a record or an Elasticsearch outage that failed the job would end the process; a Kafka
 * outage fails the transactions of the exactly-once sinks, and the job outlasts it by restarting from its checkpoints.
 */
@ExtendWith(LocalStackExtension.class)
class MonitorFaultsIT {

    /** How long Elasticsearch stays away; the issue asks for five minutes. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("yq.faults.outage-seconds", 300));
    /** How long the Kafka broker stays frozen. */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("yq.faults.kafka-outage-seconds", 60));
    private static final Instant CRAWLED_AT = Instant.parse("2026-11-25T00:00:00Z");

    private static StackContext stack;
    private static Path episode;
    /** The records of the episode in publish-time order across channels, as crawlers deliver them. */
    private static final List<Record> records = new ArrayList<>();
    private static final Set<String> itemIds = new HashSet<>();
    private static List<String> referenceAlerts;

    private record Record(Channel channel, byte[] value, long publishedAt) {}

    @BeforeAll
    static void simulateAndScoreTheEpisode(StackContext context, @TempDir Path dir) throws Exception {
        stack = context;
        episode = dir.resolve("surge");
        assertThat(Yq.run("simulate", "--out", episode.toString(), "--scenario", "surge")).isZero();
        RawRecordReader reader = new RawRecordReader();
        List<OfflineRecords.Input> inputs = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Path file = episode.resolve(channel.id() + ".jsonl");
            inputs.add(new OfflineRecords.Input(file.toString(), false, channel));
            for (RawRecordFiles.RawLine line : RawRecordFiles.split(file.toString(), Files.readAllBytes(file), false)) {
                ReadRecord read = reader.read(new RawRecord(Namespace.DEFAULT.rawTopic(channel), 0, 0, CRAWLED_AT.toEpochMilli(), null,
                        line.value()));
                if (read.item() != null) {
                    itemIds.add(read.item().id());
                }
                records.add(new Record(channel, line.value(), read.eventTimeMillis()));
            }
        }
        records.sort(Comparator.comparingLong(Record::publishedAt));
        SentinelConfig defaults = new ConfigLoader(k -> null).read(null);
        referenceAlerts = new OfflineScoring(defaults.monitor(), null).run(StreamExecutionEnvironment.getExecutionEnvironment(),
                List.of(episode.resolve("policy.txt")), inputs, CRAWLED_AT, dir.resolve("score")).alerts().stream().map(Alert::id).toList();
        assertThat(records).hasSize(3_140);
        // an episode: opened, raised, resolved (PolicyScenariosTest checks its tiers and times)
        assertThat(referenceAlerts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(referenceAlerts.get(0)).contains("/opened/");
        assertThat(referenceAlerts.get(referenceAlerts.size() - 1)).contains("/resolved/");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRecordsAfterThemAreIndexed(@TempDir Path home) throws Exception {
        try (Scenario run = new Scenario("poison", stack.elasticsearchUrl(), home)) {
            MonitorProcess monitor = run.startMonitor("run");
            List<byte[]> poison = List.of(
                    ("{\"mid\":" + "1".repeat(1001) + "}").getBytes(UTF_8),
                    "[".repeat(2_000).getBytes(UTF_8),
                    ("{\"" + "k".repeat(50_000) + "\":1}").getBytes(UTF_8),
                    "{\"mid\":\"p1\",\"created_at\":\"99999999999999999999分钟前\",\"text\":\"t\"}".getBytes(UTF_8),
                    "{\"mid\":\"p2\",\"created_at\":\"999999999999999天前\",\"text\":\"t\"}".getBytes(UTF_8),
                    "{\"mid\":\"p3\",\"created_at\":-100000000000000000,\"text\":\"t\"}".getBytes(UTF_8),
                    new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x1b, '{'});
            List<String> valid = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (int i = 0; i < poison.size(); i++) {
                    producer.send(new ProducerRecord<>(run.names.rawTopic(Channel.WEIBO), 0, null, poison.get(i))).get();
                    String mid = "after-" + i;
                    valid.add("weibo:" + mid);
                    producer.send(new ProducerRecord<>(run.names.rawTopic(Channel.WEIBO), 0, null, ("{\"mid\":\"" + mid
                            + "\",\"created_at\":\"2026-11-20 10:0" + i + "\",\"text\":\"课后服务收费又涨了 " + i + "\"}").getBytes(UTF_8))).get();
                }
                // a later post that moves the watermark past them, so that they are indexed
                producer.send(new ProducerRecord<>(run.names.rawTopic(Channel.WEIBO), 0, null,
                        "{\"mid\":\"clock\",\"created_at\":\"2026-11-21 10:00\",\"text\":\"今日天气晴\"}".getBytes(UTF_8))).get();
            }
            await("the valid records after the poison are indexed", Duration.ofSeconds(120), monitor,
                    () -> run.countItems(valid) == valid.size());
            List<ConsumerRecord<byte[], byte[]>> letters = run.read(run.names.deadLetterTopic(), poison.size());
            assertThat(letters).extracting(ConsumerRecord::value).containsExactlyElementsOf(poison);
            assertThat(letters).allSatisfy(letter -> assertThat(new String(letter.headers().lastHeader("yq.reason").value(), UTF_8))
                    .hasSizeLessThan(302).doesNotContain("\n"));
            assertThat(monitor.alive()).as("the job never failed (no restarts are allowed)").isTrue();
            assertThat(monitor.output()).doesNotContain("Exception");
            assertThat(monitor.listeningAddresses()).as("the web UI, RPC and BLOB servers of the job, on loopback only").isNotEmpty()
                    .allSatisfy(address -> assertThat(address).matches("(\\[::ffff:)?127\\.0\\.0\\.1\\]?:\\d+"));
        }
    }

    @Test
    void aKillDashNineMidStreamAndAStopLoseNothingAndRepeatNoAlert(@TempDir Path home) throws Exception {
        try (Scenario run = new Scenario("kill", stack.elasticsearchUrl(), home)) {
            MonitorProcess first = run.startMonitor("first");
            run.pushPolicy();
            run.pushEpisode();
            await("part of the episode is indexed", Duration.ofSeconds(120), first, () -> run.countAllItems() >= 1_000);
            first.killHard();
            assertThat(run.countAllItems()).as("killed mid-stream").isLessThan(itemIds.size());

            MonitorProcess second = run.startMonitor("second");
            assertThat(second.output()).contains("resuming from checkpoint");
            run.pushClock("2026-11-24T12:00:00Z");
            run.awaitTheWholeEpisode(second);
            assertThat(second.stop()).as("the JVM's exit code after SIGTERM, once the shutdown hook is done").isEqualTo(143);
            assertThat(second.output()).contains("stopped with savepoint");

            // the policy was pushed once, in the first run: the third still watches it, and raises nothing twice
            MonitorProcess third = run.startMonitor("third");
            assertThat(third.output()).contains("resuming from savepoint");
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(run.names.rawTopic(Channel.WEIBO), 0, null, ("{\"mid\":\"quotes-the-number\","
                        + "\"created_at\":\"2026-11-25 10:00\",\"text\":\"江教发〔2026〕18号 这个通知到底什么时候执行？\"}").getBytes(UTF_8))).get();
            }
            run.pushClock("2026-11-26T12:00:00Z");
            await("the post after the restarts is indexed", Duration.ofSeconds(120), third,
                    () -> run.countItems(List.of("weibo:quotes-the-number")) == 1);
            assertThat(run.policyLinks("weibo:quotes-the-number")).as("the watched policy survived the restarts").contains("江教发〔2026〕18号");
            run.awaitTheWholeEpisode(third);
            assertThat(run.countAllItems()).as("the episode, the first clock and the post, each once").isEqualTo(itemIds.size() + 3 + 1);
        }
    }

    @Test
    void anElasticsearchOutageIsWaitedOutAndNothingIsLost(@TempDir Path home) throws Exception {
        try (TcpOutage elasticsearch = new TcpOutage(URI.create(stack.elasticsearchUrl()).getPort());
             Scenario run = new Scenario("outage", elasticsearch.url(), home)) {
            MonitorProcess monitor = run.startMonitor("run");
            run.pushPolicy();
            run.pushEpisode();
            await("part of the episode is indexed", Duration.ofSeconds(120), monitor, () -> run.countAllItems() >= 500);
            elasticsearch.down();
            long deadline = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(monitor.alive()).as("the monitor waits the outage out").isTrue();
                waitFor(monitor, Duration.ofSeconds(1));
            }
            elasticsearch.up();
            run.pushClock("2026-11-24T12:00:00Z");
            run.awaitTheWholeEpisode(monitor);
            assertThat(monitor.output()).contains("does not take documents").contains("takes documents again");
        }
    }

    @Test
    void aKafkaOutageIsOutlastedByRestartsAndNothingIsLostOrRepeated(@TempDir Path home) throws Exception {
        long broker = Long.parseLong(Files.readString(StackLayout.detect().kafkaDir().resolve("kafka.pid")).strip());
        try (Scenario run = new Scenario("kafka", stack.elasticsearchUrl(), home, -1)) {
            MonitorProcess monitor = run.startMonitor("run");
            run.pushPolicy();
            run.pushEpisode();
            await("part of the episode is indexed", Duration.ofSeconds(120), monitor, () -> run.countAllItems() >= 500);
            signal("STOP", broker);  // the broker freezes: connections hang, as when its machine stops answering
            try {
                long deadline = System.nanoTime() + KAFKA_OUTAGE.toNanos();
                while (System.nanoTime() < deadline) {
                    assertThat(monitor.alive()).as("the monitor outlasts the outage").isTrue();
                    waitFor(monitor, Duration.ofSeconds(1));
                }
            } finally {
                signal("CONT", broker);
            }
            run.pushClock("2026-11-24T12:00:00Z");
            run.awaitTheWholeEpisode(monitor);
        }
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + name + " " + pid).isZero();
    }

    /** One test's namespace on the shared stack, its configuration, and its counts. */
    private static final class Scenario implements AutoCloseable {
        final Namespace names;
        final Path config;
        final Path home;
        private final List<MonitorProcess> monitors = new ArrayList<>();
        /** One connection for all of this scenario's counts, which are polled twice a second. */
        private final ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl());

        Scenario(String name, String elasticsearchUrl, Path home) throws IOException {
            this(name, elasticsearchUrl, home, 0);
        }

        /** @param restarts {@code monitor.restart-attempts}: 0 for a job that must never fail, -1 without end */
        Scenario(String name, String elasticsearchUrl, Path home, int restarts) throws IOException {
            this.names = new Namespace(stack.namespace().prefix() + name + "-");
            this.home = home;
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.provision(names, 3);
            }
            this.config = Files.writeString(home.resolve("sentinel.yaml"), String.join("\n",
                    "namespace: " + names.prefix(),
                    "kafka:", "  bootstrap-servers: " + stack.kafkaBootstrapServers(),
                    "elasticsearch:", "  url: " + elasticsearchUrl,
                    "monitor:", "  checkpoint-interval-seconds: 1", "  idle-source-seconds: 10", "  restart-attempts: " + restarts, ""));
        }

        MonitorProcess startMonitor(String run) throws Exception {
            MonitorProcess monitor = MonitorProcess.start(home, config, run);
            monitors.add(monitor);
            await("the monitor job runs", Duration.ofSeconds(60), monitor, () -> {
                try {
                    return monitor.output().contains("monitor job ");
                } catch (IOException e) {
                    return false;
                }
            });
            return monitor;
        }

        void pushPolicy() throws Exception {
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(names.rawPolicyTopic(), 0, null, Files.readAllBytes(episode.resolve("policy.txt")))).get();
            }
        }

        void pushEpisode() throws Exception {
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (Record record : records) {
                    producer.send(new ProducerRecord<>(names.rawTopic(record.channel()), 0, null, record.value()));
                }
                producer.flush();
            }
        }

        /** A post of each channel after the episode: its watermark closes every window of the episode. */
        void pushClock(String at) throws Exception {
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (Channel channel : Channel.values()) {
                    String id = "clock-" + channel.id() + "-" + at.substring(0, 10);
                    producer.send(new ProducerRecord<>(names.rawTopic(channel), 0, null, ("{\"id\":\"" + id + "\",\"channel\":\""
                            + channel.id() + "\",\"source\":\"x\",\"text\":\"今日天气晴 " + id + "\",\"publishedAt\":\"" + at
                            + "\",\"url\":\"https://m.example/clock/" + id + "\"}").getBytes(UTF_8))).get();
                }
            }
        }

        /**
         * Every post of the episode indexed once, and the reference's alert events exactly once on the topic and in the index.
         * (The newest posts, the clock's, wait until a later one moves the watermark past them.)
         */
        void awaitTheWholeEpisode(MonitorProcess monitor) throws Exception {
            List<String> episode = List.copyOf(itemIds);
            try {
                await("every post of the episode is indexed", Duration.ofSeconds(240), monitor, () -> countItems(episode) >= episode.size());
            } catch (AssertionError e) {
                throw new AssertionError(countItems(episode) + " of the episode's " + episode.size() + " posts indexed; " + e.getMessage(), e);
            }
            await("every alert event is in yq-alerts", Duration.ofSeconds(120), monitor, () -> count("yq-alerts") >= referenceAlerts.size());
            List<String> onTopic = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : read(names.alertsTopic(), referenceAlerts.size())) {
                onTopic.add(Json.mapper().readTree(record.value()).get("id").asText());
            }
            assertThat(countItems(episode)).isEqualTo(episode.size());
            assertThat(onTopic).as("exactly once on yq.alerts, as ./yq score raised them").containsExactlyInAnyOrderElementsOf(referenceAlerts);
            assertThat(count("yq-alerts")).isEqualTo(referenceAlerts.size());
            assertThat(monitor.alive()).isTrue();
        }

        /** The policy ids an indexed item is linked to. */
        String policyLinks(String itemId) {
            try {
                var hits = es.client().search(q -> q.index(names.index("yq-items-*")).query(b -> b.ids(i -> i.values(itemId))),
                        ObjectNode.class).hits().hits();
                return hits.isEmpty() ? "" : hits.get(0).source().path("policyLinks").toString();
            } catch (IOException e) {
                return "";
            }
        }

        long countAllItems() {
            return count("yq-items-*");
        }

        long countItems(List<String> ids) {
            try {
                String index = names.index("yq-items-*");
                es.client().indices().refresh(r -> r.index(index).allowNoIndices(true));
                return es.client().count(c -> c.index(index).allowNoIndices(true)
                        .query(q -> q.ids(i -> i.values(ids)))).count();
            } catch (IOException e) {
                return -1;
            }
        }

        long count(String index) {
            try {
                String name = names.index(index);
                es.client().indices().refresh(r -> r.index(name).allowNoIndices(true));
                return es.client().count(c -> c.index(name).allowNoIndices(true)).count();
            } catch (IOException e) {
                return -1;
            }
        }

        /** What a read_committed consumer sees on the topic: at least {@code expected} records, and any more that follow. */
        List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
            Properties props = new Properties();
            props.put("bootstrap.servers", stack.kafkaBootstrapServers());
            props.put("isolation.level", "read_committed");
            props.put("auto.offset.reset", "earliest");
            props.put("group.id", names.prefix() + "reader-" + System.nanoTime());
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                long quietUntil = Long.MAX_VALUE;
                while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                    int before = seen.size();
                    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                    if (seen.size() >= expected && seen.size() == before && quietUntil == Long.MAX_VALUE) {
                        quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();  // time for a duplicate to show
                    }
                }
            }
            return seen;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            for (MonitorProcess monitor : monitors) {
                monitor.close();
            }
            es.close();
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.deleteNamespace(names);
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Waits for the condition while the monitor lives; a monitor that ended fails the test with its output. */
    private static void await(String what, Duration timeout, MonitorProcess monitor, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!monitor.alive()) {
                throw new AssertionError("the monitor ended while waiting until " + what + ":\n" + monitor.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "\n" + monitor.output()
                        + "\n--- log ---\n" + monitor.logTail(60));
            }
            waitFor(monitor, Duration.ofMillis(500));
        }
    }

    /** Waits this long, or until the monitor ends. */
    private static void waitFor(MonitorProcess monitor, Duration time) throws InterruptedException {
        monitor.awaitEnd(time);
    }
}
