package org.yqsentinel.app.cli;

import java.util.concurrent.Callable;
import org.yqsentinel.app.Yq;
import org.yqsentinel.stack.LocalStack;
import org.yqsentinel.stack.StackSecurity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yq stack up|down|status}: the local Kafka and Elasticsearch, plain or secure. */
@Command(name = "stack", description = {"Start, stop or show the local stack (Kafka and Elasticsearch on 127.0.0.1).",
        "With --secure, Elasticsearch has security and https on and Kafka takes SASL_SSL only; certificates and passwords are"
                + " made under .yq/secure/, and every command uses them while the secure stack runs."})
public final class StackCommand implements Callable<Integer> {

    enum Action { up, down, status }

    @ParentCommand
    Yq yq;

    @Parameters(paramLabel = "up|down|status", description = "What to do.")
    Action action;

    @Option(names = "--secure", description = "With up: the secure stack (Elasticsearch over https with the user 'sentinel',"
            + " Kafka over SASL_SSL), its data apart from the plain stack's.")
    boolean secure;

    @Override
    public Integer call() {
        switch (action) {
            case up -> {
                LocalStack stack = new LocalStack(yq.layout(), yq.config().stack(), secure);
                long started = System.nanoTime();
                String which = secure ? "secure local stack" : "local stack";
                System.out.println(stack.up() ? which + " started in " + (System.nanoTime() - started) / 1_000_000_000 + " s"
                        : which + " already running");
                stack.status().forEach(s -> System.out.println("  " + s.describe()));
                if (secure) {
                    StackSecurity security = new StackSecurity(yq.layout());
                    System.out.println("  clients: " + security.clientConfig() + " (read by every command while the secure stack runs);"
                            + " CA " + security.caCertificate() + ", Elasticsearch user " + StackSecurity.USER + " with the password in "
                            + security.elasticsearchPasswordFile() + ", Kafka settings in " + security.kafkaClientProperties());
                }
            }
            case down -> {
                new LocalStack(yq.layout(), yq.config().stack(), true).down();
                new LocalStack(yq.layout(), yq.config().stack(), false).down();
                System.out.println("local stack stopped");
            }
            case status -> {
                LocalStack stack = LocalStack.running(yq.layout(), yq.config().stack());
                stack.status().forEach(s -> System.out.println(s.describe()));
                return stack.isUp() ? 0 : 3;
            }
        }
        return 0;
    }
}
