package org.yqsentinel.stack;

import java.time.Duration;
import java.util.List;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * The embedded default: a Kafka broker and an Elasticsearch node on 127.0.0.1, each its own process
 * that outlives the command that started it. {@code ./yq stack up|down|status} and the test extension
 * both go through here.
 */
public final class LocalStack {

    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private final Duration startTimeout;

    public LocalStack(StackLayout layout, SentinelConfig.Stack settings) {
        this.kafka = new KafkaBroker(layout, settings.kafkaPort(), settings.kafkaHeapMb());
        this.elasticsearch = new ElasticsearchNode(layout, settings.elasticsearchPort(), settings.elasticsearchHeapMb());
        this.startTimeout = Duration.ofSeconds(settings.startTimeoutSeconds());
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
        for (ServerProcess server : List.of(kafka, elasticsearch)) {
            if (server.running().isEmpty()) {
                server.requirePortFree();
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
