package org.yqsentinel.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.IndexState;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Namespace;

/**
 * Removes what is older than it is kept ({@code ./yq prune}):
 *
 * <ul>
 *   <li>the monthly indices of posts and risk series ({@code yq-items-YYYY.MM}, {@code yq-risk-YYYY.MM}, months in UTC
 *       as the job names them) before the months kept, whole: a month's index is deleted only when every month it
 *       could hold is before them;</li>
 *   <li>closed cases ({@code 结案}) whose last change is older than the months cases are kept, with their alert events
 *       and deliveries; an open case and everything of it stays, however old;</li>
 *   <li>alert events and deliveries of no case, and silences that ended, older than the same months.</li>
 * </ul>
 *
 * A dry run lists the same without removing anything.
 */
public final class Pruner {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");
    private static final int IDS_PER_REQUEST = 1_000;

    private final ElasticsearchClient client;
    private final Namespace names;

    /** What one run removed (or, dry, would remove). */
    public record Result(List<String> indices, List<String> lines) {}

    public Pruner(ElasticsearchClient client, Namespace names) {
        this.client = client;
        this.names = names;
    }

    /**
     * @param now            the time the ages are counted from
     * @param keepMonths     months of posts and risk series kept: the current month (UTC) and the {@code keepMonths - 1} before
     * @param keepCaseMonths closed cases, alert events, deliveries and ended silences are kept this many months after their last change
     * @param dryRun         only say what would be removed
     */
    public Result prune(Instant now, int keepMonths, int keepCaseMonths, boolean dryRun) throws IOException {
        if (keepMonths < 1 || keepCaseMonths < 1) {
            throw new IllegalArgumentException("months kept must be at least 1");
        }
        YearMonth firstKept = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(keepMonths - 1L);
        List<String> indices = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String family : List.of("yq-items-", "yq-risk-")) {
            String prefix = names.index(family);
            for (Map.Entry<String, Long> index : monthlyIndices(prefix).entrySet()) {
                YearMonth month = month(index.getKey().substring(prefix.length()));
                if (month != null && month.isBefore(firstKept)) {
                    indices.add(index.getKey());
                    lines.add("index " + index.getKey() + ": " + index.getValue() + " documents" + (dryRun ? ", would be deleted" : ", deleted"));
                }
            }
        }
        if (!dryRun && !indices.isEmpty()) {
            client.indices().delete(r -> r.index(indices));
        }
        Instant caseCutoff = now.atOffset(ZoneOffset.UTC).minusMonths(keepCaseMonths).toInstant();
        lines.addAll(cases(caseCutoff, dryRun));
        return new Result(indices, lines);
    }

    private List<String> cases(Instant cutoff, boolean dryRun) throws IOException {
        String cases = names.index("yq-cases");
        String alerts = names.index("yq-alerts");
        String deliveries = names.index("yq-deliveries");
        String silences = names.index("yq-silences");
        refresh(cases, alerts, deliveries, silences);
        Query closedBefore = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value(CaseStatus.CLOSED.name())))
                .filter(f -> f.range(r -> r.date(d -> d.field("updatedAt").lt(cutoff.toString()))))));
        List<String> caseIds = new ArrayList<>();
        IndexScan.each(client, cases, closedBefore, List.of("updatedAt"), doc -> caseIds.add(doc.get("id").asText()));
        List<String> lines = new ArrayList<>();
        long alertCount = 0;
        long deliveryCount = 0;
        for (int from = 0; from < caseIds.size(); from += IDS_PER_REQUEST) {
            List<FieldValue> batch = caseIds.subList(from, Math.min(caseIds.size(), from + IDS_PER_REQUEST)).stream().map(FieldValue::of).toList();
            Query ofCases = Query.of(q -> q.terms(t -> t.field("caseId").terms(v -> v.value(batch))));
            alertCount += remove(alerts, ofCases, dryRun);
            deliveryCount += remove(deliveries, ofCases, dryRun);
            remove(cases, Query.of(q -> q.terms(t -> t.field("id").terms(v -> v.value(batch)))), dryRun);
        }
        String verb = dryRun ? "would be deleted" : "deleted";
        lines.add(cases + ": " + caseIds.size() + " closed case" + (caseIds.size() == 1 ? "" : "s") + " last changed before " + cutoff
                + ", with " + alertCount + " alert event" + (alertCount == 1 ? "" : "s") + " and " + deliveryCount + " delivery record"
                + (deliveryCount == 1 ? "" : "s") + ", " + verb);
        long looseAlerts = remove(alerts, noCaseBefore("eventTime", cutoff), dryRun);
        long looseDeliveries = remove(deliveries, noCaseBefore("at", cutoff), dryRun);
        if (looseAlerts + looseDeliveries > 0) {
            lines.add(alerts + ", " + deliveries + ": " + looseAlerts + " alert events and " + looseDeliveries
                    + " delivery records of no case before " + cutoff + ", " + verb);
        }
        long ended = remove(silences, Query.of(q -> q.range(r -> r.date(d -> d.field("endsAt").lt(cutoff.toString())))), dryRun);
        if (ended > 0) {
            lines.add(silences + ": " + ended + " silence" + (ended == 1 ? "" : "s") + " ended before " + cutoff + ", " + verb);
        }
        return lines;
    }

    private static Query noCaseBefore(String timeField, Instant cutoff) {
        return Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("caseId")))
                .filter(f -> f.range(r -> r.date(d -> d.field(timeField).lt(cutoff.toString()))))));
    }

    /**
     * Deletes what {@code query} finds (or counts it, dry); the number of documents. By search and bulk delete, not
     * delete-by-query: that needs the reindex module, which not every distribution has (the local stack's has not).
     */
    private long remove(String index, Query query, boolean dryRun) throws IOException {
        if (dryRun) {
            return client.count(c -> c.index(index).query(query).ignoreUnavailable(true).allowNoIndices(true)).count();
        }
        long deleted = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<Void> page = client.search(s -> {
                s.index(index).query(query).size(IDS_PER_REQUEST).source(x -> x.fetch(false)).allowNoIndices(true).ignoreUnavailable(true)
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, Void.class);
            List<Hit<Void>> hits = page.hits().hits();
            if (!hits.isEmpty()) {
                BulkResponse bulk = client.bulk(b -> {
                    hits.forEach(hit -> b.operations(o -> o.delete(d -> d.index(hit.index()).id(hit.id()))));
                    return b;
                });
                if (bulk.errors()) {
                    String reason = bulk.items().stream().filter(i -> i.error() != null).map(i -> i.id() + ": " + i.error().reason())
                            .findFirst().orElse("unknown");
                    throw new IOException("Elasticsearch refused to delete from " + index + ": " + reason);
                }
                deleted += hits.size();
            }
            if (hits.size() < IDS_PER_REQUEST) {
                refresh(index);
                return deleted;
            }
            after = new ArrayList<>(hits.get(hits.size() - 1).sort());
        }
    }

    private void refresh(String... indices) throws IOException {
        client.indices().refresh(r -> r.index(List.of(indices)).ignoreUnavailable(true).allowNoIndices(true));
    }

    /** The indices whose names start with {@code prefix}, with their document counts, by name. */
    private Map<String, Long> monthlyIndices(String prefix) throws IOException {
        Map<String, Long> found = new TreeMap<>();
        Map<String, IndexState> indices = client.indices().get(r -> r.index(prefix + "*").allowNoIndices(true).ignoreUnavailable(true)).result();
        for (String index : indices.keySet()) {
            found.put(index, client.count(c -> c.index(index)).count());
        }
        return found;
    }

    /** The month of a monthly index's suffix ({@code 2026.11}), or null for an index named otherwise (left alone). */
    static YearMonth month(String suffix) {
        try {
            return YearMonth.parse(suffix, MONTH);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
