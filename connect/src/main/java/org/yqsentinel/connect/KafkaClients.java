package org.yqsentinel.connect;

import java.io.Serializable;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * The one place where Sentinel's Kafka clients are configured: every producer, consumer and admin client of the
 * job's connectors, the alerting service, ingest, setup and the tools starts from {@link #common()}, so a setting
 * every client needs (the servers today) is written once. Records travel as bytes; each user reads them itself.
 */
public final class KafkaClients implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;

    public KafkaClients(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are empty; set kafka.bootstrap-servers (e.g. 127.0.0.1:9092)");
        }
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaClients of(SentinelConfig config) {
        return new KafkaClients(config.kafkaBootstrapServers());
    }

    /** What every client shares; the job's Flink connectors take these as their properties. */
    public Properties common() {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /**
     * A producer that Kafka acknowledges from all replicas, idempotent, so a retried send is written once.
     * {@code more} adds or overrides settings (e.g. linger).
     */
    public KafkaProducer<byte[], byte[]> producer(Map<String, Object> more) {
        Properties properties = common();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.putAll(more);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A consumer that sees only committed records (the job writes alerts and dead letters in transactions) and
     * never commits on its own: its user commits when the work is done, or reads without a group.
     * {@code more} adds or overrides settings (e.g. the group id, the offset reset).
     */
    public KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> more) {
        Properties properties = common();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putAll(more);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An admin client whose calls give up after {@code timeoutMillis}. */
    public Admin admin(int timeoutMillis) {
        Properties properties = common();
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        return Admin.create(properties);
    }
}
