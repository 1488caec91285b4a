package org.yqsentinel.pipeline.risk;

import org.yqsentinel.pipeline.link.LinkedPost;
import org.yqsentinel.rules.control.CaseStep;

/** What the risk operator reads, keyed by policy: exactly one of a linked post or a person's step on a case of the policy. */
public record RiskInput(LinkedPost post, CaseStep step) {

    public static RiskInput of(LinkedPost post) {
        return new RiskInput(post, null);
    }

    public static RiskInput of(CaseStep step) {
        return new RiskInput(null, step);
    }

    /** The policy id: the key of the risk state. */
    public String policyId() {
        return post != null ? post.policyId() : step.subjectId();
    }
}
