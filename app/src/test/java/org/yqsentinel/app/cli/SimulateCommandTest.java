package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.simulator.Simulation;
import org.yqsentinel.simulator.Simulation.Phase;
import picocli.CommandLine;

/** {@code yq simulate} writes the crawler files and phases.json, and says per phase how many items it wrote. */
class SimulateCommandTest {

    @RegisterExtension
    final Console console = Console.captured();

    @Test
    void writesTheRawFilesAndThePhasesAndPrintsALinePerPhase(@TempDir Path dir) throws Exception {
        assertThat(new CommandLine(new SimulateCommand()).execute("--scenario", "unrelated", "--seed", "5",
                "--start", "2026-11-21T08:30+08:00", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("policy.txt")).exists();
        for (String file : List.of("news.jsonl", "weibo.jsonl", "wechat.jsonl")) {
            assertThat(Files.readAllLines(dir.resolve(file))).as(file).isNotEmpty();
        }
        List<Phase> phases = Simulation.readPhases(dir);
        assertThat(phases).extracting(Phase::name).containsExactly("quiet", "unrelated", "tail");
        assertThat(phases.get(0).start()).isEqualTo(Instant.parse("2026-11-21T00:30:00Z"));
        List<String> lines = console.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("scenario unrelated (seed 5, rate 1.0)").contains("policy 江教发〔2026〕18号");
        assertThat(lines.get(1)).matches("  quiet +11-21 08:30 → 11-21 11:30 Beijing +\\d+ items");
        assertThat(lines.get(2)).matches("  unrelated +11-21 11:30 → 11-21 14:30 Beijing +\\d{3,} items");
    }

    @Test
    void refusesAnUnknownScenarioNamingTheKnownOnes(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            return 2;
        });
        assertThat(commandLine.execute("--scenario", "panic", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no scenario panic; choose one of surge, positive, quiet, unrelated");
    }

    @Test
    void readsStartTimesWithOrWithoutAnOffset() {
        assertThat(SimulateCommand.parseStart("2026-11-20T01:00:00Z")).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(SimulateCommand.parseStart("2026-11-20T09:00+08:00")).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(SimulateCommand.parseStart("2026-11-20T09:00")).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
    }
}
