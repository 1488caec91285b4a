package org.yqsentinel.pipeline.documents;

import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.elasticsearch.DocumentRouter;
import org.yqsentinel.pipeline.elasticsearch.IndexedDocument;

/** An enriched item goes to the monthly items index of its publish time, under the item's own id. */
public record ItemDocuments(Namespace namespace) implements DocumentRouter<EnrichedItem> {
    @Override
    public IndexedDocument route(EnrichedItem item) {
        return new IndexedDocument(namespace.itemsIndex(item.indexMonth()), item.item().id(), Json.toBytes(item));
    }
}
