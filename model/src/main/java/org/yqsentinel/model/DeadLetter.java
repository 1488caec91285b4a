package org.yqsentinel.model;

import java.util.Objects;

/**
 * A record that could not be turned into a canonical record, kept whole: its original bytes, where
 * it came from, which step refused it and why, in words an operator can act on.
 *
 * @param stage   the step that refused it, e.g. {@code parse}
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

    /** {@code yq.raw.weibo:0@42}, how logs and messages point at the original record. */
    public String origin() {
        return sourceTopic + ":" + partition + "@" + offset;
    }
}
