package org.yqsentinel.pipeline.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.json.Json;

/**
 * Writes an alert event to {@code yq.alerts} as JSON, keyed by its subject (policy id) so that the events
 * of one policy stay in order on one partition. The record time is when the event was raised.
 */
public final class AlertSerializer implements KafkaRecordSerializationSchema<Alert> {

    private final String topic;

    public AlertSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Alert alert, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, null, alert.subjectId().getBytes(UTF_8), Json.toBytes(alert));
    }
}
