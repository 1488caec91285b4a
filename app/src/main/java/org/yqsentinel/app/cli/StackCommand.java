package org.yqsentinel.app.cli;

import java.util.concurrent.Callable;
import org.yqsentinel.app.Yq;
import org.yqsentinel.stack.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yq stack up|down|status}: the local Kafka and Elasticsearch. */
@Command(name = "stack", description = "Start, stop or show the local stack (Kafka and Elasticsearch on 127.0.0.1).")
public final class StackCommand implements Callable<Integer> {

    enum Action { up, down, status }

    @ParentCommand
    Yq yq;

    @Parameters(paramLabel = "up|down|status", description = "What to do.")
    Action action;

    @Override
    public Integer call() {
        LocalStack stack = new LocalStack(yq.layout(), yq.config().stack());
        switch (action) {
            case up -> {
                long started = System.nanoTime();
                System.out.println(stack.up() ? "local stack started in " + (System.nanoTime() - started) / 1_000_000_000 + " s"
                        : "local stack already running");
                stack.status().forEach(s -> System.out.println("  " + s.describe()));
            }
            case down -> {
                stack.down();
                System.out.println("local stack stopped");
            }
            case status -> {
                stack.status().forEach(s -> System.out.println(s.describe()));
                return stack.isUp() ? 0 : 3;
            }
        }
        return 0;
    }
}
