package org.yqsentinel.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the Kafka broker and the Elasticsearch node share: a pid file, a log, a port on loopback, and
 * a start that either becomes healthy in time or fails with a one-line cause.
 */
abstract class ServerProcess {

    protected final String name;

    ServerProcess(String name) {
        this.name = name;
    }

    abstract Path pidFile();

    abstract Path logFile();

    abstract int port();

    /** Text that the command line of a live process of this server contains, to tell it from a reused pid. */
    abstract String commandMarker();

    abstract boolean healthy();

    abstract String url();

    /** Starts the server process; returns once it is launched, not when healthy. */
    abstract void launch() throws IOException, InterruptedException;

    Optional<ProcessHandle> running() {
        try {
            if (!Files.isRegularFile(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(commandMarker())).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the server unless it runs already; waits until healthy or fails with the cause. */
    boolean start(Duration timeout) {
        if (running().isPresent()) {
            awaitHealthy(timeout);
            return false;
        }
        requirePortFree();
        try {
            launch();
        } catch (IOException e) {
            throw new StackException(name + " could not be launched: " + e.getMessage() + "; see " + logFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(name + " start interrupted");
        }
        awaitHealthy(timeout);
        return true;
    }

    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean healthy = waitFor(() -> healthy() || running().isEmpty(), deadline);
        if (running().isEmpty()) {
            throw new StackException(name + " exited during start" + lastError().map(e -> ": " + e).orElse("")
                    + "; see " + logFile());
        }
        if (!healthy) {
            stop();
            throw new StackException(name + " did not become healthy within " + timeout.toSeconds() + " s"
                    + lastError().map(e -> " (" + e + ")").orElse("") + "; see " + logFile());
        }
    }

    void stop() {
        running().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // a stale pid file is harmless: running() checks the process
        }
    }

    void requirePortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as servers bind: TIME_WAIT of a stopped server is no conflict, a live listener is
            socket.bind(new InetSocketAddress("127.0.0.1", port()));
        } catch (IOException e) {
            throw new StackException("port " + port() + " on 127.0.0.1 is already taken by another process, so "
                    + name + " cannot start; stop that process or choose another port (" + portOption() + ")");
        }
    }

    abstract String portOption();

    /** The last ERROR or FATAL line of the log, if any, shortened for a one-line message. */
    Optional<String> lastError() {
        try {
            if (!Files.isRegularFile(logFile())) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.contains("ERROR") || line.contains("FATAL") || line.startsWith("Exception")) {
                    return Optional.of(line.length() > 240 ? line.substring(0, 240) + "…" : line);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean waitFor(BooleanSupplier condition, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    static void writeString(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
