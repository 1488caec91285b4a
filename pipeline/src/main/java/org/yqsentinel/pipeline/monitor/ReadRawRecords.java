package org.yqsentinel.pipeline.monitor;

import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.pipeline.kafka.RawRecord;

/**
 * Reads each raw record with the adapters of its topic: items come out, policy documents and dead
 * letters (with adapter, code and reason) go to side outputs. Every record leaves by exactly one of the three.
 */
public final class ReadRawRecords extends ProcessFunction<RawRecord, Item> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    public static final OutputTag<PolicyDocument> POLICIES = new OutputTag<>("policies", TypeInformation.of(PolicyDocument.class));
    static final String STAGE = "read";
    static final String POLICY = "policy";
    private static final Logger LOG = LoggerFactory.getLogger(ReadRawRecords.class);
    private static final String RAW_TOPIC_MARKER = "yq.raw.";

    private transient ItemReader items;
    private transient PolicyReader policies;
    private transient IngestCounters counters;

    @Override
    public void open(OpenContext context) {
        items = new ItemReader();
        policies = new PolicyReader();
        counters = new IngestCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(RawRecord record, Context context, Collector<Item> out) {
        Instant seenAt = Instant.ofEpochMilli(record.timestamp());
        String kind = kindOf(record.topic()).orElse(null);
        if (POLICY.equals(kind)) {
            ParseResult<PolicyDocument> result = policies.read(record.value(), seenAt);
            if (result instanceof ParseResult.Accepted<PolicyDocument> ok) {
                counters.accepted(POLICY);
                context.output(POLICIES, ok.record());
            } else if (result instanceof ParseResult.Rejected<PolicyDocument> no) {
                deadLetter(record, POLICY, no.adapter(), no.code(), no.reason(), context);
            }
            return;
        }
        if (kind == null) {
            deadLetter(record, "unknown", ItemReader.NO_ADAPTER, RejectCode.WRONG_TOPIC,
                    "topic " + record.topic() + " is not a raw topic (yq.raw.news|weibo|wechat|policy)", context);
            return;
        }
        ParseResult<Item> result = items.read(Channel.of(kind), record.value(), seenAt);
        if (result instanceof ParseResult.Accepted<Item> ok) {
            counters.accepted(kind);
            out.collect(ok.record());
        } else if (result instanceof ParseResult.Rejected<Item> no) {
            deadLetter(record, kind, no.adapter(), no.code(), no.reason(), context);
        }
    }

    private void deadLetter(RawRecord record, String kind, String adapter, RejectCode code, String reason, Context context) {
        counters.rejected(kind, code.label());
        DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), STAGE, adapter, code.label(), reason);
        LOG.warn("dead letter {} ({}, {}): {}", letter.origin(), adapter, code.label(), reason);
        context.output(DEAD_LETTERS, letter);
    }

    /** {@code weibo}, {@code news}, {@code wechat} or {@code policy} for a raw topic (any namespace), else empty. */
    static Optional<String> kindOf(String topic) {
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
