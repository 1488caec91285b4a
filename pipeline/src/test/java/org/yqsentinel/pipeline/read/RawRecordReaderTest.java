package org.yqsentinel.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.pipeline.read.RawRecord;

class RawRecordReaderTest {

    private static final long SEEN = Instant.parse("2026-11-21T04:00:00Z").toEpochMilli();
    private final RawRecordReader reader = new RawRecordReader();

    private static RawRecord raw(String topic, long offset, String value) {
        return new RawRecord(topic, 1, offset, SEEN, "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itemOfAnyNamespaceCarriesItsPublishTimeAsEventTime() {
        ReadRecord read = reader.read(raw("t-x-yq.raw.wechat", 7,
                "{\"sourceId\":\"a1\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20T10:00:00+08:00\"}"));
        assertThat(read.item().id()).isEqualTo("wechat:a1");
        assertThat(read.item().channel()).isEqualTo(Channel.WECHAT);
        assertThat(read.kind()).isEqualTo("wechat");
        assertThat(read.adapter()).isEqualTo("canonical");
        assertThat(read.eventTimeMillis()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z").toEpochMilli());
    }

    @Test
    void policyJsonIsReadWithItsDocumentNumberWrittenCanonically() {
        ReadRecord read = reader.read(raw("yq.raw.policy", 9, "{\"id\":\"p1\",\"title\":\"关于印发某方案的通知\",\"documentNumber\":\"粤办函(2016)629号\"}"));
        assertThat(read.policy().documentNumber()).isEqualTo("粤办函〔2016〕629号");
        assertThat(read.eventTimeMillis()).as("policies do not move event time").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void refusedRecordBecomesADeadLetterWithOriginAdapterCodeAndOriginalBytes() {
        ReadRecord read = reader.read(raw("yq.raw.weibo", 8, "{\"mid\":\"9\",\"created_at\":\"Sun Nov 22 16:51:00 +0800 2026\",\"user\":{}}"));
        DeadLetter letter = read.deadLetter();
        assertThat(read.item()).isNull();
        assertThat(letter.origin()).isEqualTo("yq.raw.weibo:1@8");
        assertThat(letter.adapter()).isEqualTo("weibo-mblog");
        assertThat(letter.code()).isEqualTo("missing_field");
        assertThat(letter.reason()).isEqualTo("missing field text");
        assertThat(letter.stage()).isEqualTo("read");
        assertThat(letter.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"mid\":\"9\"");
    }

    @Test
    void recordOfATopicThatIsNoRawTopicIsADeadLetter() {
        ReadRecord read = reader.read(raw("yq.raw.video", 10, "{}"));
        assertThat(read.kind()).isEqualTo("unknown");
        assertThat(read.deadLetter().code()).isEqualTo("wrong_topic");
    }
}
