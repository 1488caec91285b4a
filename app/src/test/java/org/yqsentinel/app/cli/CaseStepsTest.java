package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yqsentinel.app.UserError;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.control.CaseStep;

/** What {@code yq case ack|respond|close|reopen|assign} check before they publish, and how they know the job applied a step. */
class CaseStepsTest {

    private static final String CASE = "case:江教发〔2026〕18号/opened/iv_blue/1795170900000";
    private static final Instant AT = Instant.parse("2026-11-20T12:30:00Z");
    private final CaseSteps steps = new CaseSteps(new ConfigLoader(k -> null).read(null));

    private static ObjectNode stored(String status) {
        return Json.mapper().createObjectNode().put("id", CASE).put("subjectId", "江教发〔2026〕18号").put("status", status);
    }

    @Test
    void aStepTakesTheCasesSubjectFromTheStoredCase() {
        CaseStep step = steps.step(stored("ASSESSING"), CaseStep.Step.RESPOND, "王晓明", AT, "官方微博", "https://weibo.com/1/2", null);
        assertThat(step.subjectId()).isEqualTo("江教发〔2026〕18号");
        assertThat(step.caseId()).isEqualTo(CASE);
        assertThat(step.at()).isEqualTo(AT);
        assertThat(step.recordedAt()).isAfter(AT);
    }

    @Test
    void stepsTheStatusDoesNotAllowAndBadValuesAreRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> steps.step(stored("CLOSED"), CaseStep.Step.ACK, "王晓明", AT, null, null, null))
                .isInstanceOf(UserError.class).hasMessage("case " + CASE + " is closed (结案); reopen it first: yq case reopen " + CASE
                        + " --by NAME");
        assertThatThrownBy(() -> steps.step(stored("HANDLING"), CaseStep.Step.REOPEN, "王晓明", AT, null, null, null))
                .isInstanceOf(UserError.class).hasMessageContaining("is not closed (it is in 处置)");
        assertThatThrownBy(() -> steps.step(stored("HANDLING"), CaseStep.Step.RESPOND, "王晓明", AT, "官方微博", "javascript:alert(1)", null))
                .isInstanceOf(UserError.class).hasMessage("cannot respond case " + CASE + ": url 'javascript:alert(1)' is not an http or https address");
        assertThatThrownBy(() -> steps.step(stored("HANDLING"), CaseStep.Step.RESPOND, "王晓明", AT, "官方微博", null, " "))
                .isInstanceOf(UserError.class).hasMessageEndingWith("a response needs its url or its text");
    }

    @Test
    void aStepIsAppliedOnceTheStoredTimelineHoldsItsKindPersonAndTime() {
        CaseStep step = steps.step(stored("HANDLING"), CaseStep.Step.CLOSE, "李静", AT, null, null, "已平息");
        ObjectNode stored = stored("HANDLING");
        stored.putArray("timeline").addObject().put("kind", "CLOSED").put("by", "李静").put("at", AT.plusSeconds(1).toString());
        assertThat(CaseSteps.applied(stored, step)).isFalse();
        ((ObjectNode) stored.get("timeline").get(0)).put("at", AT.toString());
        assertThat(CaseSteps.applied(stored, step)).isTrue();
        JsonNode other = stored.deepCopy();
        ((ObjectNode) other.get("timeline").get(0)).put("by", "王晓明");
        assertThat(CaseSteps.applied(other, step)).isFalse();
    }
}
