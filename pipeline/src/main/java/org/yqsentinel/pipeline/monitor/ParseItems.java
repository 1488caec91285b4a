package org.yqsentinel.pipeline.monitor;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RawItemParser;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.pipeline.kafka.RawRecord;

/** Turns raw records into Items; what does not parse goes to the dead-letter side output with its reason. */
public final class ParseItems extends ProcessFunction<RawRecord, Item> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    static final String STAGE = "parse";
    private static final Logger LOG = LoggerFactory.getLogger(ParseItems.class);
    private static final String RAW_TOPIC_MARKER = "yq.raw.";

    private transient RawItemParser parser;
    private transient Counter accepted;
    private transient Counter rejected;

    @Override
    public void open(OpenContext context) {
        parser = new RawItemParser();
        accepted = getRuntimeContext().getMetricGroup().counter("itemsAccepted");
        rejected = getRuntimeContext().getMetricGroup().counter("itemsRejected");
    }

    @Override
    public void processElement(RawRecord record, Context context, Collector<Item> out) {
        ParseResult<Item> result = channelOf(record.topic())
                .map(channel -> parser.parse(channel, record.value(), Instant.ofEpochMilli(record.timestamp())))
                .orElseGet(() -> ParseResult.rejected("topic " + record.topic() + " is not a raw item topic (yq.raw.news|weibo|wechat)"));
        if (result instanceof ParseResult.Accepted<Item> ok) {
            accepted.inc();
            out.collect(ok.record());
        } else if (result instanceof ParseResult.Rejected<Item> no) {
            rejected.inc();
            DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), record.value(), STAGE, no.reason());
            LOG.warn("dead letter {}: {}", letter.origin(), letter.reason());
            context.output(DEAD_LETTERS, letter);
        }
    }

    static java.util.Optional<Channel> channelOf(String topic) {
        int at = topic.lastIndexOf(RAW_TOPIC_MARKER);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Channel.of(topic.substring(at + RAW_TOPIC_MARKER.length())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
