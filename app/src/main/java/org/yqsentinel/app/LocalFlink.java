package org.yqsentinel.app;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.stack.StackLayout;

/**
 * A Flink mini-cluster in this JVM with its web UI on loopback, the first free port from 8081, and its
 * checkpoints in files under the work folder: the job manager's memory, Flink's default without a
 * checkpoint folder, refuses any state above 5 MB, which the job's dedupe state passes after a few tens of
 * thousands of posts (16 MB after a minute and a half at 2,000 posts/s in {@code ./yq bench pipeline}).
 */
final class LocalFlink {

    static final String WEB_UI_PORTS = "8081-8099";

    private LocalFlink() {}

    static StreamExecutionEnvironment environment(StackLayout layout) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, layout.workDir().resolve("flink-checkpoints").toUri().toString());
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, WEB_UI_PORTS);
        return StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    }
}
