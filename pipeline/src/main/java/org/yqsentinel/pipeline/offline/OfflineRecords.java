package org.yqsentinel.pipeline.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.read.RawRecord;
import org.yqsentinel.pipeline.read.RawRecordReader;
import org.yqsentinel.pipeline.read.ReadRecord;

/**
 * Archived files as the monitor job's bounded source: policy files (policy pages as text or HTML, or
 * PolicyDocument JSON lines) and item files (canonical Item JSON lines, each on the topic of its own
 * {@code channel}, or raw crawler records of one channel). Every record is read by the same
 * {@link RawRecordReader} as on Kafka, as if it sat on its topic at the offset of its place in the file;
 * what cannot be read becomes a dead letter whose key is the file's path, so that refusals point at
 * {@code file:line}. Files are cut as streams; the records, read, are held to be sorted. The source emits the policies and other timeless records
 * first, then the items in publish-time order across all files (ties in file order), as the live job's
 * per-partition watermarks would merge them: a file of Weibo posts given after a file of news is not
 * late because of it, and every post meets the policies published before it.
 */
public final class OfflineRecords implements GeneratorFunction<Long, ReadRecord> {

    /** A file and the topic its records go on ({@code null} channel: canonical items, each on its own channel's topic). */
    public record Input(String path, boolean policies, Channel channel) implements Serializable {}

    private final List<Input> inputs;
    private final long seenAtMillis;
    private final SentinelConfig.Ingest limits;
    private transient List<ReadRecord> records;

    private OfflineRecords(List<Input> inputs, Instant seenAt, SentinelConfig.Ingest limits) {
        this.inputs = List.copyOf(inputs);
        this.seenAtMillis = seenAt.toEpochMilli();
        this.limits = limits;
    }

    /**
     * The bounded source of these policy files and item files, each item file with its own channel (or null).
     *
     * @param seenAt when the records count as seen: relative times ("5分钟前") without a crawl time resolve against it
     */
    public static DataGeneratorSource<ReadRecord> source(List<Path> policyFiles, List<Input> itemFiles, Instant seenAt,
                                                         SentinelConfig.Ingest limits) {
        List<Input> inputs = new ArrayList<>();
        policyFiles.forEach(p -> inputs.add(new Input(p.toString(), true, null)));
        inputs.addAll(itemFiles);
        OfflineRecords records = new OfflineRecords(inputs, seenAt, limits);
        long[] count = new long[1];
        records.forEachRecord((record, refusal) -> count[0]++);
        return new DataGeneratorSource<>(records, count[0], TypeInformation.of(ReadRecord.class));
    }

    /** The policy documents that these policy files hold (what cannot be read as one is left to the job's dead letters). */
    public static List<PolicyDocument> policies(List<Path> policyFiles, Instant seenAt, SentinelConfig.Ingest limits) {
        List<Input> inputs = policyFiles.stream().map(p -> new Input(p.toString(), true, null)).toList();
        return new OfflineRecords(inputs, seenAt, limits).readAll().stream().map(ReadRecord::policy).filter(Objects::nonNull).toList();
    }

    @Override
    public void open(SourceReaderContext context) {
        records = readAll();
        records.sort(Comparator.comparingLong(ReadRecord::eventTimeMillis));  // stable: ties keep file order
    }

    private List<ReadRecord> readAll() {
        RawRecordReader reader = new RawRecordReader(limits);
        List<ReadRecord> read = new ArrayList<>();
        forEachRecord((record, refusal) -> read.add(refusal == null ? reader.read(record)
                : RawRecordReader.refused(record, refusal.code(), refusal.reason())));
        return read;
    }

    @Override
    public ReadRecord map(Long index) {
        return records.get(Math.toIntExact(index));
    }

    /**
     * Every record of the inputs, in order, with its topic, its place in the file as offset and the file as key,
     * and the refusal the cutting found, if any.
     */
    private void forEachRecord(BiConsumer<RawRecord, RawRecordFiles.Refusal> each) {
        Namespace names = Namespace.DEFAULT;
        for (Input input : inputs) {
            byte[] key = input.path().getBytes(StandardCharsets.UTF_8);
            try (InputStream in = Files.newInputStream(Path.of(input.path()))) {
                RawRecordFiles.read(input.path(), in, input.policies(), limits.maxRecordBytes(), line -> {
                    String topic = input.policies() ? names.rawPolicyTopic() : names.rawTopic(channelOf(input, line));
                    each.accept(new RawRecord(topic, 0, line.line(), seenAtMillis, key, line.value()), line.refusal());
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + input.path(), e);
            }
        }
    }

    /** The channel of a record: the input's, else the canonical item's own {@code channel} (news when it has none it names). */
    private static Channel channelOf(Input input, RawRecordFiles.RawLine line) {
        if (input.channel() != null) {
            return input.channel();
        }
        if (line.refusal() != null) {
            return Channel.NEWS;
        }
        try {
            JsonNode node = Json.mapper().readTree(line.value());
            if (node != null && node.hasNonNull("channel")) {
                return Channel.of(node.get("channel").asText());
            }
        } catch (IOException | RuntimeException e) {
            // not readable here: the reader refuses it on the news topic with the reason
        }
        return Channel.NEWS;
    }
}
