package org.yqsentinel.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.config.SentinelConfig;

/** Failures of the launcher that must be clear and quick; no server is started here. */
class LocalStackTest {

    @TempDir
    Path home;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void takenElasticsearchPortFailsBeforeAnythingStartsAndNamesTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStack stack = new LocalStack(new StackLayout(home),
                    new SentinelConfig.Stack(freePort(), taken.getLocalPort(), 512, 512, 30, 18081));
            assertThatThrownBy(stack::up)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already taken")
                    .hasMessageContaining("Elasticsearch cannot start")
                    .hasMessageContaining("YQ_STACK_ELASTICSEARCH_PORT");
            assertThat(stack.status()).noneMatch(LocalStack.ServerStatus::running);
        }
    }

    @Test
    void missingBrokerClasspathSaysHowToBuildIt() throws Exception {
        LocalStack stack = new LocalStack(new StackLayout(home), new SentinelConfig.Stack(freePort(), freePort(), 512, 512, 30, 18081));
        assertThatThrownBy(stack::up)
                .isInstanceOf(StackException.class)
                .hasMessageContaining("kafka-broker.classpath")
                .hasMessageContaining("./yq build");
    }

    @Test
    void statusOfAStackThatNeverRanSaysStoppedWithUrlsAndLogs() {
        LocalStack stack = new LocalStack(new StackLayout(home), new SentinelConfig.Stack(29092, 29200, 512, 512, 30, 18081));
        assertThat(stack.status()).extracting(LocalStack.ServerStatus::describe)
                .anySatisfy(line -> assertThat(line).contains("Kafka").contains("stopped").contains("127.0.0.1:29092"))
                .anySatisfy(line -> assertThat(line).contains("Elasticsearch").contains("http://127.0.0.1:29200")
                        .contains("logs/yq-local.log"));
    }
}
