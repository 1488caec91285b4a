package org.yqsentinel.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.stack.FlinkCluster;

/**
 * {@code ./yq monitor --cluster}: the job jar submitted to the local Flink cluster by Flink's own command-line client,
 * as {@code flink run --detached job.jar --config …} would: the client runs the jar's main with this command's
 * configuration files, uploads the jar and submits the job graph; the command returns once the job runs.
 */
final class ClusterSubmission {

    private static final Duration RUNNING_WITHIN = Duration.ofSeconds(120);

    private ClusterSubmission() {}

    static int submit(Yq yq, SentinelConfig config, String savepoint) throws IOException, InterruptedException {
        FlinkCluster cluster = new FlinkCluster(yq.layout(), config.stack());
        if (!cluster.isUp()) {
            throw new UserError("the Flink cluster at " + cluster.restUrl() + " is not up; start it with ./yq cluster up");
        }
        Path jar = jobJar(yq.layout().home());
        List<String> args = new ArrayList<>(List.of("run", "--detached"));
        if (savepoint != null) {
            args.addAll(List.of("--fromSavepoint", savepoint));
        }
        args.add(jar.toString());
        for (Path file : yq.configFiles()) {
            args.addAll(List.of("--config", file.toString()));
        }
        Configuration flink = GlobalConfiguration.loadConfiguration(cluster.confDir().toString());
        // this client is yq.jar, which holds the job's own classes and connectors too: the jar's main runs on them
        // (a child-first loader would mix the jar's Kafka client with yq.jar's connector). The task managers, whose
        // classpath has no connector, load the uploaded jar child-first as on any cluster.
        flink.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        int exit = new CliFrontend(flink, CliFrontend.loadCustomCommandLines(flink, cluster.confDir().toString()))
                .parseAndRun(args.toArray(String[]::new));
        if (exit != 0) {
            throw new UserError("flink run refused the job (exit " + exit + "); see the lines above and " + cluster.restUrl());
        }
        String job = awaitRunning(cluster.restUrl());
        System.out.println("monitor job " + job + " running on the Flink cluster " + cluster.restUrl() + " (" + config.kafkaBootstrapServers()
                + " → " + config.elasticsearchUrl() + "); stop it with a savepoint: curl -X POST " + cluster.restUrl() + "/jobs/" + job
                + "/stop -d '{\"drain\":false}'");
        return 0;
    }

    /** The shaded job jar the build made. */
    static Path jobJar(Path home) throws IOException {
        Path target = home.resolve("pipeline/target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "sentinel-pipeline-*-job.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new UserError("no job jar in " + target + ": build it first (./yq build)");
    }

    /** The id of the monitor job that started last and runs, once Flink says it runs. */
    private static String awaitRunning(String restUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + RUNNING_WITHIN.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create(restUrl + "/jobs/overview")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String latest = null;
            long latestStart = -1;
            for (JsonNode job : Json.mapper().readTree(body).path("jobs")) {
                if (job.path("name").asText().equals(MonitorJob.NAME) && job.path("state").asText().equals("RUNNING")
                        && job.path("start-time").asLong() > latestStart) {
                    latest = job.path("jid").asText();
                    latestStart = job.path("start-time").asLong();
                }
            }
            if (latest != null) {
                return latest;
            }
            Thread.sleep(500);
        }
        throw new UserError("the monitor job was submitted but does not run on " + restUrl + " after " + RUNNING_WITHIN.toSeconds()
                + " s: " + body);
    }
}
