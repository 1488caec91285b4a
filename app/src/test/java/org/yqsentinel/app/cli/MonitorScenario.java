package org.yqsentinel.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.stack.junit.StackContext;

/** One fault test's run of the surge episode with {@code ./yq monitor} as its own process, and the monitors it started. */
final class MonitorScenario implements AutoCloseable {
    final SurgeEpisode.Run run;
    final Namespace names;
    final Path home;
    private final List<MonitorProcess> monitors = new ArrayList<>();

    /** @param restarts {@code monitor.restart-attempts}: 0 for a job that must never fail, -1 without end */
    MonitorScenario(StackContext stack, SurgeEpisode surge, String name, String elasticsearchUrl, Path home, int restarts) throws IOException {
        this.run = surge.new Run(stack, name, elasticsearchUrl, home, restarts, 3);
        this.names = run.names;
        this.home = home;
    }

    MonitorProcess startMonitor(String name) throws Exception {
        MonitorProcess monitor = MonitorProcess.start(home, run.config, name);
        monitors.add(monitor);
        SurgeEpisode.await("the monitor job runs", Duration.ofSeconds(60), monitor, () -> {
            try {
                return monitor.output().contains("monitor job ");
            } catch (IOException e) {
                return false;
            }
        });
        return monitor;
    }

    void pushPolicy() throws Exception {
        run.pushPolicy();
    }

    void pushEpisode() throws Exception {
        run.pushEpisode();
    }

    void pushClock(String at) throws Exception {
        run.pushClock(at);
    }

    void awaitTheWholeEpisode(MonitorProcess monitor) throws Exception {
        run.awaitTheWholeEpisode(monitor);
    }

    String policyLinks(String itemId) {
        return run.policyLinks(itemId);
    }

    long countAllItems() {
        return run.countAllItems();
    }

    long countItems(List<String> ids) {
        return run.countItems(ids);
    }

    List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        return run.read(topic, expected);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (MonitorProcess monitor : monitors) {
            monitor.close();
        }
        run.close();
    }
}
