package org.yqsentinel.pipeline.elasticsearch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Sink V2 to Elasticsearch whose documents become visible only with the checkpoint that holds them, as
 * the exactly-once Kafka topic's records do for read_committed readers: the writer keeps each
 * checkpoint's documents as its committable (in the checkpoint), and the committer indexes them once the
 * checkpoint is complete. An attempt that fails before its checkpoint leaves nothing behind, so the index
 * holds exactly what the topic holds; a commit repeated after a restore overwrites the same ids. For the
 * alert events and the cases, which must agree with {@code yq.alerts}; documents wait up to one checkpoint
 * interval.
 */
public final class CommittedElasticsearchSink<T> implements Sink<T>, SupportsCommitter<CommittedElasticsearchSink.Batch> {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedElasticsearchSink.class);

    /** The documents of one checkpoint of one writer, the latest version of each. */
    public record Batch(List<IndexedDocument> documents) {
        public Batch {
            documents = List.copyOf(documents);
        }
    }

    private final SentinelConfig config;
    private final DocumentRouter<T> router;

    /** To the configured Elasticsearch (its URL, credentials and CA), with the bulk settings of {@code monitor.bulk}. */
    public CommittedElasticsearchSink(SentinelConfig config, DocumentRouter<T> router) {
        this.config = Objects.requireNonNull(config, "config");
        this.router = Objects.requireNonNull(router, "router");
        ElasticsearchSink.validate(config.elasticsearchUrl(), config.monitor().bulk());
    }

    @Override
    public CommittingSinkWriter<T, Batch> createWriter(WriterInitContext context) {
        return new Writer<>(router, context.metricGroup().getNumRecordsSendCounter());
    }

    @Override
    public Committer<Batch> createCommitter(CommitterInitContext context) {
        // failed documents fail the commit, which Flink counts as numCommittablesFailure; esDocumentsFailed counts them too
        return new IndexingCommitter(new BulkWriter(config, new ElasticsearchSink.Metrics(context.metricGroup(), new SimpleCounter())));
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
        return new BatchSerializer();
    }

    /** Collects the documents until the checkpoint barrier, then hands them over as one batch. */
    static final class Writer<T> implements CommittingSinkWriter<T, Batch> {
        private final DocumentRouter<T> router;
        private final Counter sent;
        private Map<String, IndexedDocument> pending = new LinkedHashMap<>();

        Writer(DocumentRouter<T> router, Counter sent) {
            this.router = router;
            this.sent = sent;
        }

        @Override
        public void write(T element, Context context) {
            IndexedDocument document = router.route(element);
            String key = document.index() + "/" + document.id();
            pending.remove(key);  // a later version of the same document (a case updated again) wins, in the order written
            pending.put(key, document);
            sent.inc();
        }

        @Override
        public void flush(boolean endOfInput) {
            // nothing to send here: the batch goes with the checkpoint
        }

        @Override
        public Collection<Batch> prepareCommit() {
            if (pending.isEmpty()) {
                return List.of();
            }
            Batch batch = new Batch(new ArrayList<>(pending.values()));
            pending = new LinkedHashMap<>();
            return List.of(batch);
        }

        @Override
        public void close() {
            pending.clear();
        }
    }

    /** Indexes each complete checkpoint's batches; a failure fails the job, whose restore commits them again. */
    private static final class IndexingCommitter implements Committer<Batch> {
        private final BulkWriter bulk;

        IndexingCommitter(BulkWriter bulk) {
            this.bulk = bulk;
        }

        @Override
        public void commit(Collection<CommitRequest<Batch>> requests) throws InterruptedException {
            try {
                for (CommitRequest<Batch> request : requests) {
                    for (IndexedDocument document : request.getCommittable().documents()) {
                        bulk.add(document);
                    }
                }
                bulk.flush();
            } catch (ElasticsearchSinkException e) {
                LOG.warn("committed documents not indexed, the job restarts to index them again: {}", e.getMessage());
                requests.forEach(r -> r.signalFailedWithUnknownReason(e));
            }
        }

        @Override
        public void close() {
            bulk.close();
        }
    }

    /**
     * Version 2: count, then per document its index, id, JSON bytes and whether it is merged. Version 1
     * (without the flag) is still read, as documents that replace.
     */
    static final class BatchSerializer implements SimpleVersionedSerializer<Batch> {
        @Override
        public int getVersion() {
            return 2;
        }

        @Override
        public byte[] serialize(Batch batch) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(batch.documents().size());
                for (IndexedDocument document : batch.documents()) {
                    out.writeUTF(document.index());
                    out.writeUTF(document.id());
                    out.writeInt(document.json().length);
                    out.write(document.json());
                    out.writeBoolean(document.merge());
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Batch deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1 && version != 2) {
                throw new IOException("unknown version " + version + " of a batch of Elasticsearch documents");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int count = in.readInt();
                List<IndexedDocument> documents = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String index = in.readUTF();
                    String id = in.readUTF();
                    byte[] json = new byte[in.readInt()];
                    in.readFully(json);
                    documents.add(new IndexedDocument(index, id, json, version != 1 && in.readBoolean()));
                }
                return new Batch(documents);
            }
        }
    }
}
