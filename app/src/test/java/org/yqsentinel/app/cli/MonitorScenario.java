package org.yqsentinel.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.stack.junit.StackContext;

/** One fault test's run of the surge episode with {@code ./yq monitor} as its own process, and the monitors it started. */
final class MonitorScenario extends SurgeEpisode.Run {
    private final Path home;
    private final List<MonitorProcess> monitors = new ArrayList<>();

    /** @param restarts {@code monitor.restart-attempts}: 0 for a job that must never fail, -1 without end */
    MonitorScenario(StackContext stack, SurgeEpisode surge, String name, String elasticsearchUrl, Path home, int restarts) throws IOException {
        surge.super(stack, name, elasticsearchUrl, home, restarts, 3);
        this.home = home;
    }

    MonitorProcess startMonitor(String name) throws Exception {
        MonitorProcess monitor = MonitorProcess.start(home, config, name);
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

    @Override
    public void close() {
        try {
            for (MonitorProcess monitor : monitors) {
                monitor.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            super.close();
        }
    }
}
