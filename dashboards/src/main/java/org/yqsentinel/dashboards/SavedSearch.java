package org.yqsentinel.dashboards;

import java.util.List;
import java.util.Objects;

/**
 * A Discover search Kibana keeps by id: the documents of one data view that match a KQL query, newest
 * (or oldest) first, shown with the given columns. Dashboards embed it as a list of documents.
 *
 * @param id        the saved object id ({@code yq-policy-posts})
 * @param title     the title the desk reads, in Chinese
 * @param dataView  the id of a data view of {@code kibana/data-views.ndjson}
 * @param columns   the fields shown, left to right
 * @param sortField the field the documents are sorted by
 * @param ascending oldest first when true, newest first when false
 * @param query     a KQL query, empty for every document
 */
public record SavedSearch(String id, String title, String dataView, List<String> columns, String sortField, boolean ascending,
                          String query) {

    public SavedSearch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dataView, "dataView");
        Objects.requireNonNull(sortField, "sortField");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(id + ": a saved search shows at least one column");
        }
        query = query == null ? "" : query.strip();
    }
}
