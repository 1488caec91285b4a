package org.yqsentinel.model;

import java.util.Objects;

/**
 * A record that could not be turned into a canonical record, kept whole: its original bytes, where
 * it came from, which step refused it and why, in words an operator can act on.
 *
 * @param sourceTopic the raw topic it was read from; for a record refused after it was read, the item's id
 * @param stage   the step that refused it: {@code read}, or a later one ({@code enrich}, {@code link}) that failed on it
 * @param adapter the reader of the record's shape that refused it ({@code weibo-mblog}), or {@code none}
 * @param code    the reason as a stable code for counting ({@code missing_field}, {@code not_json})
 * @param reason  e.g. {@code missing field text} or {@code not JSON: Unexpected end-of-input at line 1, column 40}
 */
public record DeadLetter(String sourceTopic, int partition, long offset, long timestamp,
                         byte[] key, byte[] value, String stage, String adapter, String code, String reason) {

    public DeadLetter {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * {@code yq.raw.weibo:0@42}, how logs and messages point at the original record; for a record refused after
     * it was read (partition -1), the item's id ({@code weibo:4843210001}).
     */
    public String origin() {
        return partition < 0 ? sourceTopic : sourceTopic + ":" + partition + "@" + offset;
    }
}
