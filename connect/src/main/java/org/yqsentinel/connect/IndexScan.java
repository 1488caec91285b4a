package org.yqsentinel.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every document of an index (or pattern) that a query matches, in a stable order, a page at a time with
 * {@code search_after}: not bounded by the 10,000 hits of one search, and the same order on every read. A pattern that
 * matches no index gives nothing.
 */
public final class IndexScan {

    static final int PAGE = 1000;

    private IndexScan() {}

    /**
     * Calls {@code each} with the source of every matching document, ordered by {@code fields} ascending, then by the
     * documents' {@code id} field (every index of Sentinel has one) so that ties keep one order.
     */
    public static void each(ElasticsearchClient client, String index, Query query, List<String> fields, Consumer<JsonNode> each)
            throws IOException {
        Set<String> order = new LinkedHashSet<>(fields);
        order.add("id");
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<JsonNode> page = client.search(s -> {
                s.index(index).query(query).size(PAGE).allowNoIndices(true).ignoreUnavailable(true);
                order.forEach(field -> s.sort(o -> o.field(f -> f.field(field).order(SortOrder.Asc))));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, JsonNode.class);
            List<Hit<JsonNode>> hits = page.hits().hits();
            hits.stream().map(Hit::source).filter(Objects::nonNull).forEach(each);
            if (hits.size() < PAGE) {
                return;
            }
            after = new ArrayList<>(hits.get(hits.size() - 1).sort());
        }
    }
}
