package org.yqsentinel.pipeline.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.setup.ElasticsearchConnection;

/** The bulk writer against the real Elasticsearch of the local stack. */
@ExtendWith(LocalStackExtension.class)
class BulkWriterIT {

    private static final SentinelConfig.Bulk BULK = new SentinelConfig.Bulk(500, 2, 60_000, 3, 50);

    private final StackContext stack;
    private final String index;

    /** Each test writes its own monthly items index, so counts do not mix and the strict template applies. */
    private static final AtomicInteger MONTHS = new AtomicInteger();

    BulkWriterIT(StackContext stack) {
        this.stack = stack;
        this.index = stack.namespace().itemsIndex(YearMonth.of(2020, 1).plusMonths(MONTHS.getAndIncrement()));
    }

    private static final class Counts implements BulkWriter.Listener {
        final AtomicInteger indexed = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();

        public void indexed(int n) {
            indexed.addAndGet(n);
        }

        public void retried(int n) {
            retried.addAndGet(n);
        }

        public void failed(int n) {
            failed.addAndGet(n);
        }

        public void bulkRequest(int n) {
            requests.incrementAndGet();
        }
    }

    private IndexedDocument doc(int i) {
        String json = "{\"id\":\"news:" + i + "\",\"channel\":\"news\",\"text\":\"第" + i + "条\",\"publishedAt\":\"2026-11-20T02:00:00Z\"}";
        return new IndexedDocument(index, "news:" + i, json.getBytes(StandardCharsets.UTF_8));
    }

    private long count() throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(index));
            return es.client().count(c -> c.index(index)).count();
        }
    }

    @Test
    void flushReturnsOnlyWhenEveryDocumentIsIndexedAndSameIdsDoNotDuplicate() throws Exception {
        Counts counts = new Counts();
        try (BulkWriter writer = new BulkWriter(stack.elasticsearchUrl(), BULK, counts)) {
            for (int i = 0; i < 1_234; i++) {
                writer.add(doc(i));
            }
            writer.flush();
            assertThat(writer.pending()).isZero();
            assertThat(counts.indexed).hasValue(1_234);
            assertThat(count()).isEqualTo(1_234);

            for (int i = 0; i < 1_234; i++) {
                writer.add(doc(i));
            }
            writer.flush();
        }
        assertThat(count()).as("upserts by id").isEqualTo(1_234);
        assertThat(counts.requests.get()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void itemsRejectedWith429AreRetriedUntilIndexed() throws Exception {
        Counts counts = new Counts();
        try (FlakyElasticsearchProxy proxy = new FlakyElasticsearchProxy(stack.elasticsearchUrl(), FlakyElasticsearchProxy.Refusal.ITEMS_429, 2);
             BulkWriter writer = new BulkWriter(proxy.url(), BULK, counts)) {
            for (int i = 0; i < 300; i++) {
                writer.add(doc(i));
            }
            writer.flush();
            assertThat(proxy.refusedRequests()).isEqualTo(2);
        }
        assertThat(counts.retried.get()).isGreaterThanOrEqualTo(300);
        assertThat(counts.failed).hasValue(0);
        assertThat(count()).isEqualTo(300);
    }

    @Test
    void bulkRequestsRefusedWith503AreRetriedUntilIndexed() throws Exception {
        Counts counts = new Counts();
        try (FlakyElasticsearchProxy proxy = new FlakyElasticsearchProxy(stack.elasticsearchUrl(), FlakyElasticsearchProxy.Refusal.REQUEST_503, 2);
             BulkWriter writer = new BulkWriter(proxy.url(), BULK, counts)) {
            for (int i = 0; i < 200; i++) {
                writer.add(doc(i));
            }
            writer.flush();
            assertThat(proxy.refusedRequests()).isEqualTo(2);
        }
        assertThat(counts.retried.get()).isGreaterThanOrEqualTo(200);
        assertThat(count()).isEqualTo(200);
    }

    @Test
    void retriesThatRunOutFailTheFlushInsteadOfDroppingDocuments() throws Exception {
        Counts counts = new Counts();
        try (FlakyElasticsearchProxy proxy = new FlakyElasticsearchProxy(stack.elasticsearchUrl(), FlakyElasticsearchProxy.Refusal.ITEMS_429, 1_000);
             BulkWriter writer = new BulkWriter(proxy.url(), BULK, counts)) {
            writer.add(doc(1));
            assertThatThrownBy(writer::flush).isInstanceOf(ElasticsearchSinkException.class)
                    .hasMessageContaining("news:1").hasMessageContaining("status 429").hasMessageContaining("after 3 retries");
        }
        assertThat(counts.retried).hasValue(3);
        assertThat(counts.failed).hasValue(1);
    }

    @Test
    void documentRefusedByTheStrictMappingFailsFlushAndLaterWrites() throws Exception {
        Counts counts = new Counts();
        try (BulkWriter writer = new BulkWriter(stack.elasticsearchUrl(), BULK, counts)) {
            writer.add(doc(1));
            writer.add(new IndexedDocument(index, "news:bad", "{\"id\":\"news:bad\",\"mood\":\"?\"}".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(writer::flush).isInstanceOf(ElasticsearchSinkException.class)
                    .hasMessageContaining("news:bad").hasMessageContaining("status 400")
                    .hasMessageContaining("strict_dynamic_mapping_exception");
            assertThatThrownBy(() -> writer.add(doc(2))).isInstanceOf(ElasticsearchSinkException.class);
        }
        assertThat(counts.failed).hasValue(1);
        assertThat(counts.retried).as("a mapping error is not retried").hasValue(0);
    }
}
