package org.yqsentinel.pipeline.kafka;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.DeadLetterHeaders;

/** Writes a {@link DeadLetter} as its original key and value plus {@link DeadLetterHeaders}. */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.of(letter).forEach(headers::add);
        return new ProducerRecord<>(topic, null, letter.timestamp(), letter.key(), letter.value(), headers);
    }
}
