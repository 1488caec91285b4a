package org.yqsentinel.app.cli;

import java.util.concurrent.Callable;
import org.yqsentinel.app.Yq;
import org.yqsentinel.stack.FlinkCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yq cluster up|down|status}: a standalone Flink session cluster on 127.0.0.1. */
@Command(name = "cluster", description = {"Start, stop or show a standalone Flink session cluster on 127.0.0.1: a JobManager"
        + " (web UI and REST on stack.flink-rest-port, 18081) and " + FlinkCluster.TASK_MANAGERS + " TaskManagers of "
        + FlinkCluster.SLOTS + " slots, each its own process, from Maven Central's Flink jars.",
        "./yq monitor --cluster submits the monitor job to it as flink run does."},
        footer = {"", "Exit codes: 0 done (status: the cluster runs with every TaskManager); 3 status: not up; 2 an error to fix."})
public final class ClusterCommand implements Callable<Integer> {

    enum Action { up, down, status }

    @ParentCommand
    Yq yq;

    @Parameters(paramLabel = "up|down|status", description = "What to do.")
    Action action;

    @Override
    public Integer call() {
        FlinkCluster cluster = new FlinkCluster(yq.layout(), yq.config().stack());
        switch (action) {
            case up -> {
                long started = System.nanoTime();
                System.out.println(cluster.up() ? "Flink cluster started in " + (System.nanoTime() - started) / 1_000_000_000 + " s"
                        : "Flink cluster already running");
                cluster.status().forEach(line -> System.out.println("  " + line));
            }
            case down -> {
                cluster.down();
                System.out.println("Flink cluster stopped");
            }
            case status -> {
                cluster.status().forEach(System.out::println);
                return cluster.isUp() ? 0 : 3;
            }
        }
        return 0;
    }
}
