package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The command line's answers to mistakes: one line, non-zero exit, nothing started. */
class YqTest {

    @RegisterExtension
    final Console console = Console.inTemporaryProject();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void stackUpWithTheElasticsearchPortTakenPrintsTheCauseAndExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(console.home().resolve("sentinel.yaml"),
                    "stack:\n  kafka-port: " + freePort() + "\n  elasticsearch-port: " + taken.getLocalPort() + "\n");
            int exit = Yq.run("--config", config.toString(), "stack", "up");
            assertThat(exit).isNotZero();
            String message = console.err();
            assertThat(message).startsWith("yq: port " + taken.getLocalPort() + " on 127.0.0.1 is already taken")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(message.lines()).hasSize(1);
        }
    }

    @Test
    void badConfigurationNamesFileAndLine() throws Exception {
        Path config = Files.writeString(console.home().resolve("bad.yaml"), "stack:\n  elasticsearch-prot: 1\n");
        assertThat(Yq.run("--config", config.toString(), "stack", "status")).isNotZero();
        assertThat(console.err()).contains("bad.yaml:2: unknown option 'stack.elasticsearch-prot'");
    }
}
