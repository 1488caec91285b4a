package org.yqsentinel.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium, run as a process per document, that prints the brief's HTML to PDF and takes screenshots of it.
 * Each run gets a fresh profile directory, deleted afterwards, and a time limit after which the browser is killed; a
 * run that fails or leaves no output throws with the exit code and the end of what the browser printed.
 * {@code scripts/ensure-browser} installs Chromium and a Chinese font where they are missing.
 */
public final class Browser {

    /** The environment variable that names the Chromium executable, overriding the usual places. */
    public static final String EXECUTABLE_VARIABLE = "YQ_CHROMIUM";
    /** Where Debian and Ubuntu install Chromium or Chrome, in the order they are tried. */
    public static final List<Path> USUAL_PLACES =
            List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final int OUTPUT_LINES_IN_ERRORS = 15;
    private static final List<String> HEADLESS_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage");

    private final Path executable;
    private final Duration timeout;

    public Browser(Path executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the browser's timeout must be positive, not " + timeout);
        }
    }

    /**
     * The browser named by {@code YQ_CHROMIUM} when it is set, else the first executable of {@link #USUAL_PLACES};
     * empty when there is none.
     *
     * @throws IllegalStateException when {@code YQ_CHROMIUM} is set to something that is not an executable file
     */
    public static Optional<Browser> find() {
        return find(System.getenv(EXECUTABLE_VARIABLE), USUAL_PLACES);
    }

    static Optional<Browser> find(String configured, List<Path> usualPlaces) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalStateException(EXECUTABLE_VARIABLE + " is set to " + configured
                        + ", which is not an executable file; point it at a Chromium or Chrome executable, or unset it"
                        + " to use " + usualPlaces.get(0) + " (scripts/ensure-browser installs it)");
            }
            return Optional.of(new Browser(path, DEFAULT_TIMEOUT));
        }
        return usualPlaces.stream()
                .filter(path -> Files.isRegularFile(path) && Files.isExecutable(path))
                .findFirst()
                .map(path -> new Browser(path, DEFAULT_TIMEOUT));
    }

    public Path executable() {
        return executable;
    }

    /** This browser with another time limit per run. */
    public Browser withTimeout(Duration runTimeout) {
        return new Browser(executable, runTimeout);
    }

    /** Prints the page to a PDF, as the page's print styles lay it out, without the browser's header and footer. */
    public void printToPdf(Path html, Path pdf) throws IOException {
        run(html, pdf, "print " + html + " to PDF",
                List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath()));
    }

    /** Takes a PNG screenshot of the top of the page in a window of this size, in CSS pixels. */
    public void screenshot(Path html, Path png, int width, int height) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a screenshot needs a positive size, not " + width + "x" + height);
        }
        run(html, png, "take a " + width + "x" + height + " screenshot of " + html,
                List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars"));
    }

    private void run(Path html, Path output, String what, List<String> flags) throws IOException {
        if (!Files.isRegularFile(html)) {
            throw new IOException("cannot " + what + ": " + html + " is not a file");
        }
        Files.deleteIfExists(output);
        Path profile = Files.createTempDirectory("yq-chromium-profile-");
        Path log = Files.createTempFile("yq-chromium-", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            command.addAll(HEADLESS_FLAGS);
            command.add("--user-data-dir=" + profile);
            command.addAll(flags);
            command.add(html.toAbsolutePath().toUri().toString());
            // The browser's output goes to a file so that a chatty browser never blocks on a full pipe.
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            int exitCode = awaitExit(process, what, log);
            if (exitCode != 0) {
                throw new IOException("Chromium (" + executable + ") could not " + what + ": it exited with code "
                        + exitCode + lastLines(log));
            }
            if (!Files.isRegularFile(output) || Files.size(output) == 0) {
                throw new IOException("Chromium (" + executable + ") exited normally but did not " + what + ": "
                        + output + (Files.exists(output) ? " is empty" : " was not written") + lastLines(log));
            }
        } finally {
            deleteQuietly(profile);
            Files.deleteIfExists(log);
        }
    }

    private int awaitExit(Process process, String what, Path log) throws IOException {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            kill(process);
            throw new IOException("Chromium (" + executable + ") did not " + what + " within " + timeout.toSeconds()
                    + " s and was killed" + lastLines(log));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while Chromium was to " + what + "; the browser was killed");
        }
    }

    /** Kills the browser and the renderer, GPU and utility processes it started. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLines(Path log) {
        List<String> kept;
        try {
            kept = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return "; its output could not be read (" + e.getMessage() + ")";
        }
        if (kept.isEmpty()) {
            return "; it printed nothing";
        }
        List<String> tail = kept.subList(Math.max(0, kept.size() - OUTPUT_LINES_IN_ERRORS), kept.size());
        return "; its output ended with:\n  " + String.join("\n  ", tail);
    }

    /** Removes the run's profile; a leftover temporary directory does not make the document fail. */
    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for the system's temporary directory cleaning
        }
    }
}
