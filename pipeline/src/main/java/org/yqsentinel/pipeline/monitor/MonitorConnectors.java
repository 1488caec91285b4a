package org.yqsentinel.pipeline.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.documents.ItemDocuments;
import org.yqsentinel.pipeline.documents.PolicyDocuments;
import org.yqsentinel.pipeline.documents.RiskDocuments;
import org.yqsentinel.pipeline.elasticsearch.CommittedElasticsearchSink;
import org.yqsentinel.pipeline.elasticsearch.DocumentRouter;
import org.yqsentinel.pipeline.elasticsearch.ElasticsearchSink;
import org.yqsentinel.pipeline.kafka.AlertSerializer;
import org.yqsentinel.pipeline.kafka.DeadLetterSerializer;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.pipeline.read.ReadingDeserializer;

/** The real sources and sinks of the monitor job, built from the configuration; tests and replay build others. */
public final class MonitorConnectors {

    /**
     * The broker's default transaction.max.timeout.ms (15 min): the alert events of a checkpoint stay in their
     * transaction until it completes, and a checkpoint held up by an Elasticsearch outage may take minutes.
     */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private MonitorConnectors() {}

    /**
     * The raw topics of the namespace (news, Weibo, WeChat and policy) and its control topic, each record read on the way out, from the consumer group's committed offsets (earliest for a new
     * group). Bounded stops at the offsets that are latest when the job starts: a finite run over what is there.
     */
    @SuppressWarnings("deprecation") // the connector takes only Kafka's deprecated OffsetResetStrategy here
    public static KafkaSource<ReadRecord> rawItems(SentinelConfig config, boolean bounded) {
        Namespace names = config.names();
        List<String> topics = new ArrayList<>(Arrays.stream(Channel.values()).map(names::rawTopic).toList());
        topics.add(names.rawPolicyTopic());
        topics.add(names.controlTopic());
        KafkaSourceBuilder<ReadRecord> builder = KafkaSource.<ReadRecord>builder()
                .setProperties(KafkaClients.of(config).common())
                .setTopics(topics)
                .setGroupId(names.prefix() + config.monitor().consumerGroup())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ReadingDeserializer(config.ingest()))
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Every sink of the live job: Kafka exactly-once for dead letters and alert events; Elasticsearch upserts
     * for the rest, those of alert events and cases committed with the checkpoint so they agree with the topic.
     */
    public static MonitorSinks sinks(SentinelConfig config, int watchDays) {
        return new MonitorSinks(items(config), elasticsearch(config, new PolicyDocuments(config.names(), watchDays)),
                deadLetters(config), alerts(config), committed(config, new RiskDocuments.Alerts(config.names())),
                elasticsearch(config, new RiskDocuments.Points(config.names())), committed(config, new RiskDocuments.Cases(config.names())));
    }

    private static <T> Sink<T> elasticsearch(SentinelConfig config, DocumentRouter<T> router) {
        return new ElasticsearchSink<>(config, router);
    }

    /** Documents that must agree with the exactly-once alert topic: indexed when their checkpoint completes. */
    private static <T> Sink<T> committed(SentinelConfig config, DocumentRouter<T> router) {
        return new CommittedElasticsearchSink<>(config, router);
    }

    public static Sink<EnrichedItem> items(SentinelConfig config) {
        return new ElasticsearchSink<>(config, new ItemDocuments(config.names()));
    }

    /** Exactly-once into the alert topic: an alert event raised once appears there once, also after a restart. */
    public static Sink<Alert> alerts(SentinelConfig config) {
        Namespace names = config.names();
        return KafkaSink.<Alert>builder()
                .setKafkaProducerConfig(KafkaClients.of(config).common())
                .setRecordSerializer(new AlertSerializer(names.alertsTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(names.prefix() + "yq-monitor-alerts")
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .build();
    }

    /** Exactly-once into the dead-letter topic: a record refused once appears there once, also after a restart. */
    public static Sink<DeadLetter> deadLetters(SentinelConfig config) {
        Namespace names = config.names();
        return KafkaSink.<DeadLetter>builder()
                .setKafkaProducerConfig(KafkaClients.of(config).common())
                .setRecordSerializer(new DeadLetterSerializer(names.deadLetterTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(names.prefix() + "yq-monitor-deadletters")
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .build();
    }
}
