package org.yqsentinel.pipeline.read;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.rules.control.CaseStep;

/**
 * Sends each read record on its way — items on, policy documents, control messages (case steps apart) and dead
 * letters to side outputs — and counts them per channel and reason. Every record leaves by exactly one of the five.
 */
public final class RouteReadRecords extends ProcessFunction<ReadRecord, Item> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    public static final OutputTag<PolicyDocument> POLICIES = new OutputTag<>("policies", TypeInformation.of(PolicyDocument.class));
    public static final OutputTag<ControlEvent> CONTROL = new OutputTag<>("control", TypeInformation.of(ControlEvent.class));
    public static final OutputTag<CaseStep> CASE_STEPS = new OutputTag<>("case-steps", TypeInformation.of(CaseStep.class));
    private static final Logger LOG = LoggerFactory.getLogger(RouteReadRecords.class);

    private transient IngestCounters counters;

    @Override
    public void open(OpenContext context) {
        counters = new IngestCounters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(ReadRecord read, Context context, Collector<Item> out) {
        if (read.item() != null) {
            counters.accepted(read.kind());
            out.collect(read.item());
        } else if (read.policy() != null) {
            counters.accepted(read.kind());
            context.output(POLICIES, read.policy());
        } else if (read.control() != null) {
            counters.accepted(read.kind());
            LOG.info("control message on {}: {}", read.kind(), read.control().describe());
            if (read.control().caseStep() != null) {
                context.output(CASE_STEPS, read.control().caseStep());
            } else {
                context.output(CONTROL, read.control());
            }
        } else {
            DeadLetter letter = read.deadLetter();
            counters.rejected(read.kind(), letter.code());
            LOG.warn("dead letter {} ({}, {}): {}", letter.origin(), letter.adapter(), letter.code(), letter.reason());
            context.output(DEAD_LETTERS, letter);
        }
    }

}
