package org.yqsentinel.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * A standalone Flink session cluster on 127.0.0.1 ({@code ./yq cluster up|down|status}): a JobManager and two
 * TaskManagers, each its own JVM that outlives the command that started it, run from Maven Central's Flink jars
 * ({@code cluster-runtime/target/flink-cluster.classpath}) with the memory options Flink's own scripts would compute.
 * Checkpoints and the state changelog go to {@code .yq/cluster/}; a lost TaskManager is noticed within seconds
 * (heartbeats every 2 s, 10 s timeout) and its job restarts from its latest checkpoint on the remaining slots.
 */
public final class FlinkCluster {

    /** TaskManagers, and slots of each. */
    public static final int TASK_MANAGERS = 2;
    public static final int SLOTS = 2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** What Flink's distribution passes every JVM on Java 17 ({@code env.java.default-opts.all}). */
    private static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final StackLayout layout;
    private final int restPort;
    private final Duration startTimeout;
    private final FlinkProcess jobManager;
    private final List<FlinkProcess> taskManagers = new ArrayList<>();

    public FlinkCluster(StackLayout layout, SentinelConfig.Stack settings) {
        this.layout = layout;
        this.restPort = settings.flinkRestPort();
        this.startTimeout = Duration.ofSeconds(settings.startTimeoutSeconds());
        this.jobManager = new FlinkProcess("jobmanager", "Flink JobManager", restPort);
        for (int i = 1; i <= TASK_MANAGERS; i++) {
            taskManagers.add(new FlinkProcess("taskmanager-" + i, "Flink TaskManager " + i, 0));
        }
    }

    /** The REST address: web UI, job submission, metrics. */
    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    public Path confDir() {
        return dir().resolve("conf");
    }

    private Path dir() {
        return layout.workDir().resolve("cluster");
    }

    /** The process of a TaskManager (1-based), to stop or kill in a test. */
    public Optional<ProcessHandle> taskManager(int number) {
        return taskManagers.get(number - 1).running();
    }

    /** TaskManager n's resource id, as the REST API names it. */
    public static String taskManagerId(int number) {
        return "taskmanager-" + number;
    }

    /**
     * Starts what is not running and waits until the JobManager answers with every TaskManager registered.
     *
     * @return true if this call started anything
     */
    public boolean up() {
        Path classpathFile = layout.flinkClasspathFile();
        if (!Files.isRegularFile(classpathFile)) {
            throw new StackException("the Flink cluster classpath " + classpathFile + " is missing: build the project first"
                    + " (./yq build, or mvn -pl cluster-runtime generate-resources)");
        }
        boolean started = false;
        try {
            writeConfiguration();
            started |= jobManager.start(startTimeout);
            for (FlinkProcess taskManager : taskManagers) {
                started |= taskManager.start(startTimeout);
            }
        } catch (IOException e) {
            throw new StackException("cannot write the Flink cluster's configuration under " + confDir() + ": " + e.getMessage());
        }
        if (!ServerProcess.waitFor(() -> registeredTaskManagers() == TASK_MANAGERS, System.nanoTime() + startTimeout.toNanos())) {
            throw new StackException("the Flink JobManager did not see its " + TASK_MANAGERS + " TaskManagers within "
                    + startTimeout.toSeconds() + " s; see " + dir().resolve("logs"));
        }
        return started;
    }

    public void down() {
        for (FlinkProcess taskManager : taskManagers) {
            taskManager.stop();
        }
        jobManager.stop();
    }

    /** One line per process: state, pid, log. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add(jobManager.describe() + "  " + restUrl() + " (web UI, REST)");
        taskManagers.forEach(tm -> lines.add(tm.describe()));
        return lines;
    }

    public boolean isUp() {
        return jobManager.running().isPresent() && registeredTaskManagers() == TASK_MANAGERS;
    }

    /** How many TaskManagers the JobManager has registered, or -1 when it does not answer. */
    public int registeredTaskManagers() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl() + "/overview"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher count = Pattern.compile("\"taskmanagers\":(\\d+)").matcher(response.body());
            return response.statusCode() == 200 && count.find() ? Integer.parseInt(count.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void writeConfiguration() throws IOException {
        Path checkpoints = dir().resolve("checkpoints");
        Path changelog = dir().resolve("changelog");
        Files.createDirectories(checkpoints);
        Files.createDirectories(changelog);
        ServerProcess.writeString(confDir().resolve("config.yaml"), String.join("\n",
                "# written by ./yq cluster up on every start",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + (restPort + 1),
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1024m",
                "blob.server.port: " + (restPort + 2),
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.rpc.port: " + (restPort + 10) + "-" + (restPort + 19),
                "taskmanager.numberOfTaskSlots: " + SLOTS,
                "taskmanager.memory.process.size: 2048m",
                "taskmanager.memory.managed.fraction: 0.05",
                "heartbeat.interval: 2000",
                "heartbeat.timeout: 10000",
                "execution.checkpointing.dir: " + checkpoints.toUri(),
                "state.backend.type: hashmap",
                "state.changelog.enabled: true",
                "state.changelog.storage: filesystem",
                "state.changelog.dstl.dfs.base-path: " + changelog.toUri(),
                "state.changelog.dstl.dfs.upload.buffer-size: 256kb",
                ""));
        ServerProcess.writeString(confDir().resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "appender.file.type = RollingFile",
                "appender.file.name = file",
                "appender.file.fileName = ${sys:log.file}",
                "appender.file.filePattern = ${sys:log.file}.%i",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{ISO8601} %-5p [%t] %c - %m%n",
                "appender.file.policies.type = Policies",
                "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size = 20MB",
                "appender.file.strategy.type = DefaultRolloverStrategy",
                "appender.file.strategy.max = 3",
                ""));
    }

    /** One JVM of the cluster. */
    private final class FlinkProcess extends ServerProcess {
        private final String id;
        private final int port;

        FlinkProcess(String id, String name, int port) {
            super(name);
            this.id = id;
            this.port = port;
        }

        @Override
        Path pidFile() {
            return dir().resolve(id + ".pid");
        }

        @Override
        Path logFile() {
            return dir().resolve("logs/" + id + ".log");
        }

        @Override
        int port() {
            return port;
        }

        @Override
        void requirePortFree() {
            if (port > 0) {
                super.requirePortFree();
            }
        }

        @Override
        String portOption() {
            return "stack.flink-rest-port in sentinel.yaml or YQ_STACK_FLINK_REST_PORT";
        }

        @Override
        String commandMarker() {
            return "yq.flink=" + id;
        }

        @Override
        String url() {
            return port > 0 ? restUrl() : "";
        }

        @Override
        boolean healthy() {
            return port > 0 ? registeredTaskManagers() >= 0 : running().isPresent();
        }

        String describe() {
            Optional<ProcessHandle> process = running();
            return String.format("%-19s %-24s log %s", name, process.map(p -> "running (pid " + p.pid() + ")").orElse("stopped"), logFile());
        }

        @Override
        void launch() throws IOException, InterruptedException {
            Files.createDirectories(logFile().getParent());
            String classpath = Files.readString(layout.flinkClasspathFile()).trim();
            String java = StackLayout.javaHome().resolve("bin/java").toString();
            boolean taskManager = port == 0;
            List<String> resources = resourceParameters(java, classpath, taskManager);
            List<String> command = new ArrayList<>(List.of("setsid", java, "-D" + commandMarker()));
            command.addAll(Arrays.asList(resources.get(0).trim().split("\\s+")));
            command.addAll(JAVA_17_OPTIONS);
            command.addAll(List.of("-XX:+UseG1GC", "-Dlog.file=" + logFile(), "-Dlog4j2.configurationFile=" + confDir().resolve("log4j.properties"),
                    "-cp", classpath));
            if (taskManager) {
                command.addAll(List.of("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", confDir().toString(),
                        "-D", "taskmanager.resource-id=" + id));
            } else {
                command.addAll(List.of("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir",
                        confDir().toString()));
            }
            command.addAll(Arrays.asList(resources.get(1).trim().split("\\s+")));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir().resolve("logs/" + id + ".out").toFile())).start();
            writeString(pidFile(), Long.toString(process.pid()));
        }

        /** The JVM options and the dynamic properties Flink's scripts compute from the configuration (BashJavaUtils). */
        private List<String> resourceParameters(String java, String classpath, boolean taskManager) throws IOException, InterruptedException {
            Process utils = new ProcessBuilder(java, "-cp", classpath, "-Dlog4j2.configurationFile=" + confDir().resolve("log4j.properties"),
                    "-Dlog.file=" + dir().resolve("logs/bash-java-utils.log"), "org.apache.flink.runtime.util.bash.BashJavaUtils",
                    taskManager ? "GET_TM_RESOURCE_PARAMS" : "GET_JM_RESOURCE_PARAMS", "--configDir", confDir().toString())
                    .redirectErrorStream(true).start();
            String output = new String(utils.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!utils.waitFor(60, TimeUnit.SECONDS) || utils.exitValue() != 0) {
                utils.destroyForcibly();
                throw new IOException("Flink's memory calculation failed: " + output.strip().lines().reduce((a, b) -> b).orElse(""));
            }
            List<String> results = output.lines().filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
                    .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length())).toList();
            if (results.size() < 2) {
                throw new IOException("Flink's memory calculation printed no result: " + output.strip());
            }
            return results.subList(results.size() - 2, results.size());
        }
    }
}
