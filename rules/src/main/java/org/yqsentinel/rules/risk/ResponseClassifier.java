package org.yqsentinel.rules.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.ResponseClass;

/**
 * The response classes of an alert event, by risk.yaml's {@code response-classes}, each with its evidence in the
 * words a desk reads: the policy's topic, the words the posts used and how many posts used each, the factors that
 * made it a hot topic. Deterministic: classes in the file's order, evidence words by posts then the file's order.
 */
public final class ResponseClassifier {

    /** How many of a class's words its evidence names. */
    static final int WORDS_SHOWN = 3;

    private ResponseClassifier() {}

    /**
     * @param topic     the policy's main topic (topics.yaml), or null
     * @param wordPosts for each cue word of the rules, how many posts of the window name it
     * @param factors   the window's scored factors
     */
    public static List<ResponseClass> classify(List<ResponseClassRule> rules, String topic, Map<String, Long> wordPosts, List<Factor> factors) {
        List<ResponseClass> classes = new ArrayList<>();
        for (ResponseClassRule rule : rules) {
            if (rule.setByPerson()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            if (!rule.topics().isEmpty()) {
                if (topic == null || !rule.topics().contains(topic)) {
                    continue;
                }
                evidence.add("政策主题“" + topic + "”");
            }
            if (!rule.words().isEmpty()) {
                List<String> named = rule.words().stream().filter(w -> wordPosts.getOrDefault(w, 0L) > 0)
                        .sorted(Comparator.comparingLong((String w) -> wordPosts.get(w)).reversed()).toList();
                long most = named.isEmpty() ? 0 : wordPosts.get(named.get(0));
                if (most < rule.minPosts()) {
                    continue;
                }
                evidence.add("帖文提及" + String.join("、", named.stream().limit(WORDS_SHOWN)
                        .map(w -> "“" + w + "”" + wordPosts.get(w) + " 条").toList()));
            }
            if (!rule.factors().isEmpty()) {
                List<String> reached = new ArrayList<>();
                for (Factor factor : factors) {
                    RiskFactor known = RiskFactor.byKey(factor.name());
                    Double at = known == null ? null : rule.factors().get(known);
                    if (at != null && factor.normalized() >= at) {
                        reached.add(known.label() + String.format(Locale.ROOT, " %.2f", factor.normalized()));
                    }
                }
                if (reached.size() < rule.factors().size()) {
                    continue;  // every factor the rule names must reach its value
                }
                evidence.add(String.join("、", reached));
            }
            classes.add(new ResponseClass(rule.name(), String.join("；", evidence), rule.advice()));
        }
        return classes;
    }

    /** Every cue word of the rules, once, in the file's order: what a window tally counts. */
    public static List<String> cueWords(List<ResponseClassRule> rules) {
        return rules.stream().flatMap(r -> r.words().stream()).filter(Objects::nonNull).distinct().toList();
    }
}
