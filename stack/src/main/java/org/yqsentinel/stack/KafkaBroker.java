package org.yqsentinel.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.yqsentinel.connect.KafkaClients;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), run from the
 * {@code kafka_2.13} jars that Maven resolved, on 127.0.0.1. Storage is formatted on first start. Secure, its client
 * listener takes SASL_SSL only (PLAIN over TLS with the stack's certificate; users {@code sentinel} and the broker's
 * own {@code admin}), with its data under {@code .yq/secure-stack/kafka}.
 */
final class KafkaBroker extends ServerProcess {

    /** First argument of the broker JVM: the kernel shows only the first 4096 bytes of a command line. */
    private static final String MARKER = "yq.server=kafka";

    private final StackLayout layout;
    private final int port;
    private final int heapMb;
    /** Null for the plain stack. */
    private final StackSecurity security;

    KafkaBroker(StackLayout layout, int port, int heapMb, StackSecurity security) {
        super(security == null ? "Kafka" : "Kafka (secure)");
        this.layout = layout;
        this.port = port;
        this.heapMb = heapMb;
        this.security = security;
    }

    private Path dir() {
        return security == null ? layout.kafkaDir() : layout.secureStackDir().resolve("kafka");
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
        try (Admin admin = clients().admin(2000)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private KafkaClients clients() throws IOException {
        if (security == null) {
            return new KafkaClients(url());
        }
        return new KafkaClients(url(), Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", StackSecurity.jaas(StackSecurity.USER, security.kafkaPassword()),
                "ssl.truststore.type", "PEM", "ssl.truststore.location", security.caCertificate().toString()));
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
        Files.setPosixFilePermissions(properties, PosixFilePermissions.fromString("rw-------"));  // passwords, when secure
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

    private String serverProperties(Path data) throws IOException {
        int controllerPort = port + 1;
        String listener = security == null ? "PLAINTEXT" : "SASL_SSL";
        String jaas = security == null ? null : "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + StackSecurity.KAFKA_ADMIN + "\" password=\"" + security.kafkaAdminPassword() + "\""
                + " user_" + StackSecurity.KAFKA_ADMIN + "=\"" + security.kafkaAdminPassword() + "\"";
        // the controller listener takes the broker's own user only; the client listener also Sentinel's
        List<String> secure = security == null ? List.of() : List.of(
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.sasl_ssl.plain.sasl.jaas.config=" + jaas + " user_" + StackSecurity.USER + "=\"" + security.kafkaPassword() + "\";",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + jaas + ";",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + security.serverKeystore(),
                "ssl.keystore.password=" + security.storePassword(),
                "ssl.key.password=" + security.storePassword(),
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + security.caCertificate(),
                "ssl.client.auth=none");
        return String.join("\n", secure) + (secure.isEmpty() ? "" : "\n") + String.join("\n",
                "# written by the Sentinel stack launcher on every start; edit sentinel.yaml instead",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + listener + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=" + listener + ":" + listener + ",CONTROLLER:" + listener,
                "inter.broker.listener.name=" + listener,
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
