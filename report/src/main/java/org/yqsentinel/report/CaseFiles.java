package org.yqsentinel.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yqsentinel.connect.IndexScan;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.json.Json;

/**
 * Reads a {@link CaseFile} from the indices: the case ({@code yq-cases}), its policy ({@code yq-policies}), its alert
 * events ({@code yq-alerts}), the policy's risk windows ({@code yq-risk-*}) and linked posts ({@code yq-items-*}) over
 * the case's range, and what the alerting service did for it ({@code yq-deliveries}). A case's range runs from a day
 * before it opened (the lead-up) to a day after its last change.
 */
public final class CaseFiles {

    /** How far before a case opened and after its last change the brief looks. */
    public static final Duration MARGIN = Duration.ofDays(1);
    /** Stored documents carry fields the records leave out (policyId, color, the policy's pre-issuance risk…). */
    private static final ObjectReader LENIENT = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ElasticsearchClient client;
    private final Namespace names;

    public CaseFiles(ElasticsearchClient client, Namespace names) {
        this.client = client;
        this.names = names;
    }

    /** The case with this id, or empty when {@code yq-cases} has none. */
    public Optional<CaseFile> ofCase(String caseId) throws IOException {
        refresh();
        GetResponse<JsonNode> got = client.get(g -> g.index(names.index("yq-cases")).id(caseId), JsonNode.class);
        if (!got.found() || got.source() == null) {
            return Optional.empty();
        }
        CaseRecord record = read(got.source(), CaseRecord.class);
        List<Alert> alerts = search(names.index("yq-alerts"), term("caseId", caseId), "windowEnd", Alert.class);
        Instant first = record.openedAt() != null ? record.openedAt() : alerts.isEmpty() ? Instant.now() : alerts.get(0).windowEnd();
        Instant last = record.updatedAt() != null ? record.updatedAt() : first;
        for (Alert alert : alerts) {
            first = alert.windowStart().isBefore(first) ? alert.windowStart() : first;
            last = alert.windowEnd().isAfter(last) ? alert.windowEnd() : last;
        }
        Instant from = first.minus(MARGIN);
        Instant to = last.plus(MARGIN);
        return Optional.of(new CaseFile(record, policy(record.subjectId()), record.subjectId(), from, to, alerts,
                series(record.subjectId(), from, to), posts(record.subjectId(), from, to), deliveries(caseId)));
    }

    /** A policy over [from, to): its alert events, risk windows and linked posts in the range, without a case. */
    public CaseFile ofPolicy(String policyId, Instant from, Instant to) throws IOException {
        refresh();
        Query inRange = Query.of(q -> q.bool(b -> b.filter(term("subjectId", policyId))
                .filter(f -> f.range(r -> r.date(d -> d.field("windowEnd").gte(from.toString()).lt(to.toString()))))));
        List<Alert> alerts = search(names.index("yq-alerts"), inRange, "windowEnd", Alert.class);
        return new CaseFile(null, policy(policyId), policyId, from, to, alerts, series(policyId, from, to), posts(policyId, from, to), List.of());
    }

    private void refresh() throws IOException {
        client.indices().refresh(r -> r.index(names.index("yq-*")).allowNoIndices(true).ignoreUnavailable(true));
    }

    private PolicyDocument policy(String id) throws IOException {
        GetResponse<JsonNode> got = client.get(g -> g.index(names.index("yq-policies")).id(id), JsonNode.class);
        return got.found() && got.source() != null ? read(got.source(), PolicyDocument.class) : null;
    }

    private List<RiskPoint> series(String subjectId, Instant from, Instant to) throws IOException {
        Query query = Query.of(q -> q.bool(b -> b.filter(term("subjectId", subjectId))
                .filter(f -> f.range(r -> r.date(d -> d.field("windowEnd").gte(from.toString()).lt(to.toString()))))));
        return search(names.index("yq-risk-*"), query, "windowEnd", RiskPoint.class);
    }

    private List<EnrichedItem> posts(String subjectId, Instant from, Instant to) throws IOException {
        Query query = Query.of(q -> q.bool(b -> b.filter(term("policyLinks.policyId", subjectId))
                .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString()))))));
        List<EnrichedItem> posts = new ArrayList<>();
        for (JsonNode doc : search(names.index("yq-items-*"), query, "publishedAt", JsonNode.class)) {
            posts.add(new EnrichedItem(read(doc, Item.class), read(doc, Analysis.class)));
        }
        return posts;
    }

    private List<CaseDelivery> deliveries(String caseId) throws IOException {
        Query query = Query.of(q -> q.bool(b -> b.filter(term("caseId", caseId))
                .filter(f -> f.terms(t -> t.field("kind").terms(v -> v.value(List.of(FieldValue.of(CaseDelivery.DELIVERY),
                        FieldValue.of(CaseDelivery.ACKNOWLEDGEMENT))))))));
        List<CaseDelivery> deliveries = new ArrayList<>();
        for (JsonNode doc : search(names.index("yq-deliveries"), query, "at", JsonNode.class)) {
            String kind = doc.path("kind").asText();
            String alertId = kind.equals(CaseDelivery.DELIVERY) ? doc.path("alert").path("id").asText(null) : text(doc, "alertId");
            deliveries.add(new CaseDelivery(Instant.parse(doc.get("at").asText()), kind, text(doc, "receiver"), text(doc, "channel"),
                    text(doc, "status"), text(doc, "who"), alertId, text(doc, "detail")));
        }
        return deliveries;
    }

    private static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    /** Every document matching, by {@code timeField} then id. */
    private <T> List<T> search(String index, Query query, String timeField, Class<T> type) throws IOException {
        List<T> all = new ArrayList<>();
        IndexScan.each(client, index, query, List.of(timeField), doc -> all.add(type == JsonNode.class ? type.cast(doc) : read(doc, type)));
        return all;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return LENIENT.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " does not read back: " + e.getMessage(), e);
        }
    }
}
