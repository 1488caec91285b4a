package org.yqsentinel.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yqsentinel.stack.junit.StackContext;

/** Runs {@code yq} in-process against the test stack's namespace, with what it printed on stdout. */
public final class StackCli {

    /** The exit code, what went to stdout, and what went to stderr (also passed on to the real stderr). */
    public record Printed(int exit, String out, String err) {}

    private StackCli() {}

    /** A sentinel.yaml in {@code dir} for the test class's namespace on the shared stack. */
    public static Path config(Path dir, StackContext stack) throws IOException {
        return Files.writeString(dir.resolve("sentinel.yaml"), "namespace: " + stack.namespace().prefix()
                + "\nkafka:\n  bootstrap-servers: " + stack.kafkaBootstrapServers() + "\n");
    }

    public static Printed run(Path config, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeOutputStream(err, originalErr), true, StandardCharsets.UTF_8));
        try {
            int exit = Yq.run(all);
            return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    /** Writes to both streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
