package org.yqsentinel.model.config;

import java.io.Serializable;
import org.yqsentinel.model.Namespace;

/**
 * Sentinel's whole configuration, as loaded by {@link ConfigLoader} from the bundled defaults, an
 * optional {@code sentinel.yaml} and {@code YQ_*} environment variables. Options are documented in
 * docs/configuration.md.
 */
public record SentinelConfig(String namespace, Kafka kafka, Elasticsearch elasticsearch, Rules rules, Stack stack,
                             Monitor monitor) implements Serializable {

    public Namespace names() {
        return new Namespace(namespace);
    }

    /** The Kafka to use: the configured one, else the local stack's. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers().isBlank() ? "127.0.0.1:" + stack.kafkaPort() : kafka.bootstrapServers();
    }

    /** The Elasticsearch to use: the configured one, else the local stack's. */
    public String elasticsearchUrl() {
        return elasticsearch.url().isBlank() ? "http://127.0.0.1:" + stack.elasticsearchPort() : elasticsearch.url();
    }

    public record Kafka(String bootstrapServers) implements Serializable {}

    public record Elasticsearch(String url) implements Serializable {}

    /** {@code dir}: a folder whose rule files replace the bundled ones of the same name; empty for the bundled rules. */
    public record Rules(String dir) implements Serializable {}

    public record Stack(int kafkaPort, int elasticsearchPort, int elasticsearchHeapMb, int kafkaHeapMb,
                        int startTimeoutSeconds) implements Serializable {}

    public record Monitor(int parallelism, long checkpointIntervalSeconds, long maxOutOfOrdernessSeconds,
                          long idleSourceSeconds, String consumerGroup, int restartAttempts, int rawTopicPartitions,
                          int dedupeRetentionDays, Bulk bulk) implements Serializable {

        /** The same settings with another parallelism and checkpoint interval (a benchmark's). */
        public Monitor with(int parallelism, long checkpointIntervalSeconds) {
            return new Monitor(parallelism, checkpointIntervalSeconds, maxOutOfOrdernessSeconds, idleSourceSeconds, consumerGroup,
                    restartAttempts, rawTopicPartitions, dedupeRetentionDays, bulk);
        }
    }

    /** How the Elasticsearch sink batches and retries. */
    public record Bulk(int maxOperations, int maxConcurrentRequests, long flushIntervalMillis, int maxRetries,
                       long initialBackoffMillis) implements Serializable {}
}
