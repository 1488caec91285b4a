package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * A Kafka broker that stops answering for a minute while {@code ./yq monitor} runs as its own process: the job outlasts it
 * by restarting from its checkpoints (the exactly-once sinks' transactions fail meanwhile), then every post of the
 * episode is indexed once and every alert event is raised exactly once, counted against {@code ./yq score}. The broker
 * is the whole run's: this runs last, alone with it ({@link ElasticsearchOutageIT} runs beside the other tests).
 */
@ExtendWith(LocalStackExtension.class)
@Order(Integer.MAX_VALUE)
@ResourceLock(value = ElasticsearchOutageIT.KAFKA_BROKER, mode = ResourceAccessMode.READ_WRITE)
class KafkaOutageIT {

    /** How long the Kafka broker stays frozen. */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("yq.faults.kafka-outage-seconds", 60));

    private static StackContext stack;
    private static SurgeEpisode surge;

    @BeforeAll
    static void scoreTheEpisode(StackContext context) throws Exception {
        stack = context;
        surge = SurgeEpisode.shared();
    }

    @Test
    void aKafkaOutageIsOutlastedByRestartsAndNothingIsLostOrRepeated(@TempDir Path home) throws Exception {
        long broker = Long.parseLong(Files.readString(StackLayout.detect().kafkaDir().resolve("kafka.pid")).strip());
        try (MonitorScenario run = new MonitorScenario(stack, surge, "kafka", stack.elasticsearchUrl(), home, -1)) {
            MonitorProcess monitor = run.startMonitor("run");
            run.pushPolicy();
            run.pushEpisode();
            SurgeEpisode.await("part of the episode is indexed", Duration.ofSeconds(120), monitor, () -> run.countAllItems() >= 500);
            signal("STOP", broker);  // the broker freezes: connections hang, as when its machine stops answering
            try {
                long deadline = System.nanoTime() + KAFKA_OUTAGE.toNanos();
                while (System.nanoTime() < deadline) {
                    assertThat(monitor.alive()).as("the monitor outlasts the outage").isTrue();
                    monitor.awaitEnd(Duration.ofSeconds(1));
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
}
