package org.yqsentinel.pipeline.elasticsearch;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Sink V2 to Elasticsearch 8 (Flink 2.x has no official connector for it): at-least-once through
 * flush on checkpoint, idempotent through the deterministic ids of the {@link DocumentRouter}.
 */
public final class ElasticsearchSink<T> implements Sink<T> {

    private final SentinelConfig config;
    private final DocumentRouter<T> router;

    /** To the configured Elasticsearch (its URL, credentials and CA), with the bulk settings of {@code monitor.bulk}. */
    public ElasticsearchSink(SentinelConfig config, DocumentRouter<T> router) {
        this.config = Objects.requireNonNull(config, "config");
        this.router = Objects.requireNonNull(router, "router");
        validate(config.elasticsearchUrl(), config.monitor().bulk());
    }

    static void validate(String url, SentinelConfig.Bulk bulk) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("Elasticsearch URL must start with http:// or https://, got '" + url + "'");
        }
        if (bulk.maxOperations() < 1 || bulk.maxConcurrentRequests() < 1 || bulk.maxRetries() < -1
                || bulk.maxBackoffMillis() < bulk.initialBackoffMillis()) {
            throw new IllegalArgumentException("bulk settings need max-operations ≥ 1, max-concurrent-requests ≥ 1,"
                    + " max-retries ≥ -1 (-1: without end) and max-backoff-millis ≥ initial-backoff-millis, got " + bulk);
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(new BulkWriter(config, new Metrics(context.metricGroup(),
                context.metricGroup().getNumRecordsSendErrorsCounter())), router,
                context.metricGroup().getNumRecordsSendCounter());
    }

    /** Hands each element to the {@link BulkWriter}; flush blocks until Elasticsearch has acknowledged everything. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final BulkWriter bulk;
        private final DocumentRouter<T> router;
        private final Counter sent;

        Writer(BulkWriter bulk, DocumentRouter<T> router, Counter sent) {
            this.bulk = bulk;
            this.router = router;
            this.sent = sent;
        }

        @Override
        public void write(T element, Context context) throws InterruptedException {
            bulk.add(router.route(element));
            sent.inc();
        }

        @Override
        public void flush(boolean endOfInput) throws InterruptedException {
            bulk.flush();
        }

        @Override
        public void close() {
            bulk.close();
        }
    }

    /** Counters under the sink's metric group: esDocumentsIndexed, esDocumentsRetried, esDocumentsFailed, esBulkRequests. */
    static final class Metrics implements BulkWriter.Listener {
        private final Counter indexed;
        private final Counter retried;
        private final Counter failed;
        private final Counter requests;
        private final Counter sendErrors;

        Metrics(MetricGroup group, Counter sendErrors) {
            this.sendErrors = sendErrors;
            this.indexed = group.counter("esDocumentsIndexed");
            this.retried = group.counter("esDocumentsRetried");
            this.failed = group.counter("esDocumentsFailed");
            this.requests = group.counter("esBulkRequests");
        }

        public void indexed(int documents) {
            indexed.inc(documents);
        }

        public void retried(int documents) {
            retried.inc(documents);
        }

        public void failed(int documents) {
            failed.inc(documents);
            sendErrors.inc(documents);
        }

        public void bulkRequest(int documents) {
            requests.inc();
        }
    }
}
