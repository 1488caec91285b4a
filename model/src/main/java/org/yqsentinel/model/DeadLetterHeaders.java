package org.yqsentinel.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The headers of a dead letter, in this order, as UTF-8 bytes: what every writer of {@code yq.deadletter} sends. */
    public static Map<String, byte[]> of(DeadLetter letter) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(SOURCE_TOPIC, letter.sourceTopic().getBytes(UTF_8));
        headers.put(SOURCE_PARTITION, Integer.toString(letter.partition()).getBytes(UTF_8));
        headers.put(SOURCE_OFFSET, Long.toString(letter.offset()).getBytes(UTF_8));
        headers.put(SOURCE_TIMESTAMP, Long.toString(letter.timestamp()).getBytes(UTF_8));
        headers.put(STAGE, letter.stage().getBytes(UTF_8));
        headers.put(ADAPTER, letter.adapter().getBytes(UTF_8));
        headers.put(REASON_CODE, letter.code().getBytes(UTF_8));
        headers.put(REASON, letter.reason().getBytes(UTF_8));
        return headers;
    }
}
