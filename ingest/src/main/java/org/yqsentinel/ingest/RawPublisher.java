package org.yqsentinel.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.yqsentinel.connect.KafkaClients;

/**
 * Sends raw records, byte for byte as the crawler wrote them, to a raw topic; idempotent producer,
 * acks from all replicas, and {@link #send} returns only when Kafka has acknowledged every record.
 */
public final class RawPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    public RawPublisher(KafkaClients kafka) {
        this.producer = kafka.producer(Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000));
    }

    /** Sends the records in order and waits for every acknowledgement; returns how many were sent. */
    public int send(String topic, List<byte[]> records) {
        List<Future<RecordMetadata>> acks = records.stream()
                .map(value -> producer.send(new ProducerRecord<byte[], byte[]>(topic, value)))
                .toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused records for " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        }
        return acks.size();
    }

    @Override
    public void close() {
        producer.close();
    }
}
