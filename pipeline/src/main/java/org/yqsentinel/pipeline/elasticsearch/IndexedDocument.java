package org.yqsentinel.pipeline.elasticsearch;

import java.util.Objects;

/** One document to upsert: target index, deterministic id and the JSON source. */
public record IndexedDocument(String index, String id, byte[] json) {
    public IndexedDocument {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }
}
