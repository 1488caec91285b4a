package org.yqsentinel.pipeline.control;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.yqsentinel.enrich.policy.PolicyAnalyzer;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.WatchedPolicy;

/** Makes each policy document ready to watch ({@link PolicyAnalyzer}), with the rules of the configured folder. */
public final class PreparePolicies extends RichMapFunction<PolicyDocument, WatchedPolicy> {

    private final String rulesDir;
    private transient PolicyAnalyzer analyzer;

    /** @param rulesDir a rules folder present on every task manager, or empty for the bundled rules */
    public PreparePolicies(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        analyzer = new PolicyAnalyzer(RuleFiles.of(rulesDir));
    }

    @Override
    public WatchedPolicy map(PolicyDocument policy) {
        return analyzer.watch(policy);
    }
}
