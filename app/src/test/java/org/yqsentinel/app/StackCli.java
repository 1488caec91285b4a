package org.yqsentinel.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yqsentinel.stack.junit.StackContext;

/** Runs {@code yq} in-process against the test stack's namespace, with what it printed on stdout. */
public final class StackCli {

    public record Printed(int exit, String out) {}

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
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new Printed(Yq.run(all), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
