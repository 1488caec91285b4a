package org.yqsentinel.model.config;

import java.io.Serializable;
import org.yqsentinel.model.Namespace;

/**
 * Sentinel's whole configuration, as loaded by {@link ConfigLoader} from the bundled defaults, an
 * optional {@code sentinel.yaml} and {@code YQ_*} environment variables. Options are documented in
 * docs/configuration.md.
 */
public record SentinelConfig(String namespace, Kafka kafka, Elasticsearch elasticsearch, Rules rules, Stack stack,
                             Monitor monitor, Alerting alerting) implements Serializable {

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

    /**
     * The alerting service ({@code ./yq alerting}): where it listens, how it retries and limits, and the
     * channels it sends through. Defaults send to the local outbox of the demo (SMTP 127.0.0.1:19225, SMS and
     * robots over HTTP 127.0.0.1:19281); a deployment sets its own relay and SMS provider.
     */
    public record Alerting(String consumerGroup, String httpHost, int httpPort, String publicUrl, String kibanaUrl,
                           int ackValidHours, int maxAttempts, long firstRetrySeconds, long maxRetrySeconds, RateLimits rateLimits,
                           long silenceRefreshSeconds, int restoreDays, Smtp smtp, Sms sms) implements Serializable {

        /** The base of the links in messages: the configured public URL, else the HTTP endpoint itself. */
        public String linkBase() {
            String base = publicUrl.isBlank() ? "http://" + httpHost + ":" + httpPort : publicUrl;
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
    }

    /** Notifications to one address at most: e-mails and SMS per hour, robot messages per minute; 0 for no limit. */
    public record RateLimits(int emailPerHour, int smsPerHour, int robotPerMinute) implements Serializable {}

    /** The SMTP relay; {@code security} is none, starttls or tls; {@code trust} hosts whose own certificates are accepted. */
    public record Smtp(String host, int port, String security, String username, String password, String from, String fromName,
                       long timeoutSeconds, String trust) implements Serializable {}

    /**
     * The SMS gateway: {@code provider} none, json (any HTTP gateway taking a JSON body template) or aliyun
     * (Alibaba Cloud SendSms).
     *
     * @param headers extra HTTP headers of the json provider, {@code Name: value} separated by {@code ;}
     */
    public record Sms(String provider, String url, String body, String headers, String successPointer, String successValue,
                      String idPointer, String aliyunAccessKeyId, String aliyunAccessKeySecret, String aliyunSignName,
                      String aliyunTemplateCode, String aliyunRegionId, long timeoutSeconds) implements Serializable {}
}
