package org.yqsentinel.enrich.policy;

import java.util.List;
import java.util.Optional;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Region;
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
 * department — the issuing office, else the department the topic rules route its main topic to — its main
 * topic, and the region it applies to, read from the places its issuing office and title name (not its
 * body, which may cite other places). Thread-safe.
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
        Optional<TopicHit> main = reading.topics().stream().filter(t -> !t.name().equals(TopicClassifier.OTHER)).findFirst();
        boolean office = policy.issuingOffice() != null && !policy.issuingOffice().isBlank();
        return new WatchedPolicy(policy, reading.tokens(), risk.score(), risk.factors(),
                office ? policy.issuingOffice() : main.map(TopicHit::department).orElse(null), main.map(TopicHit::name).orElse(null),
                region(policy));
    }

    /** Where the issuing office and the title place it (the office first, so it wins a tie), or null. */
    private Region region(PolicyDocument policy) {
        List<String> places = analyzer.tokens(policy.issuingOffice(), policy.title());
        return analyzer.region(null, policy.issuingOffice(), places).orElse(null);
    }
}
