package org.yqsentinel.model.config;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.Zones;

/**
 * Sentinel's whole configuration, as loaded by {@link ConfigLoader} from the bundled defaults, an
 * optional {@code sentinel.yaml} and {@code YQ_*} environment variables. Options are documented in
 * docs/configuration.md.
 */
public record SentinelConfig(String namespace, Kafka kafka, Elasticsearch elasticsearch, Rules rules, Stack stack,
                             Ingest ingest, Monitor monitor, Alerting alerting, Retention retention) implements Serializable {

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

    /**
     * The Kafka to use.
     *
     * @param propertiesFile a Kafka client properties file (as {@code kafka-console-producer --producer.config} takes)
     *                       whose settings every client of Sentinel gets: {@code security.protocol}, {@code sasl.*},
     *                       {@code ssl.*} for SASL_SSL, SCRAM or mutual TLS; empty for none. Keep it readable by
     *                       Sentinel's user only: it holds the credentials
     */
    public record Kafka(String bootstrapServers, String propertiesFile) implements Serializable {}

    /**
     * The Elasticsearch to use, how to reach it, and the shape of the indices {@code setup} creates there. At most
     * one way to authenticate is given: an API key, or a user and password; a secret comes from its option (best
     * from the {@code YQ_ELASTICSEARCH_*} variable) or from a file holding it.
     *
     * @param apiKey      an encoded API key ({@code id:key} in base64, as {@code POST _security/api_key} returns it)
     * @param caFile      PEM file of the certificate authority that signed the server's certificate (https)
     * @param fingerprint SHA-256 fingerprint of that CA's certificate (hex, colons allowed), instead of the file
     * @param shards      primary shards of each new index (a monthly index of items, the single index of cases, …)
     * @param replicas    copies of each shard on other nodes: 0 on one node, 1 or more on a cluster; setup applies a
     *                    change to the existing indices too
     */
    public record Elasticsearch(String url, String apiKey, String apiKeyFile, String username, String password, String passwordFile,
                                String caFile, String fingerprint, int shards, int replicas) implements Serializable {
        public Elasticsearch {
            if (shards < 1 || replicas < 0) {
                throw new IllegalArgumentException("elasticsearch.shards must be at least 1 and elasticsearch.replicas at least 0");
            }
            boolean key = !apiKey.isBlank() || !apiKeyFile.isBlank();
            boolean user = !username.isBlank();
            if (key && user) {
                throw new IllegalArgumentException("give elasticsearch.api-key (or api-key-file) or elasticsearch.username, not both");
            }
            if (!apiKey.isBlank() && !apiKeyFile.isBlank() || !password.isBlank() && !passwordFile.isBlank()) {
                throw new IllegalArgumentException("give a secret or the file holding it, not both (elasticsearch.api-key or"
                        + " api-key-file, elasticsearch.password or password-file)");
            }
            if ((!password.isBlank() || !passwordFile.isBlank()) && !user) {
                throw new IllegalArgumentException("elasticsearch.password goes with elasticsearch.username");
            }
            if (!caFile.isBlank() && !fingerprint.isBlank()) {
                throw new IllegalArgumentException("give elasticsearch.ca-file or elasticsearch.fingerprint, not both");
            }
        }

        /** The options without their secrets: for messages and logs, never the secrets themselves. */
        @Override
        public String toString() {
            String auth = !apiKey.isBlank() ? "api key" : !apiKeyFile.isBlank() ? "api key from " + apiKeyFile
                    : !username.isBlank() ? "user " + username + (passwordFile.isBlank() ? "" : ", password from " + passwordFile) : "none";
            return "Elasticsearch[url=" + url + ", auth=" + auth + (caFile.isBlank() ? "" : ", ca " + caFile)
                    + (fingerprint.isBlank() ? "" : ", fingerprint") + ", shards=" + shards + ", replicas=" + replicas + "]";
        }
    }

    /**
     * How long data is kept. {@code ./yq prune} removes the monthly indices of items and risk series older than
     * {@code itemMonths}, and closed cases (with their alert events and deliveries) older than {@code caseMonths};
     * {@code setup} sets the topics' retention.
     *
     * @param itemMonths     months of posts and risk series kept, the current one included
     * @param caseMonths     months a closed case, its alert events and its deliveries are kept after its last change
     * @param rawTopicDays   days the raw topics keep what crawlers sent (replay reads them; after that, the items index)
     * @param deadLetterDays days the dead-letter topic keeps refused records
     * @param alertTopicDays days the alerts and control topics keep alert events and case steps
     */
    public record Retention(int itemMonths, int caseMonths, int rawTopicDays, int deadLetterDays, int alertTopicDays)
            implements Serializable {
        public Retention {
            if (itemMonths < 1 || caseMonths < 1 || rawTopicDays < 1 || deadLetterDays < 1 || alertTopicDays < 1) {
                throw new IllegalArgumentException("every retention.* option must be at least 1");
            }
        }
    }

    /** {@code dir}: a folder whose rule files replace the bundled ones of the same name; empty for the bundled rules. */
    public record Rules(String dir) implements Serializable {}

    /** @param flinkRestPort the local Flink cluster's REST port ({@code ./yq cluster up}); its RPC and blob ports follow it */
    public record Stack(int kafkaPort, int elasticsearchPort, int elasticsearchHeapMb, int kafkaHeapMb,
                        int startTimeoutSeconds, int flinkRestPort) implements Serializable {}

    /**
     * What a crawler record may be before it is refused, for {@code ./yq ingest}, {@code ./yq score} and the live
     * job alike: its size, how deep its JSON nests, how long a number or a field name may be, the largest
     * plausible count, and the range of plausible publish times.
     *
     * @param earliestTime           the earliest plausible publish time, a day in Beijing time
     * @param futureToleranceMinutes how far past the time a record was seen its publish time may lie (sources' clock skew)
     */
    public record Ingest(int maxRecordBytes, int maxNestingDepth, int maxNumberDigits, int maxFieldNameChars, long maxCount,
                         LocalDate earliestTime, long futureToleranceMinutes) implements Serializable {

        /** The defaults of sentinel-defaults.yaml, for readers built without a configuration (tests, tools). */
        public static final Ingest DEFAULTS = new Ingest(1_048_576, 64, 64, 256, 10_000_000_000L, LocalDate.of(1990, 1, 1), 60);

        public Ingest {
            if (maxRecordBytes < 1024 || maxNestingDepth < 2 || maxNumberDigits < 20 || maxFieldNameChars < 16 || maxCount < 1
                    || earliestTime == null || futureToleranceMinutes < 0) {
                throw new IllegalArgumentException("ingest limits too small: max-record-bytes ≥ 1024, max-nesting-depth ≥ 2,"
                        + " max-number-digits ≥ 20, max-field-name-chars ≥ 16, max-count ≥ 1, earliest-time a date"
                        + " (2000-01-01), future-tolerance-minutes ≥ 0");
            }
        }

        /** The earliest plausible publish time as an instant: the start of {@link #earliestTime} in Beijing. */
        public Instant earliest() {
            return earliestTime.atStartOfDay(Zones.BEIJING).toInstant();
        }
    }

    /** @param tolerableCheckpointFailures checkpoints that may fail (time out during an outage) before the job restarts */
    public record Monitor(int parallelism, long checkpointIntervalSeconds, long maxOutOfOrdernessSeconds,
                          long idleSourceSeconds, String consumerGroup, int restartAttempts, int tolerableCheckpointFailures,
                          int rawTopicPartitions, int dedupeRetentionDays, boolean emergingTopics, Bulk bulk) implements Serializable {

        /** For a run that must end (the demo, a benchmark): restarts without end become three. */
        public Monitor finite() {
            return restartAttempts >= 0 ? this : new Monitor(parallelism, checkpointIntervalSeconds, maxOutOfOrdernessSeconds,
                    idleSourceSeconds, consumerGroup, 3, tolerableCheckpointFailures, rawTopicPartitions, dedupeRetentionDays, emergingTopics,
                    bulk);
        }

        /** The same settings with another parallelism and checkpoint interval (a benchmark's). */
        public Monitor with(int parallelism, long checkpointIntervalSeconds) {
            return new Monitor(parallelism, checkpointIntervalSeconds, maxOutOfOrdernessSeconds, idleSourceSeconds, consumerGroup,
                    restartAttempts, tolerableCheckpointFailures, rawTopicPartitions, dedupeRetentionDays, emergingTopics, bulk);
        }

        /** The same settings with topic detection on or off (a benchmark's comparison). */
        public Monitor withEmergingTopics(boolean on) {
            return new Monitor(parallelism, checkpointIntervalSeconds, maxOutOfOrdernessSeconds, idleSourceSeconds, consumerGroup,
                    restartAttempts, tolerableCheckpointFailures, rawTopicPartitions, dedupeRetentionDays, on, bulk);
        }
    }

    /**
     * How the Elasticsearch sink batches and retries.
     *
     * @param maxRetries retries of a document that may pass on retry before the job fails; -1 retries without end
     *                   (an outage is waited out)
     */
    public record Bulk(int maxOperations, int maxConcurrentRequests, long flushIntervalMillis, int maxRetries,
                       long initialBackoffMillis, long maxBackoffMillis) implements Serializable {}

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
     * @param headers   extra HTTP headers of the json provider, {@code Name: value} separated by {@code ;}
     * @param statusUrl the json provider's status query for a request id ({@code ${id}}): 200 has it, 404 has not;
     *                  asked before an SMS whose attempt is in doubt is sent again; empty for none
     */
    public record Sms(String provider, String url, String body, String headers, String successPointer, String successValue,
                      String idPointer, String statusUrl, String aliyunAccessKeyId, String aliyunAccessKeySecret, String aliyunSignName,
                      String aliyunTemplateCode, String aliyunRegionId, long timeoutSeconds) implements Serializable {}
}
