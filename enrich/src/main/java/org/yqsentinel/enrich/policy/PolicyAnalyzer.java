package org.yqsentinel.enrich.policy;

import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.PreIssuanceRisk;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.topic.TopicClassifier;
import org.yqsentinel.rules.topic.TopicRules;

/**
 * Makes a policy document ready to watch: reads its title and body with the same analyzer as the posts
 * (so its words compare with theirs), assesses its pre-issuance risk, and names the responsible
 * department — the issuing office, else the department the topic rules route its main topic to.
 * Thread-safe.
 */
public final class PolicyAnalyzer {

    private final TextAnalyzer analyzer;
    private final PreIssuanceRisk preIssuance;

    public PolicyAnalyzer(RuleFiles rules) {
        this(new TextAnalyzer(rules), RiskRules.load(rules), TopicRules.load(rules));
    }

    public PolicyAnalyzer(TextAnalyzer analyzer, RiskRules risk, TopicRules topics) {
        this.analyzer = analyzer;
        this.preIssuance = new PreIssuanceRisk(risk, new TopicClassifier(topics));
    }

    public WatchedPolicy watch(PolicyDocument policy) {
        Analysis reading = analyzer.analyze(policy.title(), policy.body());
        PreIssuanceRisk.Assessment risk = preIssuance.assess(policy.title(), policy.body());
        return new WatchedPolicy(policy, reading.tokens(), risk.score(), risk.factors(), department(policy, reading));
    }

    private static String department(PolicyDocument policy, Analysis reading) {
        if (policy.issuingOffice() != null && !policy.issuingOffice().isBlank()) {
            return policy.issuingOffice();
        }
        return reading.topics().stream().filter(t -> t.department() != null && !t.name().equals(TopicClassifier.OTHER))
                .map(TopicHit::department).findFirst().orElse(null);
    }
}
