package org.yqsentinel.rules.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yqsentinel.model.TopicHit;

/**
 * The first {@link TopicClassifier}, kept as the reference its one-pass successor must agree with: per
 * topic, {@code indexOf} for every word and not-when phrase.
 */
final class ReferenceTopicClassifier {

    private final TopicRules rules;

    ReferenceTopicClassifier(TopicRules rules) {
        this.rules = rules;
    }

    List<TopicHit> classify(String text) {
        List<TopicHit> hits = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return List.of(new TopicHit(TopicClassifier.OTHER, 0, null, List.of()));
        }
        for (TopicRules.Topic topic : rules.topics()) {
            boolean[] excluded = excluded(text, topic.notWhen());
            Set<String> evidence = new LinkedHashSet<>();
            double score = 0;
            for (String word : topic.strong()) {
                if (occurs(text, word, excluded) && evidence.add(word)) {
                    score += 2;
                }
            }
            for (String word : topic.weak()) {
                if (occurs(text, word, excluded) && evidence.add(word)) {
                    score += 1;
                }
            }
            if (score >= rules.minimumScore()) {
                hits.add(new TopicHit(topic.name(), score, topic.department(), List.copyOf(evidence)));
            }
        }
        if (hits.isEmpty()) {
            return List.of(new TopicHit(TopicClassifier.OTHER, 0, null, List.of()));
        }
        hits.sort(Comparator.comparingDouble(TopicHit::score).reversed().thenComparing(TopicHit::name));
        return List.copyOf(hits);
    }

    private static boolean[] excluded(String text, List<String> phrases) {
        boolean[] covered = new boolean[text.length()];
        for (String phrase : phrases) {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                for (int i = at; i < at + phrase.length(); i++) {
                    covered[i] = true;
                }
            }
        }
        return covered;
    }

    private static boolean occurs(String text, String word, boolean[] excluded) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (!excluded[at]) {
                return true;
            }
        }
        return false;
    }
}
