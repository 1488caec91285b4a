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
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.pipeline.kafka.RawRecord;

class ReadRawRecordsTest {

    private static final long SEEN = Instant.parse("2026-11-21T04:00:00Z").toEpochMilli();

    private static RawRecord raw(String topic, long offset, String value) {
        return new RawRecord(topic, 1, offset, SEEN, "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRecordLeavesAsItemPolicyOrDeadLetterWithItsOrigin() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, Item> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new ReadRawRecords())) {
            harness.processElement(raw("t-x-yq.raw.wechat", 7,
                    "{\"sourceId\":\"a1\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20T10:00:00+08:00\"}"), SEEN);
            harness.processElement(raw("yq.raw.weibo", 8,
                    "{\"mid\":\"9\",\"created_at\":\"Sun Nov 22 16:51:00 +0800 2026\",\"user\":{}}"), SEEN);
            harness.processElement(raw("yq.raw.policy", 9, "{\"id\":\"p1\",\"title\":\"关于印发某方案的通知\",\"documentNumber\":\"粤办函(2016)629号\"}"), SEEN);
            harness.processElement(raw("yq.raw.video", 10, "{}"), SEEN);

            List<Item> items = harness.extractOutputValues();
            assertThat(items).extracting(Item::id).containsExactly("wechat:a1");
            assertThat(items.get(0).channel()).isEqualTo(Channel.WECHAT);

            List<PolicyDocument> policies = harness.getSideOutput(ReadRawRecords.POLICIES).stream().map(StreamRecord::getValue).toList();
            assertThat(policies).extracting(PolicyDocument::documentNumber).containsExactly("粤办函〔2016〕629号");

            List<DeadLetter> letters = harness.getSideOutput(ReadRawRecords.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(letters).extracting(DeadLetter::origin).containsExactly("yq.raw.weibo:1@8", "yq.raw.video:1@10");
            DeadLetter weibo = letters.get(0);
            assertThat(weibo.adapter()).isEqualTo("weibo-mblog");
            assertThat(weibo.code()).isEqualTo("missing_field");
            assertThat(weibo.reason()).isEqualTo("missing field text");
            assertThat(weibo.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(weibo.value(), StandardCharsets.UTF_8)).contains("\"mid\":\"9\"");
            assertThat(letters.get(1).code()).isEqualTo("wrong_topic");
            assertThat(letters).allSatisfy(l -> assertThat(l.stage()).isEqualTo("read"));
        }
    }
}
