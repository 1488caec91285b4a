package org.yqsentinel.pipeline.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Upserts documents through the Elasticsearch client's {@link BulkIngester}, replacing the stored ones or
 * merging into them (see {@link IndexedDocument}). {@link #flush()} returns only when every document added so
 * far is acknowledged, so a checkpoint taken after it loses nothing. Item failures that may pass on retry
 * (429, 502, 503, 504, and whole requests that could not be sent) are retried with exponential backoff;
 * anything else, or running out of retries, is a permanent failure that the next {@code add} or
 * {@code flush} throws. No Flink types: testable alone.
 */
public final class BulkWriter implements AutoCloseable {

    /** Counts for metrics; called from the client's threads. */
    public interface Listener {
        void indexed(int documents);

        void retried(int documents);

        void failed(int documents);

        void bulkRequest(int documents);

        Listener NONE = new Listener() {
            public void indexed(int documents) {}

            public void retried(int documents) {}

            public void failed(int documents) {}

            public void bulkRequest(int documents) {}
        };
    }

    static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    static final int RETRIES_ON_CONFLICT = 3;
    private static final byte[] MERGE_HEAD = "{\"doc\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MERGE_TAIL = ",\"doc_as_upsert\":true}".getBytes(StandardCharsets.UTF_8);

    private record Pending(IndexedDocument document, int attempt) {}

    private final RestClientTransport transport;
    private final BulkIngester<Pending> ingester;
    private final ScheduledExecutorService retries;
    private final SentinelConfig.Bulk settings;
    private final Listener listener;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicReference<ElasticsearchSinkException> failure = new AtomicReference<>();
    private final Object progress = new Object();

    public BulkWriter(String url, SentinelConfig.Bulk settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
        this.transport = new RestClientTransport(RestClient.builder(HttpHost.create(url)).build(), new JacksonJsonpMapper());
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "elasticsearch-bulk-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.ingester = BulkIngester.of(b -> b
                .client(new ElasticsearchClient(transport))
                .maxOperations(settings.maxOperations())
                .maxConcurrentRequests(settings.maxConcurrentRequests())
                .maxSize(5L * 1024 * 1024)
                .flushInterval(settings.flushIntervalMillis(), TimeUnit.MILLISECONDS)
                .listener(new Outcomes()));
    }

    public void add(IndexedDocument document) {
        throwIfFailed();
        outstanding.incrementAndGet();
        submit(new Pending(document, 0));
    }

    /** Sends what is buffered and waits until every document added so far is acknowledged or failed for good. */
    public void flush() throws InterruptedException {
        ingester.flush();
        synchronized (progress) {
            while (outstanding.get() > 0 && failure.get() == null) {
                progress.wait(100);
                ingester.flush();
            }
        }
        throwIfFailed();
    }

    /** Documents added but not yet acknowledged, including those waiting for a retry. */
    public int pending() {
        return outstanding.get();
    }

    private void submit(Pending pending) {
        ingester.add(operation(pending.document()), pending);
    }

    /**
     * The bulk operation that writes the document: an index (replace) by default; when merged, an update with
     * the JSON as its partial {@code doc} and {@code doc_as_upsert}, so a new id stores the JSON as is, its
     * explicit nulls clearing stored values. The bytes go out as written, never parsed again. An update retries
     * a version conflict (someone else wrote the document between its read and its write).
     */
    static BulkOperation operation(IndexedDocument doc) {
        if (!doc.merge()) {
            return BulkOperation.of(op -> op.index(i -> i.index(doc.index()).id(doc.id())
                    .document(BinaryData.of(doc.json(), ContentType.APPLICATION_JSON))));
        }
        byte[] action = concat(MERGE_HEAD, doc.json(), MERGE_TAIL);
        return BulkOperation.of(op -> op.update(u -> u.index(doc.index()).id(doc.id())
                .retryOnConflict(RETRIES_ON_CONFLICT)
                .binaryAction(BinaryData.of(action, ContentType.APPLICATION_JSON))));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private void retryLater(List<Pending> pendings) {
        if (pendings.isEmpty()) {
            return;
        }
        int attempt = pendings.get(0).attempt();
        long delay = Math.min(MAX_BACKOFF_MILLIS, settings.initialBackoffMillis() << Math.min(attempt, 20));
        listener.retried(pendings.size());
        retries.schedule(() -> pendings.forEach(p -> submit(new Pending(p.document(), p.attempt() + 1))),
                delay, TimeUnit.MILLISECONDS);
    }

    private void resolved(int documents) {
        outstanding.addAndGet(-documents);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void fail(String message) {
        failure.compareAndSet(null, new ElasticsearchSinkException(message));
    }

    private void throwIfFailed() {
        ElasticsearchSinkException e = failure.get();
        if (e != null) {
            throw new ElasticsearchSinkException(e.getMessage());
        }
    }

    private final class Outcomes implements BulkListener<Pending> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
            listener.bulkRequest(contexts.size());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            List<Pending> again = new ArrayList<>();
            int indexed = 0;
            int failed = 0;
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                Pending pending = contexts.get(i);
                if (item.error() == null) {
                    indexed++;
                } else if (RETRYABLE_STATUS.contains(item.status()) && pending.attempt() < settings.maxRetries()) {
                    again.add(pending);
                } else {
                    failed++;
                    fail("Elasticsearch refused document " + item.id() + " in " + item.index() + " (status "
                            + item.status() + "): " + describe(item.error())
                            + (RETRYABLE_STATUS.contains(item.status()) ? " after " + settings.maxRetries() + " retries" : ""));
                }
            }
            listener.indexed(indexed);
            if (failed > 0) {
                listener.failed(failed);
            }
            retryLater(again);
            resolved(indexed + failed);
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable cause) {
            List<Pending> again = contexts.stream().filter(p -> p.attempt() < settings.maxRetries()).toList();
            int failed = contexts.size() - again.size();
            if (failed > 0) {
                listener.failed(failed);
                fail("bulk request of " + contexts.size() + " documents failed after " + settings.maxRetries()
                        + " retries: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            retryLater(again);
            resolved(failed);
        }
    }

    private static String describe(ErrorCause error) {
        return error.type() + ": " + error.reason();
    }

    @Override
    public void close() {
        try {
            ingester.close();
        } finally {
            retries.shutdownNow();
            try {
                transport.close();
            } catch (IOException ignored) {
                // the connection pool is gone either way
            }
        }
    }
}
