package org.yqsentinel.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yq monitor}: the live monitor job on a local mini-cluster, until interrupted. */
@Command(name = "monitor", description = "Run the monitor job live on a local Flink mini-cluster (Ctrl-C stops it).")
final class MonitorCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        StreamExecutionEnvironment env = LocalFlink.environment(yq.layout());
        MonitorJob.configure(env, config.monitor());
        JobClient job = MonitorJob.fromConfig(config, false).start(env);
        System.out.println("monitor job " + job.getJobID() + " running on " + config.kafkaBootstrapServers() + " → "
                + config.elasticsearchUrl() + "; Flink web UI on http://127.0.0.1:8081 (or the next free port up to 8099)."
                + " Ctrl-C stops it.");
        // Ctrl-C cancels the job and waits for awaitEnd to delete its changelog: one place deletes it, not two at once
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            job.cancel().exceptionally(e -> null).join();
            try {
                ended.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            LocalFlink.awaitEnd(yq.layout(), job);
        } finally {
            ended.countDown();
        }
        return 0;
    }
}
