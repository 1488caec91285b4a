package org.yqsentinel.pipeline.control;

import org.yqsentinel.rules.control.ControlMessage;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * What the policy-linking and risk operators learn on their broadcast input: exactly one of a policy to
 * watch (from {@code yq.raw.policy}), a new version of the risk rules, or a policy's retirement (both from
 * {@code yq.control}).
 */
public record ControlEvent(WatchedPolicy policy, ControlMessage.RulesUpdate rules, ControlMessage.PolicyRetirement retirement) {

    public static ControlEvent of(WatchedPolicy policy) {
        return new ControlEvent(policy, null, null);
    }

    public static ControlEvent of(ControlMessage message) {
        if (message instanceof ControlMessage.RulesUpdate update) {
            return new ControlEvent(null, update, null);
        }
        return new ControlEvent(null, null, (ControlMessage.PolicyRetirement) message);
    }
}
