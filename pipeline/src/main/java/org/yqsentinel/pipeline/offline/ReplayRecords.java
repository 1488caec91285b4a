package org.yqsentinel.pipeline.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.read.RawRecordReader;
import org.yqsentinel.pipeline.read.ReadRecord;

/**
 * The records of a {@link KafkaArchive} that a replay of a time range runs the monitor job over: every post whose
 * publish time falls in the range, every policy document and every control message (the rules in force at each
 * moment), each read by the same {@link RawRecordReader} as the live job. Records that cannot be read were dead letters
 * the first time and are left out. As {@link OfflineRecords}, the source emits policies and control messages first,
 * then the posts in publish-time order (ties in topic, partition and offset order), so the same archive and range
 * always give the same run.
 */
public final class ReplayRecords implements GeneratorFunction<Long, ReadRecord> {

    /** What a range selects from the archive. */
    public record Selection(List<ReadRecord> records, long read, long posts, List<PolicyDocument> policies, long controls) {}

    private final KafkaArchive archive;
    private final long fromMillis;
    private final long toMillis;
    private final SentinelConfig.Ingest limits;
    private transient List<ReadRecord> records;

    private ReplayRecords(KafkaArchive archive, Instant from, Instant to, SentinelConfig.Ingest limits) {
        this.archive = archive;
        this.fromMillis = from.toEpochMilli();
        this.toMillis = to.toEpochMilli();
        this.limits = limits;
    }

    /** The records of the archive for the range [from, to), read once now. */
    public static Selection select(KafkaArchive archive, Instant from, Instant to, SentinelConfig.Ingest limits) {
        return new ReplayRecords(archive, from, to, limits).selectAll();
    }

    /** The bounded source of the records a selection counted; it reads the archive again when the job opens it. */
    public static DataGeneratorSource<ReadRecord> source(KafkaArchive archive, Instant from, Instant to, SentinelConfig.Ingest limits,
                                                         Selection selection) {
        return new DataGeneratorSource<>(new ReplayRecords(archive, from, to, limits), selection.records().size(),
                TypeInformation.of(ReadRecord.class));
    }

    @Override
    public void open(SourceReaderContext context) {
        records = selectAll().records();
    }

    @Override
    public ReadRecord map(Long index) {
        return records.get(Math.toIntExact(index));
    }

    private Selection selectAll() {
        RawRecordReader reader = new RawRecordReader(limits);
        List<ReadRecord> kept = new ArrayList<>();
        long[] read = new long[1];
        archive.forEach(raw -> {
            read[0]++;
            ReadRecord record = reader.read(raw);
            boolean post = record.item() != null;
            if (post ? record.eventTimeMillis() >= fromMillis && record.eventTimeMillis() < toMillis
                    : record.policy() != null || record.control() != null) {
                kept.add(record);
            }
        });
        kept.sort(Comparator.comparingLong(ReadRecord::eventTimeMillis));  // stable: ties keep the archive's order
        long posts = kept.stream().filter(r -> r.item() != null).count();
        List<PolicyDocument> policies = kept.stream().map(ReadRecord::policy).filter(Objects::nonNull).toList();
        long controls = kept.stream().filter(r -> r.control() != null).count();
        return new Selection(kept, read[0], posts, policies, controls);
    }
}
