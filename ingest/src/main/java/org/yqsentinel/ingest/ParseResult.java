package org.yqsentinel.ingest;

import java.util.Objects;

/** The outcome of reading one raw record: a canonical record, or a reason a person can act on. */
public sealed interface ParseResult<T> {

    record Accepted<T>(T record) implements ParseResult<T> {
        public Accepted {
            Objects.requireNonNull(record, "record");
        }
    }

    record Rejected<T>(String reason) implements ParseResult<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> ParseResult<T> accepted(T record) {
        return new Accepted<>(record);
    }

    static <T> ParseResult<T> rejected(String reason) {
        return new Rejected<>(reason);
    }
}
