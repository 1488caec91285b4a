package org.yqsentinel.pipeline.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.connect.Backoff;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Upserts documents in bulk requests, replacing the stored ones or merging into them (see {@link IndexedDocument}):
 * a batch goes out at max-operations documents or 5 MB, or after flush-interval-millis, on up to
 * max-concurrent-requests sender threads that each block on their request and hold no lock of ours. (The client's
 * own {@code BulkIngester} locked itself up twice in the Elasticsearch-outage fault test: a deadlock with the HTTP
 * reactor when connections are refused, elastic/elasticsearch-java#925, and a lost wake-up between its concurrent
 * flushes while retries came back.) {@link #flush()} returns only when every document added so
 * far is acknowledged, so a checkpoint taken after it loses nothing.
 *
 * <ul>
 *   <li>Failures that may pass on retry (429, 502, 503, 504, and whole requests that could not be sent: an
 *       outage) are retried with a backoff doubling up to {@code max-backoff-millis}, without end unless
 *       {@code max-retries} is set; running out of retries is a failure that the next {@code add} or
 *       {@code flush} throws. While documents wait, {@link #add} blocks once {@link #maxPending} are unacknowledged,
 *       which holds the job back (back-pressure) instead of filling the memory; the outage and its end are one
 *       log line each.</li>
 *   <li>A document Elasticsearch refuses for good (a 400: mapping, an immense term) is one log line and a count;
 *       the others go on, so that one document cannot stop the job.</li>
 * </ul>
 *
 * No Flink types: testable alone.
 */
public final class BulkWriter implements AutoCloseable {

    /** Counts for metrics; called from the client's threads. */
    public interface Listener {
        void indexed(int documents);

        void retried(int documents);

        /** Documents given up: refused for good, or out of retries. */
        void failed(int documents);

        void bulkRequest(int documents);

        Listener NONE = new Listener() {
            public void indexed(int documents) {}

            public void retried(int documents) {}

            public void failed(int documents) {}

            public void bulkRequest(int documents) {}
        };
    }

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
    static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    static final int RETRIES_ON_CONFLICT = 3;
    private static final byte[] MERGE_HEAD = "{\"doc\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MERGE_TAIL = ",\"doc_as_upsert\":true}".getBytes(StandardCharsets.UTF_8);

    private record Pending(IndexedDocument document, int attempt) {}

    /** A bulk request goes out at this many bytes of documents, if it has not reached max-operations first. */
    static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;

    private final ElasticsearchConnection connection;
    private final ElasticsearchClient client;
    private final Backoff backoff;
    /** Sends bulk requests, max-concurrent-requests at a time; each thread blocks on its request, holding no lock of ours. */
    private final ExecutorService senders;
    /** The periodic flush and the retries. */
    private final ScheduledExecutorService timer;
    private final Object batchLock = new Object();
    private List<Pending> batch = new ArrayList<>();
    private long batchBytes;
    private final SentinelConfig.Bulk settings;
    private final Listener listener;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicReference<ElasticsearchSinkException> failure = new AtomicReference<>();
    private final Object progress = new Object();
    private final int maxPending;
    private final String url;
    /** When the current outage began (the first retry after a success), or 0 while Elasticsearch answers. */
    private final AtomicLong outageSince = new AtomicLong();

    /** To an Elasticsearch without security (a test's). */
    public BulkWriter(String url, SentinelConfig.Bulk settings, Listener listener) {
        this(ElasticsearchConnection.open(url), url, settings, listener);
    }

    /** To the configured Elasticsearch, with its credentials and CA (files read here), by the settings of {@code monitor.bulk}. */
    public BulkWriter(SentinelConfig config, Listener listener) {
        this(ElasticsearchConnection.open(config), config.elasticsearchUrl(), config.monitor().bulk(), listener);
    }

    private BulkWriter(ElasticsearchConnection connection, String url, SentinelConfig.Bulk settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
        this.url = url;
        this.maxPending = settings.maxOperations() * (settings.maxConcurrentRequests() + 4);
        this.connection = connection;
        this.client = connection.client();
        this.backoff = Backoff.ofMillis(settings.initialBackoffMillis(), settings.maxBackoffMillis());
        this.senders = Executors.newFixedThreadPool(settings.maxConcurrentRequests(), daemon("elasticsearch-bulk"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("elasticsearch-bulk-timer"));
        timer.scheduleWithFixedDelay(this::sendBatch, settings.flushIntervalMillis(), settings.flushIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Hands the document over; blocks while {@link #maxPending} documents wait for Elasticsearch (an outage). */
    public void add(IndexedDocument document) throws InterruptedException {
        throwIfFailed();
        if (outstanding.get() >= maxPending) {
            synchronized (progress) {
                while (outstanding.get() >= maxPending && failure.get() == null) {
                    progress.wait(100);
                }
            }
            throwIfFailed();
        }
        outstanding.incrementAndGet();
        submit(new Pending(document, 0));
    }

    /** Sends what is buffered and waits until every document added so far is acknowledged or failed for good. */
    public void flush() throws InterruptedException {
        sendBatch();
        synchronized (progress) {
            while (outstanding.get() > 0 && failure.get() == null) {
                progress.wait(100);
                sendBatch();  // retries come back into the batch
            }
        }
        throwIfFailed();
    }

    /** Documents added but not yet acknowledged, including those waiting for a retry. */
    public int pending() {
        return outstanding.get();
    }

    /** Into the batch; a full batch goes out. */
    private void submit(Pending pending) {
        synchronized (batchLock) {
            batch.add(pending);
            batchBytes += pending.document().json().length;
            if (batch.size() >= settings.maxOperations() || batchBytes >= MAX_REQUEST_BYTES) {
                sendBatchLocked();
            }
        }
    }

    private void sendBatch() {
        synchronized (batchLock) {
            sendBatchLocked();
        }
    }

    private void sendBatchLocked() {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> request = batch;
        batch = new ArrayList<>();
        batchBytes = 0;
        try {
            senders.execute(() -> send(request));
        } catch (RejectedExecutionException e) {
            // closed: what is left is not acknowledged, and the checkpoint that needed it fails
        }
    }

    /** One bulk request, on a sender thread: its outcome item by item, or the failure of the whole request. */
    private void send(List<Pending> request) {
        listener.bulkRequest(request.size());
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(request.stream().map(p -> operation(p.document())).toList()));
        } catch (IOException | RuntimeException e) {
            requestFailed(request, e);
            return;
        }
        answered(request, response);
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

    /** Whether a document that failed this many times may be tried again. */
    private boolean mayRetry(Pending pending) {
        return settings.maxRetries() < 0 || pending.attempt() < settings.maxRetries();
    }

    private void retryLater(List<Pending> pendings, String why) {
        if (pendings.isEmpty()) {
            return;
        }
        int attempt = pendings.get(0).attempt();
        long delay = backoff.after(attempt + 1).toMillis();
        if (outageSince.compareAndSet(0, System.currentTimeMillis())) {
            LOG.warn("Elasticsearch at {} does not take documents ({}); holding {} and retrying, every {} s at most;"
                    + " the job waits meanwhile", url, why, outstanding.get(), settings.maxBackoffMillis() / 1000);
        }
        listener.retried(pendings.size());
        try {
            timer.schedule(() -> pendings.forEach(p -> submit(new Pending(p.document(), p.attempt() + 1))), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: these stay unacknowledged
        }
    }

    private void backAgain() {
        long since = outageSince.getAndSet(0);
        if (since != 0) {
            LOG.warn("Elasticsearch at {} takes documents again after {} s; {} waiting documents being sent", url,
                    (System.currentTimeMillis() - since) / 1000, outstanding.get());
        }
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

    private void answered(List<Pending> contexts, BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        List<Pending> again = new ArrayList<>();
        int indexed = 0;
        int failed = 0;
        String retryWhy = null;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            Pending pending = contexts.get(i);
            if (item.error() == null) {
                indexed++;
            } else if (RETRYABLE_STATUS.contains(item.status()) && mayRetry(pending)) {
                again.add(pending);
                retryWhy = "status " + item.status() + ": " + describe(item.error());
            } else if (RETRYABLE_STATUS.contains(item.status())) {
                failed++;
                fail("Elasticsearch refused document " + item.id() + " in " + item.index() + " (status "
                        + item.status() + "): " + describe(item.error()) + " after " + settings.maxRetries() + " retries");
            } else {
                failed++;
                LOG.warn("Elasticsearch refused document {} in {} for good (status {}): {}; it is skipped, the others go on",
                        item.id(), item.index(), item.status(), describe(item.error()));
            }
        }
        if (again.isEmpty()) {
            backAgain();
        }
        listener.indexed(indexed);
        if (failed > 0) {
            listener.failed(failed);
        }
        retryLater(again, retryWhy);
        resolved(indexed + failed);
    }

    /** A request that got no answer (Elasticsearch unreachable, or an error status for the whole request). */
    private void requestFailed(List<Pending> contexts, Exception cause) {
        List<Pending> again = contexts.stream().filter(this::mayRetry).toList();
        int failed = contexts.size() - again.size();
        if (failed > 0) {
            listener.failed(failed);
            fail("bulk request of " + contexts.size() + " documents failed after " + settings.maxRetries()
                    + " retries: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        retryLater(again, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        resolved(failed);
    }

    private static String describe(ErrorCause error) {
        return error.type() + ": " + error.reason();
    }

    @Override
    public void close() {
        try {
            timer.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.shutdownNow();
            connection.close();
        }
    }
}
