package org.yqsentinel.app;

import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.monitor.LocalCluster;
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            job.cancel().join();
            LocalCluster.discardChangelog(yq.layout().workDir(), job.getJobID());
        }));
        LocalFlink.awaitEnd(yq.layout(), job);
        return 0;
    }
}
