package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    private static final String CLEAR = "\r\033[K";

    @RegisterExtension
    final Console console = Console.captured();

    @Test
    void aWatchedProgressLineIsRedrawnClearedBeforeEachLineThatStaysAndClearedAtTheEnd() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (Progress progress = new Progress("score", errStream, true)) {
            progress.phase("running the monitor job");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(CLEAR + "score: running the monitor job… 0:00");

            progress.above(new PrintStream(out, true, StandardCharsets.UTF_8)).println("[1/6] local stack started");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[1/6] local stack started" + System.lineSeparator());
            assertThat(err.toString(StandardCharsets.UTF_8)).as("cleared before the line").endsWith("0:00" + CLEAR);

            progress.phase("sending");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("score: sending… 0:00" + CLEAR);
    }

    @Test
    void theLineIsCutToTheTerminalWidthCountingChineseCharactersAsTwoColumns() {
        assertThat(Progress.fit("score: running", 10)).isEqualTo("score: run");
        assertThat(Progress.fit("report: 舆情简报", 12)).isEqualTo("report: 舆情");
        assertThat(Progress.fit("report: 舆情简报", 13)).isEqualTo("report: 舆情");
        assertThat(Progress.fit("short", 80)).isEqualTo("short");
    }

    @Test
    void nothingIsPrintedWhenNobodyWatches() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Progress progress = new Progress("score", errStream, false)) {
            progress.phase("running the monitor job");
            assertThat(progress.above(out)).isSameAs(out);
        }
        assertThat(err.size()).isZero();
    }

    @Test
    void aCommandShowsProgressOnlyWhenStderrIsATerminalAndNotQuiet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weibo.jsonl");
        Files.writeString(file, "{\"id\":\"1\",\"text\":\"今天\",\"created_at\":\"2026-11-21 10:00\",\"user\":{\"id\":\"u1\"}}\n");
        String before = System.getProperty("yq.stderr.terminal");
        try {
            System.setProperty("yq.stderr.terminal", "true");
            Yq.run("ingest", "--check", "--channel", "weibo", file.toString());
            assertThat(console.err()).contains(CLEAR + "ingest: " + file).contains("accepted 1, rejected 0");

            console.reset();
            Yq.run("ingest", "--check", "--channel", "weibo", "--quiet", file.toString());
            assertThat(console.err()).doesNotContain("\r").isEqualTo("accepted 1, rejected 0" + System.lineSeparator());

            console.reset();
            System.clearProperty("yq.stderr.terminal");
            Yq.run("ingest", "--check", "--channel", "weibo", file.toString());
            assertThat(console.err()).doesNotContain("\r").isEqualTo("accepted 1, rejected 0" + System.lineSeparator());
        } finally {
            if (before == null) {
                System.clearProperty("yq.stderr.terminal");
            } else {
                System.setProperty("yq.stderr.terminal", before);
            }
        }
    }
}
