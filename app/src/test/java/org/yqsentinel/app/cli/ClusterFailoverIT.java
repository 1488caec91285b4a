package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.stack.FlinkCluster;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * The monitor job on a standalone Flink cluster ({@code ./yq cluster up}: a JobManager and two TaskManagers, each its
 * own process), submitted by {@code ./yq monitor --cluster} as {@code flink run} does. The TaskManager running it is
 * killed with SIGKILL mid-stream: the job restarts from its latest checkpoint on the other TaskManager's slots, and
 * every post of the simulated surge is indexed once and every alert event {@code ./yq score} raises on it is on
 * {@code yq.alerts} and in {@code yq-alerts} exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class ClusterFailoverIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static StackContext stack;
    private static SurgeEpisode surge;
    private static FlinkCluster cluster;

    @BeforeAll
    static void simulateAndStartTheCluster(StackContext context) throws Exception {
        stack = context;
        surge = SurgeEpisode.shared();
        cluster = new FlinkCluster(StackLayout.detect(), new org.yqsentinel.model.config.ConfigLoader(k -> null).read(null).stack());
        cluster.up();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.down();
        }
    }

    @Test
    void aTaskManagerKilledMidStreamLosesAndRepeatsNothing(@TempDir Path home) throws Exception {
        try (SurgeEpisode.Run run = surge.new Run(stack, "cluster", stack.elasticsearchUrl(), home, -1, 2)) {
            StackCli.Printed submitted = StackCli.run(run.config, "monitor", "--cluster");
            assertThat(submitted.exit()).as(submitted.out() + submitted.err()).isZero();
            Matcher id = Pattern.compile("monitor job ([0-9a-f]{32}) running on the Flink cluster").matcher(submitted.out());
            assertThat(id.find()).as(submitted.out()).isTrue();
            Job job = new Job(id.group(1));
            try {
                run.pushPolicy();
                run.pushEpisode();
                SurgeEpisode.await("part of the episode is indexed", Duration.ofSeconds(180), job, () -> run.countAllItems() >= 1_000);
                List<String> before = job.taskManagers();
                assertThat(before).as("the job runs on one TaskManager").hasSize(1);
                int victim = before.get(0).equals(FlinkCluster.taskManagerId(1)) ? 1 : 2;
                ProcessHandle process = cluster.taskManager(victim).orElseThrow();

                process.destroyForcibly();  // SIGKILL: no deregistration, no last checkpoint
                process.onExit().join();
                assertThat(run.countAllItems()).as("killed mid-stream").isLessThan(surge.itemIds.size());

                SurgeEpisode.await("the job restarted after losing its TaskManager", Duration.ofSeconds(120), job,
                        () -> job.restarts() >= 1 && job.state().equals("RUNNING"));
                SurgeEpisode.await("the job runs on the other TaskManager", Duration.ofSeconds(120), job,
                        () -> job.taskManagers().equals(List.of(FlinkCluster.taskManagerId(3 - victim))));
                assertThat(cluster.registeredTaskManagers()).isEqualTo(1);
                run.pushClock("2026-11-24T12:00:00Z");
                run.awaitTheWholeEpisode(job);
            } finally {
                job.cancel();
            }
        }
    }

    /** The submitted job, as the cluster's REST API tells it. */
    private static final class Job implements SurgeEpisode.Watched {
        private final String id;

        Job(String id) {
            this.id = id;
        }

        String state() {
            return get("/jobs/" + id).path("state").asText("UNKNOWN");
        }

        long restarts() {
            for (JsonNode metric : get("/jobs/" + id + "/metrics?get=numRestarts")) {
                return metric.path("value").asLong(0);
            }
            return 0;
        }

        /** The TaskManagers running the job's tasks now. */
        List<String> taskManagers() {
            List<String> managers = new ArrayList<>();
            for (JsonNode vertex : get("/jobs/" + id).path("vertices")) {
                for (JsonNode tm : get("/jobs/" + id + "/vertices/" + vertex.path("id").asText() + "/taskmanagers").path("taskmanagers")) {
                    String manager = tm.path("taskmanager-id").asText();
                    boolean running = tm.path("status").asText().equals("RUNNING");
                    if (running && !managers.contains(manager)) {
                        managers.add(manager);
                    }
                }
            }
            return managers;
        }

        void cancel() throws IOException, InterruptedException {
            HTTP.send(HttpRequest.newBuilder(URI.create(cluster.restUrl() + "/jobs/" + id + "?mode=cancel"))
                    .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public boolean alive() {
            String state = state();
            return !state.equals("FAILED") && !state.equals("CANCELED") && !state.equals("FINISHED");
        }

        @Override
        public String diagnostics() {
            return "job " + id + " " + state() + ", restarts " + restarts() + "; exceptions: "
                    + get("/jobs/" + id + "/exceptions?maxExceptions=3").path("exceptionHistory").toString();
        }

        @Override
        public void pause(Duration time) throws InterruptedException {
            Thread.sleep(time.toMillis());  // a REST API has nothing to wait on; polled twice a second
        }

        private static JsonNode get(String path) {
            try {
                String body = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.restUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                return Json.mapper().createObjectNode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Json.mapper().createObjectNode();
            }
        }
    }
}
