package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Channel;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * The day things go wrong, on the real stack with {@code ./yq monitor} as its own process: a simulated surge around
 * the demo policy (3,140 crawler records) pushed as crawlers deliver it, then a poison record, a kill -9 of the
 * monitor mid-stream and a stop. Each run is counted against {@code ./yq score} on the same files: every post indexed,
 * every alert event exactly once on {@code yq.alerts} and in {@code yq-alerts}. The monitor runs with no restarts
 * allowed, so a record that failed the job would end the process. The outages are {@link ElasticsearchOutageIT} and
 * {@link KafkaOutageIT}.
 */
@ExtendWith(LocalStackExtension.class)
class MonitorFaultsIT {

    private static StackContext stack;
    private static SurgeEpisode surge;

    @BeforeAll
    static void simulateAndScoreTheEpisode(StackContext context) throws Exception {
        stack = context;
        surge = SurgeEpisode.shared();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRecordsAfterThemAreIndexed(@TempDir Path home) throws Exception {
        try (MonitorScenario run = new MonitorScenario(stack, surge, "poison", stack.elasticsearchUrl(), home, 0)) {
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
        try (MonitorScenario run = new MonitorScenario(stack, surge, "kill", stack.elasticsearchUrl(), home, 0)) {
            MonitorProcess first = run.startMonitor("first");
            run.pushPolicy();
            run.pushEpisode();
            await("part of the episode is indexed", Duration.ofSeconds(120), first, () -> run.countAllItems() >= 1_000);
            first.killHard();
            assertThat(run.countAllItems()).as("killed mid-stream").isLessThan(surge.itemIds.size());

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
            assertThat(run.countAllItems()).as("the episode, the first clock and the post, each once").isEqualTo(surge.itemIds.size() + 3 + 1);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Waits for the condition while the monitor lives; a monitor that ended fails the test with its output. */
    private static void await(String what, Duration timeout, MonitorProcess monitor, BooleanSupplier condition) throws Exception {
        SurgeEpisode.await(what, timeout, monitor, condition);
    }
}
