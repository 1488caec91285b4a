package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to mistakes: one line, non-zero exit, nothing started. */
class YqTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private String originalHome;

    @BeforeEach
    void captureStderrAndUseATemporaryProject() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        originalHome = System.getProperty("yq.home");
        System.setProperty("yq.home", home.toString());
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        if (originalHome == null) {
            System.clearProperty("yq.home");
        } else {
            System.setProperty("yq.home", originalHome);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void stackUpWithTheElasticsearchPortTakenPrintsTheCauseAndExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(home.resolve("sentinel.yaml"),
                    "stack:\n  kafka-port: " + freePort() + "\n  elasticsearch-port: " + taken.getLocalPort() + "\n");
            int exit = Yq.run("--config", config.toString(), "stack", "up");
            assertThat(exit).isNotZero();
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(message).startsWith("yq: port " + taken.getLocalPort() + " on 127.0.0.1 is already taken")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(message.lines()).hasSize(1);
        }
    }

    @Test
    void badConfigurationNamesFileAndLine() throws Exception {
        Path config = Files.writeString(home.resolve("bad.yaml"), "stack:\n  elasticsearch-prot: 1\n");
        assertThat(Yq.run("--config", config.toString(), "stack", "status")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml:2: unknown option 'stack.elasticsearch-prot'");
    }
}
