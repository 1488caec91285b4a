package org.yqsentinel.rules.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.topic.TopicClassifier;

/**
 * The risk a policy document carries before anyone reacts, from its own title and body: each
 * livelihood area it touches (就学就医、住房保障、安全生产 … by the topic rules) and each distinct
 * grievance word it uses (收费、取消、拆迁 …) adds its weight from {@code risk.yaml}; the sum, at most 1,
 * is the score. Every contribution is a {@link Factor} that says why. Immutable and thread-safe.
 */
public final class PreIssuanceRisk {

    /** The score in [0, 1] and the factors that made it, in the order they were found. */
    public record Assessment(double score, List<Factor> factors) {
        public Assessment {
            factors = List.copyOf(factors);
        }
    }

    private final RiskRules.PreIssuance rules;
    private final TopicClassifier topics;

    public PreIssuanceRisk(RiskRules rules, TopicClassifier topics) {
        this.rules = rules.preIssuance();
        this.topics = topics;
    }

    public Assessment assess(String title, String body) {
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body);
        List<Factor> factors = new ArrayList<>();
        double sum = 0;
        for (TopicHit topic : topics.classify(text)) {
            if (rules.livelihoodAreas().contains(topic.name())) {
                sum += rules.areaWeight();
                factors.add(new Factor("领域:" + topic.name(), topic.score(), 1, rules.areaWeight(),
                        "涉及民生领域「" + topic.name() + "」（" + String.join("、", topic.evidence()) + "）"));
            }
        }
        for (Map.Entry<String, Double> word : rules.grievanceWords().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            int count = occurrences(text, word.getKey());
            if (count > 0) {
                sum += word.getValue();
                factors.add(new Factor("诉求词:" + word.getKey(), count, 1, word.getValue(),
                        String.format(Locale.ROOT, "出现易引发不满的「%s」%d 处", word.getKey(), count)));
            }
        }
        return new Assessment(Math.min(1, sum), factors);
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            count++;
        }
        return count;
    }
}
