package org.yqsentinel.connect;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * The one place where Sentinel's Kafka clients are configured: every producer, consumer and admin client of the
 * job's connectors, the alerting service, ingest, setup and the tools starts from {@link #common()}, so what every
 * client needs is written once: the servers, and the settings of {@code kafka.properties-file} (security protocol,
 * SASL, TLS). Records travel as bytes; each user reads them itself.
 */
public final class KafkaClients implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final Map<String, String> settings;

    public KafkaClients(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** @param settings client settings every client gets (from a properties file), the servers excepted */
    public KafkaClients(String bootstrapServers, Map<String, String> settings) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are empty; set kafka.bootstrap-servers (e.g. 127.0.0.1:9092)");
        }
        this.bootstrapServers = bootstrapServers;
        this.settings = Map.copyOf(settings);
    }

    /**
     * The clients of the configured Kafka, with the settings of {@code kafka.properties-file} read here.
     *
     * @throws ConfigException when the file cannot be read, or sets the servers (those are {@code kafka.bootstrap-servers})
     */
    public static KafkaClients of(SentinelConfig config) {
        return new KafkaClients(config.kafkaBootstrapServers(), properties(config.kafka().propertiesFile()));
    }

    /** The settings of a Kafka client properties file; empty for no file. */
    static Map<String, String> properties(String file) {
        if (file == null || file.isBlank()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("kafka.properties-file " + file + " cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); give a Kafka client properties file readable by this user");
        }
        if (properties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new ConfigException("kafka.properties-file " + file + " sets bootstrap.servers; set kafka.bootstrap-servers instead"
                    + " and remove it from the file");
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /** What every client shares; the job's Flink connectors take these as their properties. */
    public Properties common() {
        Properties properties = new Properties();
        properties.putAll(settings);
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
