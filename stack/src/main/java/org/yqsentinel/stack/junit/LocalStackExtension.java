package org.yqsentinel.stack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.stack.LocalStack;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.connect.Provisioner;

/**
 * Gives tests the real local stack: starts it once per test run, or reuses one that runs already
 * (and then leaves it running), and gives each test class its own namespace of topics and indices,
 * provisioned before and deleted after the class. Inject {@link StackContext} as a parameter.
 */
public final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(LocalStackExtension.class);
    private static final int TEST_RAW_TOPIC_PARTITIONS = 2;
    /** Set by {@code ./yq test}: leave a stack this run started running for the next module; the script stops it. */
    private static final boolean KEEP = Boolean.getBoolean("yq.stack.keep");

    /** The stack of the whole run, stopped at its end only if this run started it. */
    private static final class SharedStack implements AutoCloseable {
        final LocalStack stack;
        final boolean startedHere;

        SharedStack() {
            SentinelConfig config = ConfigLoader.load(null);
            StackLayout layout = StackLayout.detect();
            this.stack = new LocalStack(layout, config.stack());
            boolean up = stack.isUp();
            if (!up) {
                System.err.println("[local stack] starting Kafka and Elasticsearch for this test run");
            }
            this.startedHere = !up && stack.up();
            if (startedHere && KEEP) {
                markStartedByTests(layout);
            }
        }

        /** {@code ./yq test} keeps the stack across the modules of one run and stops it at the end when this mark is there. */
        private static void markStartedByTests(StackLayout layout) {
            try {
                Files.createDirectories(layout.workDir());
                Files.writeString(layout.workDir().resolve("stack-started-by-tests"), "started by a test run\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (startedHere && !KEEP) {
                System.err.println("[local stack] stopping the stack this test run started");
                stack.down();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedStack shared = context.getRoot().getStore(STORE)
                .getOrComputeIfAbsent(SharedStack.class, k -> new SharedStack(), SharedStack.class);
        String className = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        String prefix = "t-" + className.substring(0, Math.min(24, className.length())) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()) + "-";
        StackContext stackContext = new StackContext(shared.stack.kafkaBootstrapServers(),
                shared.stack.elasticsearchUrl(), new Namespace(prefix));
        try (Provisioner provisioner = new Provisioner(stackContext.kafkaBootstrapServers(), stackContext.elasticsearchUrl())) {
            provisioner.provision(stackContext.namespace(), TEST_RAW_TOPIC_PARTITIONS);
        }
        context.getStore(STORE).put(StackContext.class, stackContext);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        StackContext stackContext = context.getStore(STORE).get(StackContext.class, StackContext.class);
        if (stackContext == null || Boolean.getBoolean("yq.test.keep-namespaces")) {
            return;
        }
        try (Provisioner provisioner = new Provisioner(stackContext.kafkaBootstrapServers(), stackContext.elasticsearchUrl())) {
            provisioner.deleteNamespace(stackContext.namespace());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StackContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(STORE).get(StackContext.class, StackContext.class);
    }
}
