package org.yqsentinel.pipeline.elasticsearch;

import java.util.Objects;

/**
 * One document to write: target index, deterministic id and the JSON source. Unless merged it replaces
 * whatever is stored under the id. A merged document is an upsert that merges its JSON (an object) into
 * the stored document: stored as is when the id is new, else the fields it has overwrite the stored ones
 * (an explicit JSON null overwrites too) and the fields it does not have keep their stored values.
 *
 * @param merge true to merge into the stored document, false to replace it
 */
public record IndexedDocument(String index, String id, byte[] json, boolean merge) {
    public IndexedDocument {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }

    /** A document that replaces the stored one. */
    public IndexedDocument(String index, String id, byte[] json) {
        this(index, id, json, false);
    }

    /**
     * A document inserted as is when new, else merged into the stored one, field by field. Its JSON must be an
     * object: it goes into the update unparsed, as the value of {@code doc}.
     */
    public static IndexedDocument merged(String index, String id, byte[] json) {
        int first = 0;
        while (first < json.length && Character.isWhitespace(json[first])) {
            first++;
        }
        if (first == json.length || json[first] != '{') {
            throw new IllegalArgumentException("document " + id + " for " + index + " is not a JSON object, so it cannot be merged");
        }
        return new IndexedDocument(index, id, json, true);
    }
}
