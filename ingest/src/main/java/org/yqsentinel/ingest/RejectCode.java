package org.yqsentinel.ingest;

import java.util.Locale;

/** Why a record was refused, as a stable code for counters and dashboards; the reason text says the details. */
public enum RejectCode {
    EMPTY,
    NOT_UTF8,
    NOT_JSON,
    NOT_OBJECT,
    UNRECOGNIZED_SHAPE,
    MISSING_FIELD,
    EMPTY_TEXT,
    BAD_TIME,
    FUTURE_TIME,
    BAD_VALUE,
    NO_ID,
    NOT_A_POLICY_PAGE,
    BAD_CONTROL_MESSAGE,
    WRONG_TOPIC,
    /** Beyond a configured limit: record size, nesting depth, length of a number or a field name. */
    TOO_LARGE,
    /** The reader failed on this record: a defect of Sentinel, kept as a dead letter so the stream goes on. */
    UNREADABLE;

    /** {@code missing_field}: the label used in metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
