package org.yqsentinel.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command run in-process prints: {@code System.out} and {@code System.err} are captured for each test
 * and restored after it. With {@link #inTemporaryProject()}, {@code yq.home} also points at an empty folder
 * of the test's own, so no project's {@code sentinel.yaml} or {@code .yq} is read or written. Register it
 * with {@code @RegisterExtension}.
 */
public final class Console implements BeforeEachCallback, AfterEachCallback {

    private final boolean temporaryProject;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private String originalHome;
    private Path home;

    private Console(boolean temporaryProject) {
        this.temporaryProject = temporaryProject;
    }

    /** Captures the output only. */
    public static Console captured() {
        return new Console(false);
    }

    /** Captures the output, and runs each test in an empty project folder ({@link #home()}). */
    public static Console inTemporaryProject() {
        return new Console(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        out.reset();
        err.reset();
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        if (temporaryProject) {
            home = Files.createTempDirectory("yq-home-");
            originalHome = System.getProperty("yq.home");
            System.setProperty("yq.home", home.toString());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.setOut(originalOut);
        System.setErr(originalErr);
        if (temporaryProject) {
            if (originalHome == null) {
                System.clearProperty("yq.home");
            } else {
                System.setProperty("yq.home", originalHome);
            }
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The project folder of the test; only with {@link #inTemporaryProject()}. */
    public Path home() {
        if (home == null) {
            throw new IllegalStateException("not in a temporary project: use Console.inTemporaryProject()");
        }
        return home;
    }

    /** What was printed on standard output so far. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public List<String> outLines() {
        return out().lines().toList();
    }

    /** What was printed on standard error so far. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far, e.g. between two commands of one test. */
    public void reset() {
        out.reset();
        err.reset();
    }
}
