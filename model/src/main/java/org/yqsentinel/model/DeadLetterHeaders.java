package org.yqsentinel.model;

/**
 * Headers of a record on {@code yq.deadletter}. The value and key are the original bytes, untouched,
 * so a fixed record can be sent back to its topic as it was; these headers say where it was and why it was refused.
 */
public final class DeadLetterHeaders {
    public static final String SOURCE_TOPIC = "yq.source.topic";
    public static final String SOURCE_PARTITION = "yq.source.partition";
    public static final String SOURCE_OFFSET = "yq.source.offset";
    public static final String SOURCE_TIMESTAMP = "yq.source.timestamp";
    public static final String STAGE = "yq.stage";
    public static final String ADAPTER = "yq.adapter";
    public static final String REASON_CODE = "yq.reason.code";
    public static final String REASON = "yq.reason";

    private DeadLetterHeaders() {}
}
