package org.yqsentinel.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.yqsentinel.connect.KafkaClients;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), run from the
 * {@code kafka_2.13} jars that Maven resolved, on 127.0.0.1. Storage is formatted on first start.
 */
final class KafkaBroker extends ServerProcess {

    /** First argument of the broker JVM: the kernel shows only the first 4096 bytes of a command line. */
    private static final String MARKER = "yq.server=kafka";

    private final StackLayout layout;
    private final int port;
    private final int heapMb;

    KafkaBroker(StackLayout layout, int port, int heapMb) {
        super("Kafka");
        this.layout = layout;
        this.port = port;
        this.heapMb = heapMb;
    }

    private Path dir() {
        return layout.kafkaDir();
    }

    @Override
    Path pidFile() {
        return dir().resolve("kafka.pid");
    }

    @Override
    Path logFile() {
        return dir().resolve("logs/server.log");
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String portOption() {
        return "stack.kafka-port in sentinel.yaml or YQ_STACK_KAFKA_PORT";
    }

    @Override
    String commandMarker() {
        return MARKER;
    }

    @Override
    String url() {
        return "127.0.0.1:" + port;
    }

    @Override
    boolean healthy() {
        try (Admin admin = new KafkaClients(url()).admin(2000)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    void launch() throws IOException, InterruptedException {
        Path classpathFile = layout.kafkaClasspathFile();
        if (!Files.isRegularFile(classpathFile)) {
            throw new StackException("the Kafka broker classpath " + classpathFile + " is missing: build the project"
                    + " first (./yq build, or mvn -pl stack-runtime generate-resources)");
        }
        String classpath = Files.readString(classpathFile).trim();
        Path data = dir().resolve("data");
        Files.createDirectories(data);
        Files.createDirectories(logFile().getParent());
        Path properties = dir().resolve("server.properties");
        writeString(properties, serverProperties(data));
        Path log4j = dir().resolve("log4j2.properties");
        writeString(log4j, log4jProperties());
        String java = StackLayout.javaHome().resolve("bin/java").toString();

        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(java, "-cp", classpath, "-Dlog4j2.configurationFile=" + log4j,
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir().resolve("logs/format.log").toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException("formatting Kafka storage failed; see " + dir().resolve("logs/format.log"));
            }
        }
        Process process = new ProcessBuilder(List.of("setsid", java, "-D" + MARKER, "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m",
                "-XX:+UseG1GC", "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j,
                "-Dkafka.logs.dir=" + logFile().getParent(), "-cp", classpath, "kafka.Kafka", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir().resolve("logs/stdout.log").toFile()))
                .start();
        writeString(pidFile(), Long.toString(process.pid()));
    }

    private String serverProperties(Path data) {
        int controllerPort = port + 1;
        return String.join("\n",
                "# written by the Sentinel stack launcher on every start; edit sentinel.yaml instead",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "delete.topic.enable=true",
                "");
    }

    private String log4jProperties() {
        return String.join("\n",
                "status = warn",
                "appender.file.type = RollingFile",
                "appender.file.name = file",
                "appender.file.fileName = " + logFile(),
                "appender.file.filePattern = " + logFile() + ".%i",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "appender.file.policies.type = Policies",
                "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size = 20MB",
                "appender.file.strategy.type = DefaultRolloverStrategy",
                "appender.file.strategy.max = 3",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = info",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "");
    }
}
