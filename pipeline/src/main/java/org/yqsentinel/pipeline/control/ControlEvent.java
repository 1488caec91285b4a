package org.yqsentinel.pipeline.control;

import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.control.ControlMessage;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * What the control side of the job reads: exactly one of a policy to watch (from {@code yq.raw.policy}), a new
 * version of the risk rules, a policy's retirement (both broadcast to the linking and risk operators), or a person's
 * step on a case (keyed by its subject, to the risk operator); the last three from {@code yq.control}.
 */
public record ControlEvent(WatchedPolicy policy, ControlMessage.RulesUpdate rules, ControlMessage.PolicyRetirement retirement,
                           CaseStep caseStep) {

    public static ControlEvent of(WatchedPolicy policy) {
        return new ControlEvent(policy, null, null, null);
    }

    public static ControlEvent of(ControlMessage message) {
        if (message instanceof ControlMessage.RulesUpdate update) {
            return new ControlEvent(null, update, null, null);
        }
        if (message instanceof ControlMessage.PolicyRetirement retirement) {
            return new ControlEvent(null, null, retirement, null);
        }
        return new ControlEvent(null, null, null, (CaseStep) message);
    }

    /** One line for the log. */
    public String describe() {
        if (rules != null) {
            return "rules " + rules.file() + " from " + rules.at();
        }
        if (retirement != null) {
            return "retire " + retirement.policyId() + " from " + retirement.at();
        }
        if (caseStep != null) {
            return "case " + caseStep.caseId() + " " + caseStep.step().key() + " by " + caseStep.by() + " at " + caseStep.at();
        }
        return "policy " + policy.id();
    }
}
