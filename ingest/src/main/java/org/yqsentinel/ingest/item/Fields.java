package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.Reasons;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.Counts;

/** Reading crawler JSON whose field names vary between crawlers: the first of several names that is present. */
final class Fields {

    private Fields() {}

    /**
     * The text of the first of these fields that is present and not blank, else null; a field that holds an
     * object or an array where text belongs is refused.
     */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isContainerNode()) {
                throw new InvalidRecord(RejectCode.BAD_VALUE, "field " + name + " is " + Reasons.jsonType(value) + ", expected text");
            }
            if (value != null && !value.isNull()) {
                String text = value.asText();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The first of these fields that is present and not null, else null. */
    static String firstPresent(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                return name;
            }
        }
        return null;
    }

    /** The count in the first of these fields that is present, else null; see {@link Counts}. */
    static Long count(Counts counts, JsonNode node, String... names) {
        String field = firstPresent(node, names);
        return field == null ? null : counts.of(node, field);
    }

    static boolean hasAny(JsonNode node, String... names) {
        return firstPresent(node, names) != null;
    }
}
