package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.pipeline.monitor.LocalCluster;

/** {@code ./yq monitor --prometheus-port}: a running job's metrics in Prometheus' text format. */
class LocalFlinkPrometheusTest {

    @Test
    void aRunningJobsMetricsAreServedInPrometheusFormat(@TempDir Path work) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StreamExecutionEnvironment env = LocalFlink.environment(LocalFlink.withPrometheus(LocalCluster.stateStorage(work), port));
        env.fromSequence(0, Long.MAX_VALUE).map(new Slow()).name("slow").sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("prometheus-check");
        try {
            HttpClient http = HttpClient.newHttpClient();
            String body = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !body.contains("flink_taskmanager_job_task_operator_numRecordsIn")) {
                try {
                    body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
                } catch (java.io.IOException notYet) {
                    body = "";
                }
                if (!body.contains("flink_taskmanager_job_task_operator_numRecordsIn")) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());  // polled until the operators have registered
                }
            }
            assertThat(body).contains("flink_jobmanager_numRegisteredTaskManagers")
                    .contains("flink_taskmanager_job_task_operator_numRecordsIn")
                    .contains("job_name=\"prometheus_check\"");
        } finally {
            job.cancel().get();
        }
    }

    private static final class Slow implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            return value;
        }
    }
}
