package org.yqsentinel.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.app.LocalFlink;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.pipeline.monitor.MonitorSnapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq monitor}: the live monitor job on a local mini-cluster, until interrupted. It resumes from the state
 * the last run left (a savepoint taken at its stop, or its latest checkpoint after a crash or a kill -9); Ctrl-C
 * or SIGTERM stops it with a savepoint. Starting over with empty state is {@code --fresh}.
 */
@Command(name = "monitor", description = "Run the monitor job live on a local Flink mini-cluster, resuming from the state"
        + " the last run left (Ctrl-C stops it with a savepoint).")
public final class MonitorCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorCommand.class);
    private static final long STOP_SECONDS = 60;

    @ParentCommand
    Yq yq;

    @Option(names = "--fresh", description = "Forget the state of earlier runs (watched policies, copy index, open risk windows,"
            + " pending alerts) and start with empty state at the consumer group's committed offsets.")
    boolean fresh;

    @Option(names = "--prometheus-port", paramLabel = "PORT", description = "Also serve the job's metrics to Prometheus on"
            + " http://<this machine>:PORT/metrics (Flink's reporter listens on every interface).")
    Integer prometheusPort;

    @Option(names = "--cluster", description = "Submit the monitor job to the Flink cluster of ./yq cluster up instead, as flink run"
            + " does (the job jar pipeline/target/sentinel-pipeline-*-job.jar with this configuration), and return once it runs.")
    boolean cluster;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "With --cluster: start from this savepoint (an upgrade:"
            + " flink stop --savepointPath … the old job, then this).")
    String fromSavepoint;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        if (cluster) {
            return ClusterSubmission.submit(yq, config, fromSavepoint);
        }
        if (fromSavepoint != null) {
            throw new UserError("--from-savepoint goes with --cluster; the local job resumes from .yq/monitor by itself");
        }
        MonitorSnapshots snapshots = new MonitorSnapshots(folder(config));
        if (fresh) {
            snapshots.forget();
        }
        Optional<MonitorSnapshots.Snapshot> resume = snapshots.latest();
        resume.filter(MonitorSnapshots.Snapshot::savepoint).ifPresent(snapshots::keepOnly);
        Configuration conf = snapshots.configuration(resume);
        if (prometheusPort != null) {
            LocalFlink.withPrometheus(conf, prometheusPort);
        }
        StreamExecutionEnvironment env = LocalFlink.environment(conf);
        MonitorJob.configure(env, config.monitor());
        JobClient job = MonitorJob.fromConfig(config, false).start(env);
        String from = resume.map(s -> "resuming from " + s.describe())
                .orElse("with empty state from the consumer group's committed offsets");
        LOG.info("monitor job {} started {}", job.getJobID(), from);
        System.out.println("monitor job " + job.getJobID() + " running on " + config.kafkaBootstrapServers() + " → "
                + config.elasticsearchUrl() + ", " + from + "; Flink web UI on http://127.0.0.1:8081 (or the next free port up"
                + " to 8099)" + (prometheusPort == null ? "" : ", metrics on http://127.0.0.1:" + prometheusPort + "/metrics")
                + ". Ctrl-C stops it with a savepoint.");
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(job, snapshots, ended)));
        try {
            job.getJobExecutionResult().get();
        } finally {
            ended.countDown();
        }
        return 0;
    }

    /** Ctrl-C or SIGTERM: a savepoint the next run resumes from; if none can be taken in time, the latest checkpoint stays. */
    private static void stop(JobClient job, MonitorSnapshots snapshots, CountDownLatch ended) {
        try {
            String savepoint = job.stopWithSavepoint(false, snapshots.savepoints().toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(STOP_SECONDS, TimeUnit.SECONDS);
            Path path = savepoint.startsWith("file:") ? Path.of(URI.create(savepoint)) : Path.of(savepoint);
            snapshots.keepOnly(new MonitorSnapshots.Snapshot(path, true));
            LOG.info("monitor job {} stopped with savepoint {}", job.getJobID(), path);
            System.err.println("yq: stopped with savepoint " + path + "; the next ./yq monitor resumes from it");
        } catch (Exception e) {
            LOG.warn("monitor job {}: no savepoint at the stop ({}); cancelling, the next run resumes from the latest checkpoint",
                    job.getJobID(), e.toString());
            job.cancel().exceptionally(x -> null).join();
        }
        try {
            ended.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code .yq/monitor/<namespace>}: each namespace resumes its own job. */
    private Path folder(SentinelConfig config) {
        String namespace = config.names().prefix();
        return yq.layout().workDir().resolve("monitor").resolve(namespace.isEmpty() ? "default" : namespace.replaceAll("-$", ""));
    }
}
