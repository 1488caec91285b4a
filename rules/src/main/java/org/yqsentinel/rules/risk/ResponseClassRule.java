package org.yqsentinel.rules.risk;

import java.util.List;
import java.util.Map;

/**
 * When an alert event is of a response class (risk.yaml's {@code response-classes}), and the advice its messages give.
 * An event is of the class when every condition the rule gives holds: the policy's topic is one of {@code topics}; at
 * least {@code minPosts} posts of the window name one of {@code words} (in the title or text);
 * every factor of {@code factors} reaches its normalized value. A class {@code setByPerson} (上级交办) has no conditions: a
 * person puts it on a case ({@code yq case assign}).
 */
public record ResponseClassRule(String name, List<String> topics, List<String> words, int minPosts, Map<RiskFactor, Double> factors,
                                String advice, boolean setByPerson) {

    public ResponseClassRule {
        topics = List.copyOf(topics);
        words = List.copyOf(words);
        factors = Map.copyOf(factors);
    }

    /** A class the job finds by its conditions. */
    public ResponseClassRule(String name, List<String> topics, List<String> words, int minPosts, Map<RiskFactor, Double> factors,
                             String advice) {
        this(name, topics, words, minPosts, factors, advice, false);
    }
}
