package org.yqsentinel.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * The embedded default: a Kafka broker and an Elasticsearch node on 127.0.0.1, each its own process
 * that outlives the command that started it. {@code ./yq stack up|down|status} and the test extension
 * both go through here. The secure stack ({@code ./yq stack up --secure}) is the same two servers with security on,
 * their data apart, on the same ports: one of the two runs at a time.
 */
public final class LocalStack {

    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private final Duration startTimeout;
    private final StackSecurity security;
    private final StackLayout layout;
    private final SentinelConfig.Stack settings;

    /** The plain stack: no authentication, no TLS. */
    public LocalStack(StackLayout layout, SentinelConfig.Stack settings) {
        this(layout, settings, false);
    }

    /** @param secure the secure stack: SASL_SSL for Kafka, https and a user for Elasticsearch */
    public LocalStack(StackLayout layout, SentinelConfig.Stack settings, boolean secure) {
        this.security = secure ? new StackSecurity(layout) : null;
        this.kafka = new KafkaBroker(layout, settings.kafkaPort(), settings.kafkaHeapMb(), security);
        this.elasticsearch = new ElasticsearchNode(layout, settings.elasticsearchPort(), settings.elasticsearchHeapMb(), security);
        this.startTimeout = Duration.ofSeconds(settings.startTimeoutSeconds());
        this.layout = layout;
        this.settings = settings;
    }

    /** The stack that runs now: the secure one if its servers run, else the plain one. */
    public static LocalStack running(StackLayout layout, SentinelConfig.Stack settings) {
        LocalStack secure = new LocalStack(layout, settings, true);
        return secure.kafka.running().isPresent() || secure.elasticsearch.running().isPresent() ? secure : new LocalStack(layout, settings);
    }

    /**
     * The settings of Sentinel's clients of the secure stack ({@code .yq/secure/sentinel.yaml}: servers, Kafka
     * properties, Elasticsearch user, password file and CA), when the secure stack runs; empty otherwise.
     */
    public static Optional<Path> secureClientConfig(StackLayout layout) {
        StackSecurity security = new StackSecurity(layout);
        if (!Files.isRegularFile(security.clientConfig())) {
            return Optional.empty();
        }
        boolean running = new KafkaBroker(layout, 0, 0, security).running().isPresent();
        return running ? Optional.of(security.clientConfig()) : Optional.empty();
    }

    public boolean secure() {
        return security != null;
    }

    /** The state of one server, as {@code ./yq stack status} prints it. */
    public record ServerStatus(String name, boolean running, boolean healthy, Long pid, String url, String log) {
        public String describe() {
            String state = !running ? "stopped" : healthy ? "running" : "running, not healthy";
            return String.format("%-13s %-21s %-24s log %s", name, state + (pid == null ? "" : " (pid " + pid + ")"),
                    url, log);
        }
    }

    /**
     * Starts what is not running and waits until both are healthy.
     *
     * @return true if this call started at least one of them
     */
    public boolean up() {
        LocalStack other = new LocalStack(layout, settings, security == null);
        if (other.kafka.running().isPresent() || other.elasticsearch.running().isPresent()) {
            throw new StackException("the " + (security == null ? "secure" : "plain") + " local stack is running on these ports;"
                    + " stop it first (./yq stack down), then ./yq stack up" + (security == null ? "" : " --secure"));
        }
        for (ServerProcess server : List.of(kafka, elasticsearch)) {
            if (server.running().isEmpty()) {
                server.requirePortFree();
            }
        }
        if (security != null) {
            try {
                security.prepare(settings.kafkaPort(), settings.elasticsearchPort());
            } catch (IOException e) {
                throw new StackException("cannot make the secure stack's certificates and passwords under " + security.dir() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while making the secure stack's certificates");
            }
        }
        boolean startedElasticsearch = false;
        boolean startedKafka = kafka.start(startTimeout);
        try {
            startedElasticsearch = elasticsearch.start(startTimeout);
        } catch (StackException e) {
            if (startedKafka) {
                kafka.stop();
            }
            throw e;
        }
        return startedKafka || startedElasticsearch;
    }

    public void down() {
        elasticsearch.stop();
        kafka.stop();
    }

    public boolean isUp() {
        return status().stream().allMatch(ServerStatus::healthy);
    }

    public List<ServerStatus> status() {
        return List.of(status(kafka), status(elasticsearch));
    }

    public String kafkaBootstrapServers() {
        return kafka.url();
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    private static ServerStatus status(ServerProcess server) {
        var process = server.running();
        return new ServerStatus(server.name, process.isPresent(), process.isPresent() && server.healthy(),
                process.map(ProcessHandle::pid).orElse(null), server.url(), server.logFile().toString());
    }
}
