package org.yqsentinel.alerting.ledger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yqsentinel.alerting.delivery.Acknowledgement;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.model.Namespace;

/**
 * The alerting service's memory in Elasticsearch: {@code yq-deliveries} (events accepted, deliveries,
 * attempts, acknowledgements), {@code yq-silences}, and the acknowledgement on the case in {@code yq-cases}.
 * Writes are upserts by deterministic id, so writing the same state twice changes nothing. Thread-safe.
 */
public final class Ledger {

    /** What the ledger held at a restart. */
    public record Restored(List<DeliveryBook.Accepted> events, List<Delivery> deliveries, List<Acknowledgement> acknowledgements) {}

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final String deliveries;
    private final String silences;
    private final String cases;

    public Ledger(ElasticsearchClient client, Namespace names) {
        this.client = client;
        this.deliveries = names.index("yq-deliveries");
        this.silences = names.index("yq-silences");
        this.cases = names.index("yq-cases");
    }

    public String deliveriesIndex() {
        return deliveries;
    }

    /** Writes these documents of {@code yq-deliveries}; throws when Elasticsearch refuses any. */
    public void write(List<LedgerDocuments.Doc> docs) {
        write(deliveries, docs, false);
    }

    /**
     * The events, the deliveries made since {@code since} (and every one still pending or with an attempt under way),
     * and the acknowledgements.
     */
    public Restored restore(Instant since) {
        try {
            client.indices().refresh(r -> r.index(deliveries).allowNoIndices(true).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch to read the delivery ledger " + deliveries, e);
        }
        List<DeliveryBook.Accepted> events = new ArrayList<>();
        List<Delivery> made = new ArrayList<>();
        List<Acknowledgement> acks = new ArrayList<>();
        for (JsonNode doc : all(since)) {
            switch (doc.get("kind").asText()) {
                case LedgerDocuments.EVENT -> events.add(LedgerDocuments.event(doc));
                case LedgerDocuments.DELIVERY -> made.add(LedgerDocuments.delivery(doc));
                case LedgerDocuments.ACKNOWLEDGEMENT -> acks.add(LedgerDocuments.acknowledgement(doc));
                default -> { }
            }
        }
        return new Restored(events, made, acks);
    }

    private List<JsonNode> all(Instant since) {
        List<JsonNode> docs = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<JsonNode> page;
            try {
                page = client.search(s -> {
                    s.index(deliveries).allowNoIndices(true).ignoreUnavailable(true).size(PAGE)
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.terms(t -> t.field("kind").terms(v -> v.value(List.of(FieldValue.of(LedgerDocuments.EVENT),
                                            FieldValue.of(LedgerDocuments.DELIVERY), FieldValue.of(LedgerDocuments.ACKNOWLEDGEMENT))))))
                                    .should(m -> m.range(r -> r.untyped(u -> u.field("at").gte(JsonData.of(since.toString())))))
                                    .should(m -> m.terms(t -> t.field("status").terms(v -> v.value(List.of(
                                            FieldValue.of(Status.PENDING.name()), FieldValue.of(Status.SENDING.name()))))))
                                    .minimumShouldMatch("1")))
                            .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the delivery ledger " + deliveries, e);
            }
            List<Hit<JsonNode>> hits = page.hits().hits();
            hits.forEach(hit -> docs.add(hit.source()));
            if (hits.size() < PAGE) {
                return docs;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Silences that have not ended by {@code now}. */
    public List<Silence> silences(Instant now) {
        try {
            SearchResponse<JsonNode> found = client.search(s -> s.index(silences).allowNoIndices(true).ignoreUnavailable(true).size(PAGE)
                    .query(q -> q.range(r -> r.untyped(u -> u.field("endsAt").gt(JsonData.of(now.toString())))))
                    .sort(o -> o.field(f -> f.field("startsAt").order(SortOrder.Asc))), JsonNode.class);
            return found.hits().hits().stream().map(hit -> LedgerDocuments.silence(hit.source())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the silences in " + silences, e);
        }
    }

    /** Creates or replaces a silence, visible to searches at once. */
    public void put(Silence silence) {
        write(silences, List.of(LedgerDocuments.silence(silence)), true);
    }

    /** The silence with this id, ended or not. */
    public Optional<Silence> silence(String id) {
        try {
            GetResponse<JsonNode> found = client.get(g -> g.index(silences).id(id), JsonNode.class);
            return found.found() ? Optional.of(LedgerDocuments.silence(found.source())) : Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();  // no silence was ever made: the index does not exist
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read silence " + id + " in " + silences, e);
        }
    }

    /** Every silence, ended ones too, newest first. */
    public List<Silence> allSilences() {
        try {
            client.indices().refresh(r -> r.index(silences).allowNoIndices(true).ignoreUnavailable(true));
            return client.search(s -> s.index(silences).allowNoIndices(true).ignoreUnavailable(true).size(PAGE)
                            .sort(o -> o.field(f -> f.field("startsAt").order(SortOrder.Desc))), JsonNode.class)
                    .hits().hits().stream().map(hit -> LedgerDocuments.silence(hit.source())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the silences in " + silences, e);
        }
    }

    /**
     * Records the first acknowledgement on the case in {@code yq-cases} ({@code acknowledgedAt},
     * {@code acknowledgedBy}), a partial update that the job's later writes of the case keep. A case already
     * acknowledged keeps its first acknowledgement; a concurrent write is read again (optimistic concurrency on
     * the document's sequence number). No script: the project's Elasticsearch has no Painless.
     *
     * @return false when the case is not in {@code yq-cases}
     */
    public boolean acknowledgeCase(Acknowledgement ack) {
        for (int attempt = 0; ; attempt++) {
            try {
                GetResponse<JsonNode> stored = client.get(g -> g.index(cases).id(ack.caseId()).sourceIncludes("acknowledgedAt"), JsonNode.class);
                if (!stored.found()) {
                    return false;
                }
                JsonNode source = stored.source();
                if (source != null && source.hasNonNull("acknowledgedAt")) {
                    return true;
                }
                Map<String, String> fields = Map.of("acknowledgedAt", ack.at().toString(), "acknowledgedBy", ack.who());
                client.update(u -> u.index(cases).id(ack.caseId()).ifSeqNo(stored.seqNo()).ifPrimaryTerm(stored.primaryTerm())
                        .doc(fields), JsonNode.class);
                return true;
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    return false;
                }
                if (e.status() != 409 || attempt >= 5) {
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the acknowledgement on case " + ack.caseId() + " in " + cases, e);
            }
        }
    }

    private void write(String index, List<LedgerDocuments.Doc> docs, boolean visibleAtOnce) {
        if (docs.isEmpty()) {
            return;
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> {
                b.index(index).refresh(visibleAtOnce ? Refresh.WaitFor : Refresh.False);
                docs.forEach(doc -> b.operations(op -> op.index(i -> i.id(doc.id()).document(doc.source()))));
                return b;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + docs.size() + " documents to " + index, e);
        }
        if (response.errors()) {
            BulkResponseItem first = response.items().stream().filter(item -> item.error() != null).findFirst().orElseThrow();
            throw new IllegalStateException("Elasticsearch refused document " + first.id() + " in " + index + ": " + first.error().reason());
        }
    }
}
