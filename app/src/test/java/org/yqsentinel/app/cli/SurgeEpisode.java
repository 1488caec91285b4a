package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.stack.junit.StackContext;

/**
 * The simulated surge around the demo policy (3,140 crawler records) in publish-time order across channels, as
 * crawlers deliver it, with what {@code ./yq score} raises on it: the reference the fault tests count a live job
 * against.
 */
final class SurgeEpisode {

    static final Instant CRAWLED_AT = Instant.parse("2026-11-25T00:00:00Z");

    record Record(Channel channel, byte[] value, long publishedAt) {}

    final Path dir;
    final List<Record> records = new ArrayList<>();
    final Set<String> itemIds = new HashSet<>();
    final List<String> referenceAlerts;

    /** What a test watches while it waits: a live job that may end, and what to show when a wait fails. */
    interface Watched {
        boolean alive();

        String diagnostics();

        /** Waits this long, or until the job ends. */
        void pause(Duration time) throws InterruptedException;
    }

    private SurgeEpisode(Path dir, List<String> referenceAlerts) {
        this.dir = dir;
        this.referenceAlerts = referenceAlerts;
    }

    private static SurgeEpisode shared;

    /**
     * The episode simulated and scored once for every test of this JVM that counts against it (the fault tests,
     * the cluster's), kept under {@code target/surge-episode}.
     */
    static synchronized SurgeEpisode shared() throws Exception {
        if (shared == null) {
            Path work = Path.of("target", "surge-episode").toAbsolutePath();
            Files.createDirectories(work);
            shared = simulate(work);
        }
        return shared;
    }

    /** Simulates the surge into {@code work} and scores it offline. */
    static SurgeEpisode simulate(Path work) throws Exception {
        Path episode = work.resolve("surge");
        // as ./yq simulate --scenario surge writes it, without printing: tests beside this one may be reading stdout
        new PolicySimulator(ScenarioFiles.DEFAULT_SEED, 1.0).simulate("surge", ScenarioGenerator.RELEASED_AT).write(episode);
        RawRecordReader reader = new RawRecordReader();
        List<OfflineRecords.Input> inputs = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
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
        List<String> reference = new OfflineScoring(defaults.monitor(), null).run(StreamExecutionEnvironment.getExecutionEnvironment(),
                List.of(episode.resolve("policy.txt")), inputs, CRAWLED_AT, work.resolve("score")).alerts().stream().map(Alert::id).toList();
        SurgeEpisode surge = new SurgeEpisode(episode, reference);
        surge.records.addAll(records);
        surge.itemIds.addAll(itemIds);
        assertThat(records).hasSize(3_140);
        // an episode: opened, raised, resolved (PolicyScenariosTest checks its tiers and times)
        assertThat(reference).hasSizeGreaterThanOrEqualTo(3);
        assertThat(reference.get(0)).contains("/opened/");
        assertThat(reference.get(reference.size() - 1)).contains("/resolved/");
        return surge;
    }

    /** One test's namespace on the shared stack, its configuration, what it pushes and counts. */
    class Run implements AutoCloseable {
        final Namespace names;
        final Path config;
        private final StackContext stack;
        /** One connection for all of this run's counts, which are polled twice a second. */
        private final ElasticsearchConnection es;

        /**
         * @param restarts {@code monitor.restart-attempts}: 0 for a job that must never fail, -1 without end
         * @param partitions of the raw topics
         */
        Run(StackContext stack, String name, String elasticsearchUrl, Path home, int restarts, int partitions) throws IOException {
            this.stack = stack;
            this.names = new Namespace(stack.namespace().prefix() + name + "-");
            this.es = ElasticsearchConnection.open(stack.elasticsearchUrl());
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.provision(names, partitions);
            }
            this.config = Files.writeString(home.resolve("sentinel.yaml"), String.join("\n",
                    "namespace: " + names.prefix(),
                    "kafka:", "  bootstrap-servers: " + stack.kafkaBootstrapServers(),
                    "elasticsearch:", "  url: " + elasticsearchUrl,
                    "monitor:", "  checkpoint-interval-seconds: 1", "  idle-source-seconds: 10", "  restart-attempts: " + restarts, ""));
        }

        void pushPolicy() throws Exception {
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(names.rawPolicyTopic(), 0, null, Files.readAllBytes(dir.resolve("policy.txt")))).get();
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
        void awaitTheWholeEpisode(Watched job) throws Exception {
            List<String> episode = List.copyOf(itemIds);
            try {
                await("every post of the episode is indexed", Duration.ofSeconds(240), job, () -> countItems(episode) >= episode.size());
            } catch (AssertionError e) {
                throw new AssertionError(countItems(episode) + " of the episode's " + episode.size() + " posts indexed; " + e.getMessage(), e);
            }
            await("every alert event is in yq-alerts", Duration.ofSeconds(120), job, () -> count("yq-alerts") >= referenceAlerts.size());
            List<String> onTopic = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : read(names.alertsTopic(), referenceAlerts.size())) {
                onTopic.add(Json.mapper().readTree(record.value()).get("id").asText());
            }
            assertThat(countItems(episode)).isEqualTo(episode.size());
            assertThat(onTopic).as("exactly once on yq.alerts, as ./yq score raised them").containsExactlyInAnyOrderElementsOf(referenceAlerts);
            assertThat(count("yq-alerts")).isEqualTo(referenceAlerts.size());
            assertThat(job.alive()).isTrue();
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

        KafkaProducer<byte[], byte[]> producer() {
            Properties props = new Properties();
            props.put("bootstrap.servers", stack.kafkaBootstrapServers());
            return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public void close() {
            es.close();
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.deleteNamespace(names);
            }
        }
    }

    /** Waits for the condition while the job lives; a job that ended fails the test with what it printed. */
    static void await(String what, Duration timeout, Watched job, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!job.alive()) {
                throw new AssertionError("the job ended while waiting until " + what + ":\n" + job.diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "\n" + job.diagnostics());
            }
            job.pause(Duration.ofMillis(500));
        }
    }
}
