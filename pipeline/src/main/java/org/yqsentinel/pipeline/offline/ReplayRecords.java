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
 * The records of an {@link Archive} that a replay of a time range runs the monitor job over: every post whose
 * publish time falls in the range, every policy document and every control message (the rules in force at each
 * moment), each read by the same {@link RawRecordReader} as the live job. Records that cannot be read were dead letters
 * the first time and are left out. As {@link OfflineRecords}, the source emits policies and control messages first,
 * then the posts in publish-time order (ties in topic, partition and offset order), so the same archive and range
 * always give the same run.
 */
public final class ReplayRecords implements GeneratorFunction<Long, ReadRecord> {

    /** What a range selects from the archive. */
    public record Selection(List<ReadRecord> records, long read, long posts, List<PolicyDocument> policies, long controls) {}

    private final Archive archive;
    private final long fromMillis;
    private final long toMillis;
    private final SentinelConfig.Ingest limits;
    /** Whether the source tells on stderr how far it has come (for a person at the command line). */
    private final boolean progress;
    private transient List<ReadRecord> records;
    private transient long reached;

    private ReplayRecords(Archive archive, Instant from, Instant to, SentinelConfig.Ingest limits, boolean progress) {
        this.archive = archive;
        this.progress = progress;
        this.fromMillis = from.toEpochMilli();
        this.toMillis = to.toEpochMilli();
        this.limits = limits;
    }

    /** The records of the archive for the range [from, to), read once now. */
    public static Selection select(Archive archive, Instant from, Instant to, SentinelConfig.Ingest limits) {
        return new ReplayRecords(archive, from, to, limits, false).selectAll();
    }

    /**
     * The bounded source of the records a selection counted; it reads the archive again when the job opens it. With
     * {@code progress}, it prints on stderr, about ten times over the run, how many records it has given the job and the
     * event time they reached.
     */
    public static DataGeneratorSource<ReadRecord> source(Archive archive, Instant from, Instant to, SentinelConfig.Ingest limits,
                                                         Selection selection, boolean progress) {
        return new DataGeneratorSource<>(new ReplayRecords(archive, from, to, limits, progress), selection.records().size(),
                TypeInformation.of(ReadRecord.class));
    }

    @Override
    public void open(SourceReaderContext context) {
        records = selectAll().records();
        reached = Long.MIN_VALUE;
    }

    @Override
    public ReadRecord map(Long index) {
        ReadRecord record = records.get(Math.toIntExact(index));
        if (progress) {
            reached = Math.max(reached, record.eventTimeMillis());
            long step = Math.max(1000, records.size() / 10);
            if ((index + 1) % step == 0 || index + 1 == records.size()) {
                System.err.println("replay: " + (index + 1) + " of " + records.size() + " records given to the job"
                        + (reached > Long.MIN_VALUE ? ", event time reached " + Instant.ofEpochMilli(reached) : ""));
            }
        }
        return record;
    }

    private Selection selectAll() {
        RawRecordReader reader = new RawRecordReader(limits);
        List<ReadRecord> kept = new ArrayList<>();
        long[] read = new long[1];
        archive.forEach(raw -> {
            read[0]++;
            ReadRecord record = reader.read(raw);
            boolean post = record.item() != null;
            // people's steps on cases are left out: they change no alert, and a replay keeps no case
            boolean control = record.control() != null && record.control().caseStep() == null;
            if (post ? record.eventTimeMillis() >= fromMillis && record.eventTimeMillis() < toMillis
                    : record.policy() != null || control) {
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
