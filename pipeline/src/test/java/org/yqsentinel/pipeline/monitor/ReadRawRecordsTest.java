package org.yqsentinel.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.pipeline.kafka.RawRecord;

class ParseItemsTest {

    private static final long SEEN = Instant.parse("2026-11-21T04:00:00Z").toEpochMilli();

    private static RawRecord raw(String topic, long offset, String value) {
        return new RawRecord(topic, 1, offset, SEEN, "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void channelComesFromTheTopicAndBadRecordsBecomeDeadLettersWithTheirOrigin() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, Item> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new ParseItems())) {
            harness.processElement(raw("t-x-yq.raw.wechat", 7,
                    "{\"sourceId\":\"a1\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20T10:00:00+08:00\"}"), SEEN);
            harness.processElement(raw("yq.raw.news", 8, "{\"sourceId\":\"b2\"}"), SEEN);
            harness.processElement(raw("yq.raw.policy", 9, "{\"sourceId\":\"c3\",\"text\":\"t\",\"publishedAt\":\"2026-11-20 10:00\"}"), SEEN);

            List<Item> items = harness.extractOutputValues();
            assertThat(items).extracting(Item::id).containsExactly("wechat:a1");
            assertThat(items.get(0).channel()).isEqualTo(Channel.WECHAT);

            List<DeadLetter> letters = harness.getSideOutput(ParseItems.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(letters).extracting(DeadLetter::origin).containsExactly("yq.raw.news:1@8", "yq.raw.policy:1@9");
            assertThat(letters.get(0).reason()).isEqualTo("missing field text");
            assertThat(letters.get(0).value()).isEqualTo("{\"sourceId\":\"b2\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(letters.get(0).key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
            assertThat(letters.get(1).reason()).contains("not a raw item topic");
            assertThat(letters).allSatisfy(l -> assertThat(l.stage()).isEqualTo("parse"));
        }
    }
}
