package org.yqsentinel.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./yq monitor} as its own process, the way an operator runs it: the built CLI jar, a sentinel.yaml of the
 * test, and a project folder of its own (its snapshots and logs). It can be killed hard (SIGKILL, like kill -9 or a
 * lost machine) or stopped (SIGTERM, like Ctrl-C or a service manager).
 */
final class MonitorProcess implements AutoCloseable, SurgeEpisode.Watched {

    private static final Path JAR = Path.of("target", "yq.jar");

    private final Process process;
    private final Path output;
    private final Path log;

    private MonitorProcess(Process process, Path output, Path log) {
        this.process = process;
        this.output = output;
        this.log = log;
    }

    /** Starts the monitor; {@code home} keeps its snapshots between runs, {@code run} names this run's output file. */
    static MonitorProcess start(Path home, Path config, String run) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the fault tests run after the package phase (mvn verify)");
        }
        Files.createDirectories(home);
        Path output = home.resolve(run + ".out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx1g", "-Dyq.home=" + home, "-Dlog4j2.statusLoggerLevel=ERROR",
                "-jar", JAR.toString(), "--config", config.toString(), "monitor"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new MonitorProcess(process, output, home.resolve(".yq").resolve("logs").resolve("yq.log"));
    }

    /** Waits this long, or less if the process ends. */
    void awaitEnd(Duration time) throws InterruptedException {
        process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The local addresses the process listens on (from {@code ss}), e.g. {@code 127.0.0.1:8081}. */
    List<String> listeningAddresses() throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String table = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        String owner = "pid=" + process.pid() + ",";
        return table.lines().filter(l -> l.contains(owner)).map(l -> l.trim().split("\\s+")[3]).toList();
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public String diagnostics() {
        try {
            return output() + "\n--- log ---\n" + logTail(60);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void pause(Duration time) throws InterruptedException {
        awaitEnd(time);
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** The last lines of the monitor's log at INFO (.yq/logs/yq.log of its home), for a failure's message. */
    String logTail(int lines) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGKILL: no shutdown hook, no savepoint; what the last completed checkpoint holds is all that is left. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the monitor stops with a savepoint; the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the monitor did not stop within 120 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
