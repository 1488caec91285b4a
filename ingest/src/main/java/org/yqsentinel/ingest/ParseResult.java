package org.yqsentinel.ingest;

import java.util.Objects;

/**
 * The outcome of reading one raw record: a canonical record, or a coded reason a person can act on;
 * either way with the name of the adapter that read it ({@code weibo-mblog}, {@code policy-page}, …).
 */
public sealed interface ParseResult<T> {

    String adapter();

    record Accepted<T>(T record, String adapter) implements ParseResult<T> {
        public Accepted {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(adapter, "adapter");
        }
    }

    /** A refusal; its reason is kept on one line, control characters escaped and cut short ({@link Reasons#oneLine}). */
    record Rejected<T>(RejectCode code, String reason, String adapter) implements ParseResult<T> {
        public Rejected {
            Objects.requireNonNull(code, "code");
            reason = Reasons.oneLine(Objects.requireNonNull(reason, "reason"));
            Objects.requireNonNull(adapter, "adapter");
        }
    }

    static <T> ParseResult<T> accepted(T record, String adapter) {
        return new Accepted<>(record, adapter);
    }

    static <T> ParseResult<T> rejected(RejectCode code, String reason, String adapter) {
        return new Rejected<>(code, reason, adapter);
    }

    static <T> ParseResult<T> rejected(InvalidRecord invalid, String adapter) {
        return new Rejected<>(invalid.code(), invalid.getMessage(), adapter);
    }
}
