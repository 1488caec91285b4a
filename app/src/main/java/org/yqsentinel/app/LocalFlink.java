package org.yqsentinel.app;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.pipeline.monitor.LocalCluster;
import org.yqsentinel.stack.StackLayout;

/**
 * A Flink mini-cluster in this JVM with its web UI on loopback, the first free port from 8081, and its
 * checkpoints and state changelog in files under the work folder ({@link LocalCluster}).
 */
public final class LocalFlink {

    static final String WEB_UI_PORTS = "8081-8099";

    private LocalFlink() {}

    public static StreamExecutionEnvironment environment(StackLayout layout) {
        return environment(LocalCluster.stateStorage(layout.workDir()));
    }

    /** A mini-cluster with this state storage (and recovery settings), its web UI on loopback. */
    public static StreamExecutionEnvironment environment(Configuration conf) {
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, WEB_UI_PORTS);
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    }

    /**
     * Adds Flink's Prometheus reporter to a mini-cluster's configuration: the job's metrics (records in and out, back
     * pressure, checkpoints, the operators' own) on {@code http://<host>:<port>/metrics}. Flink's reporter listens on
     * every interface of the machine; it cannot be bound to one.
     */
    public static Configuration withPrometheus(Configuration conf, int port) {
        conf.setString("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        conf.setString("metrics.reporter.prom.port", Integer.toString(port));
        return conf;
    }

    /** Waits until the job ends, then deletes its state changelog (Flink leaves it behind). */
    public static void awaitEnd(StackLayout layout, JobClient job) throws Exception {
        try {
            job.getJobExecutionResult().get();
        } finally {
            LocalCluster.discardChangelog(layout.workDir(), job.getJobID());
        }
    }
}
