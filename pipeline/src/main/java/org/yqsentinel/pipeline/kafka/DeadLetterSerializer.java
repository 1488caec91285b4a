package org.yqsentinel.pipeline.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

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
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, letter.sourceTopic().getBytes(UTF_8));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(letter.partition()).getBytes(UTF_8));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(letter.offset()).getBytes(UTF_8));
        headers.add(DeadLetterHeaders.SOURCE_TIMESTAMP, Long.toString(letter.timestamp()).getBytes(UTF_8));
        headers.add(DeadLetterHeaders.STAGE, letter.stage().getBytes(UTF_8));
        headers.add(DeadLetterHeaders.ADAPTER, letter.adapter().getBytes(UTF_8));
        headers.add(DeadLetterHeaders.REASON_CODE, letter.code().getBytes(UTF_8));
        headers.add(DeadLetterHeaders.REASON, letter.reason().getBytes(UTF_8));
        return new ProducerRecord<>(topic, null, letter.timestamp(), letter.key(), letter.value(), headers);
    }
}
