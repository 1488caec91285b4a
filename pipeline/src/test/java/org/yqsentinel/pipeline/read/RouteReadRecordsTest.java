package org.yqsentinel.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.read.RawRecord;
import org.yqsentinel.rules.control.CaseStep;

class RouteReadRecordsTest {

    private static final long SEEN = Instant.parse("2026-11-21T04:00:00Z").toEpochMilli();

    @Test
    void everyReadRecordLeavesByExactlyOneOutput() throws Exception {
        RawRecordReader reader = new RawRecordReader();
        List<RawRecord> raw = List.of(
                new RawRecord("yq.raw.news", 0, 1, SEEN, null, "{\"sourceId\":\"n1\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20 10:00\"}"
                        .getBytes(StandardCharsets.UTF_8)),
                new RawRecord("yq.raw.policy", 0, 2, SEEN, null, "{\"id\":\"p1\",\"title\":\"关于某事的通知\"}".getBytes(StandardCharsets.UTF_8)),
                new RawRecord("yq.raw.news", 0, 3, SEEN, null, "{not json".getBytes(StandardCharsets.UTF_8)),
                new RawRecord("yq.control", 0, 4, SEEN, null, ("{\"kind\":\"retire-policy\",\"policyId\":\"p1\",\"at\":\"2026-11-25T00:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8)),
                new RawRecord("yq.control", 0, 5, SEEN, null, ("{\"kind\":\"case\",\"step\":\"ack\",\"caseId\":\"case:p1/opened/iv_blue/1\","
                        + "\"subjectId\":\"p1\",\"by\":\"王晓明\",\"at\":\"2026-11-21T04:00:00Z\"}").getBytes(StandardCharsets.UTF_8)));
        try (OneInputStreamOperatorTestHarness<ReadRecord, Item> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new RouteReadRecords())) {
            for (RawRecord record : raw) {
                harness.processElement(reader.read(record), SEEN);
            }
            assertThat(harness.extractOutputValues()).extracting(Item::id).containsExactly("news:n1");
            assertThat(harness.getSideOutput(RouteReadRecords.POLICIES)).extracting(StreamRecord::getValue)
                    .extracting(p -> ((PolicyDocument) p).id()).containsExactly("p1");
            assertThat(harness.getSideOutput(RouteReadRecords.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                    .extracting(d -> ((DeadLetter) d).origin()).containsExactly("yq.raw.news:0@3");
            // a retirement is broadcast with the policies; a step on a case goes apart, to be keyed by its subject
            assertThat(harness.getSideOutput(RouteReadRecords.CONTROL)).extracting(StreamRecord::getValue)
                    .extracting(c -> ((ControlEvent) c).retirement().policyId()).containsExactly("p1");
            assertThat(harness.getSideOutput(RouteReadRecords.CASE_STEPS)).extracting(StreamRecord::getValue)
                    .extracting(c -> ((CaseStep) c).subjectId(), c -> ((CaseStep) c).step()).containsExactly(tuple("p1", CaseStep.Step.ACK));
        }
    }
}
