package org.yqsentinel.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * {@code yq bench pipeline}, briefly and slowly, on the real stack: it sends what it planned, the live job
 * consumes all of it, the simulated surge raises alert events that get timed, and the bench's namespace is
 * gone afterwards. (The figures themselves belong in docs/performance.md, not in assertions.)
 */
@ExtendWith(LocalStackExtension.class)
class BenchPipelineIT {

    @TempDir
    Path dir;

    @Test
    void aShortRunSendsConsumesTimesAlertsAndCleansUp(StackContext stack) throws Exception {
        Path config = StackCli.config(dir, stack);
        Files.writeString(config, Files.readString(config) + "monitor:\n  idle-source-seconds: 3\n");

        StackCli.Printed run = StackCli.run(config, "bench", "pipeline", "--rate", "300", "--minutes", "0.67", "--checkpoint-seconds", "1");
        String printed = run.out();
        assertThat(run.exit()).as(printed).isZero();

        assertThat(printed).contains("sent: 12,060 items");
        assertThat(printed).containsPattern("drained [0-9.]+ s later");
        Matcher events = Pattern.compile("alert events: (\\d+) ").matcher(printed);
        assertThat(events.find()).as(printed).isTrue();
        assertThat(Integer.parseInt(events.group(1))).as("the surge escalates").isGreaterThanOrEqualTo(2);
        assertThat(printed).as("timed from the earliest the window could close: never negative")
                .containsPattern("raised by the job: p50 [0-9.]+ s  p99 [0-9.]+ s");
        assertThat(printed).doesNotContain("with no record past their window");

        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(topics).noneMatch(t -> t.startsWith(stack.namespace().prefix() + "bench-"));
        }
    }
}
