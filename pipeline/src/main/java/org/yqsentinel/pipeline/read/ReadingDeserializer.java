package org.yqsentinel.pipeline.read;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.read.RawRecord;

/**
 * Reads each Kafka record as it leaves the source, so items carry their publish time into the
 * source's per-partition watermarks. Never fails: what cannot be read becomes a dead letter.
 */
public final class ReadingDeserializer implements KafkaRecordDeserializationSchema<ReadRecord> {

    private final SentinelConfig.Ingest limits;
    private transient RawRecordReader reader;

    public ReadingDeserializer(SentinelConfig.Ingest limits) {
        this.limits = limits;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        reader = new RawRecordReader(limits);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ReadRecord> out) {
        out.collect(reader.read(new RawRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value())));
    }

    @Override
    public TypeInformation<ReadRecord> getProducedType() {
        return TypeInformation.of(ReadRecord.class);
    }
}
