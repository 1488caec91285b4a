package org.yqsentinel.pipeline.read;

import java.time.Instant;
import java.util.Optional;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.Reasons;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.Unreadable;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.read.RawRecord;
import org.yqsentinel.rules.control.ControlMessage;

/**
 * Reads a record of a raw topic with the readers of that topic: an item, a policy document, or a
 * dead letter that keeps the original bytes and says which adapter refused it and why. Never throws,
 * whatever the bytes: a record on which a reader itself fails is a dead letter too ({@code unreadable}),
 * so that no record stops the job. Plain Java, used by the Kafka source's deserializer so that items
 * leave the source with their event time.
 */
public final class RawRecordReader {

    static final String STAGE = "read";
    static final String POLICY = "policy";
    static final String CONTROL = "control";
    static final String CONTROL_ADAPTER = "control-json";
    private static final String CONTROL_TOPIC = "yq.control";
    static final String UNKNOWN = "unknown";
    private static final String RAW_TOPIC_MARKER = "yq.raw.";

    private final ItemReader items;
    private final PolicyReader policies;

    /** A reader with the default limits of sentinel-defaults.yaml. */
    public RawRecordReader() {
        this(SentinelConfig.Ingest.DEFAULTS);
    }

    public RawRecordReader(SentinelConfig.Ingest limits) {
        this.items = new ItemReader(limits);
        this.policies = new PolicyReader(limits);
    }

    public ReadRecord read(RawRecord record) {
        try {
            return readChecked(record);
        } catch (RuntimeException | StackOverflowError e) {
            InvalidRecord unreadable = Unreadable.of(e);
            return deadLetter(record, kindOf(record.topic()).orElse(UNKNOWN), ItemReader.NO_ADAPTER, unreadable.code(),
                    unreadable.getMessage());
        }
    }

    /** The dead letter of a record refused before any reader saw it (cut from a file beyond the limits). */
    public static ReadRecord refused(RawRecord record, RejectCode code, String reason) {
        return deadLetter(record, kindOf(record.topic()).orElse(UNKNOWN), ItemReader.NO_ADAPTER, code, reason);
    }

    private ReadRecord readChecked(RawRecord record) {
        // a record without a timestamp (-1) is not checked against the future
        Instant seenAt = record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp());
        String kind = kindOf(record.topic()).orElse(UNKNOWN);
        if (kind.equals(UNKNOWN)) {
            return deadLetter(record, kind, ItemReader.NO_ADAPTER, RejectCode.WRONG_TOPIC,
                    "topic " + record.topic() + " is not a raw topic (yq.raw.news|weibo|wechat|policy) nor yq.control");
        }
        if (kind.equals(CONTROL)) {
            try {
                return new ReadRecord(kind, CONTROL_ADAPTER, null, null, ControlEvent.of(ControlMessage.parse(record.value())), null);
            } catch (ControlMessage.ControlMessageException | IllegalArgumentException e) {
                return deadLetter(record, kind, CONTROL_ADAPTER, RejectCode.BAD_CONTROL_MESSAGE, e.getMessage());
            }
        }
        if (kind.equals(POLICY)) {
            ParseResult<PolicyDocument> policy = policies.read(record.value(), seenAt);
            if (policy instanceof ParseResult.Accepted<PolicyDocument> ok) {
                return new ReadRecord(kind, ok.adapter(), null, ok.record(), null, null);
            }
            ParseResult.Rejected<PolicyDocument> no = (ParseResult.Rejected<PolicyDocument>) policy;
            return deadLetter(record, kind, no.adapter(), no.code(), no.reason());
        }
        ParseResult<Item> item = items.read(Channel.of(kind), record.value(), seenAt);
        if (item instanceof ParseResult.Accepted<Item> ok) {
            return new ReadRecord(kind, ok.adapter(), ok.record(), null, null, null);
        }
        ParseResult.Rejected<Item> no = (ParseResult.Rejected<Item>) item;
        return deadLetter(record, kind, no.adapter(), no.code(), no.reason());
    }

    private static ReadRecord deadLetter(RawRecord record, String kind, String adapter, RejectCode code, String reason) {
        return new ReadRecord(kind, adapter, null, null, null, new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.key(), record.value(), STAGE, adapter, code.label(), Reasons.oneLine(reason)));
    }

    /** {@code weibo}, {@code news}, {@code wechat} or {@code policy} for a raw topic, {@code control} for yq.control (any namespace), else empty. */
    static Optional<String> kindOf(String topic) {
        if (topic.endsWith(CONTROL_TOPIC)) {
            return Optional.of(CONTROL);
        }
        int at = topic.lastIndexOf(RAW_TOPIC_MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        String kind = topic.substring(at + RAW_TOPIC_MARKER.length());
        if (kind.equals(POLICY)) {
            return Optional.of(POLICY);
        }
        try {
            return Optional.of(Channel.of(kind).id());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
