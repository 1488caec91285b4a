package org.yqsentinel.pipeline.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.control.Watchlist;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.control.ControlMessage;

/** The risk operator's side of the case workflow that the stack tests do not reach: a step it cannot apply. */
class ScorePolicyRiskTest {

    @Test
    void aStepOnACaseTheJobDoesNotHoldGoesToTheDeadLettersWithItsJsonAndWhy() throws Exception {
        CaseStep step = new CaseStep(CaseStep.Step.CLOSE, "case:p/opened/iv_blue/1", "p", "李静", Instant.parse("2026-11-21T04:00:00Z"),
                null, null, "已平息", Instant.parse("2026-11-21T04:00:05Z"));
        try (KeyedBroadcastOperatorTestHarness<String, RiskInput, ControlEvent, Alert> harness =
                     ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new ScorePolicyRisk("", GivenPolicies.NONE),
                             RiskInput::policyId, Types.STRING, Watchlist.POLICIES, Watchlist.RETIREMENTS, Watchlist.RULES)) {
            harness.processElement(RiskInput.of(step), step.at().toEpochMilli());

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ScorePolicyRisk.CASES)).isNullOrEmpty();
            assertThat(harness.getSideOutput(ScorePolicyRisk.REFUSED_STEPS)).singleElement().satisfies(record -> {
                DeadLetter letter = (DeadLetter) ((StreamRecord<?>) record).getValue();
                assertThat(letter.reason()).isEqualTo("case case:p/opened/iv_blue/1 of p is not held by the job: it never opened, or it left"
                        + " the job 30 days after its last alert or step");
                assertThat(letter.code()).isEqualTo("case_step_refused");
                assertThat(ControlMessage.parse(letter.value())).isEqualTo(step);
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(step.caseId());
                assertThat(letter.timestamp()).isEqualTo(step.recordedAt().toEpochMilli());
            });
        }
    }
}
