package org.yqsentinel.pipeline.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.documents.RiskDocuments;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.junit.TcpOutage;

/** The bulk writer against the real Elasticsearch of the local stack (and its strict templates). */
@ExtendWith(LocalStackExtension.class)
class BulkWriterIT {

    private static final SentinelConfig.Bulk BULK = new SentinelConfig.Bulk(500, 2, 60_000, 3, 50, 30_000);

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
    void aDocumentRefusedByTheStrictMappingIsSkippedAndCountedWhileTheOthersAreIndexed() throws Exception {
        Counts counts = new Counts();
        try (BulkWriter writer = new BulkWriter(stack.elasticsearchUrl(), BULK, counts)) {
            writer.add(doc(1));
            writer.add(new IndexedDocument(index, "news:bad", "{\"id\":\"news:bad\",\"mood\":\"?\"}".getBytes(StandardCharsets.UTF_8)));
            writer.flush();
            writer.add(doc(2));
            writer.flush();
        }
        assertThat(count()).as("the two good documents").isEqualTo(2);
        assertThat(counts.failed).hasValue(1);
        assertThat(counts.retried).as("a mapping error is not retried").hasValue(0);
    }

    @Test
    void anElasticsearchThatRefusesConnectionsIsWaitedOutAndEveryDocumentIndexedOnceItIsBack() throws Exception {
        SentinelConfig.Bulk forever = new SentinelConfig.Bulk(50, 2, 100, -1, 20, 200);
        Counts counts = new Counts();
        // before the mend, the client's bulk ingester and its HTTP reactor locked each other up here, for good
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (TcpOutage outage = new TcpOutage(URI.create(stack.elasticsearchUrl()).getPort());
                 BulkWriter writer = new BulkWriter(outage.url(), forever, counts)) {
                outage.down();
                for (int i = 0; i < 200; i++) {
                    writer.add(doc(i));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (counts.retried.get() < 20 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                assertThat(counts.retried.get()).as("refused requests retried while the port is closed").isGreaterThanOrEqualTo(20);
                outage.up();
                writer.flush();
            }
        });
        assertThat(count()).isEqualTo(200);
        assertThat(counts.failed).hasValue(0);
    }

    @Test
    void anOutageIsWaitedOutWithoutEndAndEveryDocumentIndexedOnceItIsOver() throws Exception {
        SentinelConfig.Bulk forever = new SentinelConfig.Bulk(50, 1, 200, -1, 20, 200);
        Counts counts = new Counts();
        try (FlakyElasticsearchProxy proxy = new FlakyElasticsearchProxy(stack.elasticsearchUrl(), FlakyElasticsearchProxy.Refusal.REQUEST_503, 40);
             BulkWriter writer = new BulkWriter(proxy.url(), forever, counts)) {
            for (int i = 0; i < 300; i++) {
                writer.add(doc(i));  // blocks once 250 wait: the writer holds the job back instead of filling the memory
            }
            writer.flush();
        }
        assertThat(count()).isEqualTo(300);
        assertThat(counts.retried.get()).as("40 refused requests retried").isGreaterThanOrEqualTo(40);
        assertThat(counts.failed).hasValue(0);
    }

    private static CaseRecord caseRecord(CaseStatus status, Tier currentTier, Instant updatedAt) {
        Instant opened = Instant.parse("2026-11-20T11:00:00Z");
        return new CaseRecord("case:bulkwriterit/1", "江教发〔2026〕18号", "关于调整课后服务收费标准的通知", status, currentTier, Tier.II_ORANGE,
                "江城市教育局", opened, updatedAt, opened.plusSeconds(86_400), null, null, List.of(), List.of());
    }

    @Test
    void aCaseRewrittenByTheJobKeepsTheAcknowledgementWrittenOntoIt() throws Exception {
        RiskDocuments.Cases cases = new RiskDocuments.Cases(stack.namespace());
        String casesIndex = stack.namespace().index("yq-cases");
        Instant opened = Instant.parse("2026-11-20T11:00:00Z");
        String id = caseRecord(CaseStatus.COLLECTING, Tier.II_ORANGE, opened).id();
        try (BulkWriter writer = new BulkWriter(stack.elasticsearchUrl(), BULK, BulkWriter.Listener.NONE);
             ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            writer.add(cases.route(caseRecord(CaseStatus.ASSESSING, Tier.II_ORANGE, opened.plusSeconds(600))));
            writer.flush();
            ObjectNode stored = es.client().get(g -> g.index(casesIndex).id(id), ObjectNode.class).source();
            assertThat(stored.get("status").asText()).as("a new case is stored as written").isEqualTo("ASSESSING");
            assertThat(stored.get("currentTier").asText()).isEqualTo(Tier.II_ORANGE.code());
            assertThat(stored.has("acknowledgedAt")).isFalse();

            es.client().update(u -> u.index(casesIndex).id(id)
                    .doc(Map.of("acknowledgedAt", "2026-11-20T12:00:00Z", "acknowledgedBy", "张三")), ObjectNode.class);
            writer.add(cases.route(caseRecord(CaseStatus.EVALUATING, null, opened.plusSeconds(7200))));
            writer.flush();
            stored = es.client().get(g -> g.index(casesIndex).id(id), ObjectNode.class).source();
            assertThat(stored.get("acknowledgedAt").asText()).as("the alerting service's acknowledgement is kept")
                    .isEqualTo("2026-11-20T12:00:00Z");
            assertThat(stored.get("acknowledgedBy").asText()).isEqualTo("张三");
            assertThat(stored.get("status").asText()).as("the job's status").isEqualTo("EVALUATING");
            assertThat(stored.get("updatedAt").asText()).isEqualTo("2026-11-20T13:00:00Z");
            assertThat(stored.get("peakTier").asText()).isEqualTo(Tier.II_ORANGE.code());
            assertThat(stored.get("responsibleDepartment").asText()).isEqualTo("江城市教育局");
            assertThat(stored.path("currentTier").isNull() || stored.path("currentTier").isMissingNode())
                    .as("the tier the job cleared is cleared: %s", stored.get("currentTier")).isTrue();
        }
    }
}
