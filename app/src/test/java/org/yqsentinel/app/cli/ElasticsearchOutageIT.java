package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.junit.TcpOutage;

/**
 * Elasticsearch away for five minutes while {@code ./yq monitor} runs as its own process: the job waits the outage out
 * (behind a proxy that stops forwarding; the stack itself stays up), then indexes every post of the episode and raises
 * every alert event exactly once, counted against {@code ./yq score}. It runs beside the other tests of the run (the
 * outage is this test's proxy only; its monitor is a process with its own project folder), but never while the Kafka
 * broker is frozen ({@link KafkaOutageIT}, which runs last).
 */
@ExtendWith(LocalStackExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = ElasticsearchOutageIT.KAFKA_BROKER, mode = ResourceAccessMode.READ)
class ElasticsearchOutageIT {

    /** The local Kafka broker: a test that freezes it holds this for writing. */
    static final String KAFKA_BROKER = "yq.local-kafka-broker";
    /** How long Elasticsearch stays away; the issue asks for five minutes. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("yq.faults.outage-seconds", 300));

    private static StackContext stack;
    private static SurgeEpisode surge;

    @BeforeAll
    static void simulateAndScoreTheEpisode(StackContext context) throws Exception {
        stack = context;
        surge = SurgeEpisode.shared();
    }

    @Test
    void anElasticsearchOutageIsWaitedOutAndNothingIsLost(@TempDir Path home) throws Exception {
        try (TcpOutage elasticsearch = new TcpOutage(URI.create(stack.elasticsearchUrl()).getPort());
             MonitorScenario run = new MonitorScenario(stack, surge, "outage", elasticsearch.url(), home, 0)) {
            MonitorProcess monitor = run.startMonitor("run");
            run.pushPolicy();
            run.pushEpisode();
            SurgeEpisode.await("part of the episode is indexed", Duration.ofSeconds(120), monitor, () -> run.countAllItems() >= 500);
            elasticsearch.down();
            long deadline = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(monitor.alive()).as("the monitor waits the outage out").isTrue();
                monitor.awaitEnd(Duration.ofSeconds(1));
            }
            elasticsearch.up();
            run.pushClock("2026-11-24T12:00:00Z");
            run.awaitTheWholeEpisode(monitor);
            assertThat(monitor.output()).contains("does not take documents").contains("takes documents again");
        }
    }
}
