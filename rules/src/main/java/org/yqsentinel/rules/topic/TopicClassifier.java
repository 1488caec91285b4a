package org.yqsentinel.rules.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yqsentinel.model.TopicHit;

/**
 * Multi-label topics of a text by the lexicons of {@link TopicRules}: distinct strong words count 2,
 * weak words 1, words inside a topic's not-when phrases not at all; a topic is assigned at the
 * minimum score, and every assignment lists the words that made it. No topic gives {@value #OTHER}.
 *
 * <p>One pass over the text finds every word and phrase of every topic: a {@link WordTrie} walked from
 * each position. Words are a few characters long, so most walks stop at the first or second character:
 * as cheap as Aho–Corasick here, without failure links to build and get right, and the matches come by
 * start, which is what the not-when rule needs. Immutable and thread-safe.
 */
public final class TopicClassifier {

    public static final String OTHER = "其他";
    private static final List<TopicHit> NO_TOPIC = List.of(new TopicHit(OTHER, 0, null, List.of()));
    private static final Comparator<TopicHit> BY_SCORE_THEN_NAME =
            Comparator.comparingDouble(TopicHit::score).reversed().thenComparing(TopicHit::name);

    /**
     * A topic's distinct words in evidence order, strong ones in rule order and then weak ones, each
     * with its weight; entry {@code i} of the topic is entry {@code first + i} of the classifier.
     */
    private record Lexicon(String name, String department, List<String> words, int[] weights, int first) {}

    private final double minimumScore;
    private final List<Lexicon> lexicons;
    private final WordTrie trie;
    /** Per trie word, the entries of all lexicons that are this word. */
    private final int[][] entriesOf;
    /** Per trie word, the topics of which it is a not-when phrase. */
    private final int[][] excludedBy;
    private final int[] topicOf;

    public TopicClassifier(TopicRules rules) {
        this.minimumScore = rules.minimumScore();
        Map<String, List<Integer>> entries = new LinkedHashMap<>();
        Map<String, List<Integer>> phrases = new LinkedHashMap<>();
        List<Lexicon> lexicons = new ArrayList<>();
        List<Integer> topicOf = new ArrayList<>();
        for (TopicRules.Topic topic : rules.topics()) {
            int index = lexicons.size();
            int first = topicOf.size();
            Map<String, Integer> weights = new LinkedHashMap<>();
            topic.strong().forEach(word -> weights.putIfAbsent(word, 2));
            topic.weak().forEach(word -> weights.putIfAbsent(word, 1));
            for (String word : weights.keySet()) {
                entries.computeIfAbsent(word, w -> new ArrayList<>()).add(topicOf.size());
                topicOf.add(index);
            }
            topic.notWhen().forEach(phrase -> phrases.computeIfAbsent(phrase, p -> new ArrayList<>()).add(index));
            lexicons.add(new Lexicon(topic.name(), topic.department(), List.copyOf(weights.keySet()),
                    weights.values().stream().mapToInt(Integer::intValue).toArray(), first));
        }
        this.lexicons = List.copyOf(lexicons);
        this.trie = new WordTrie(Stream.concat(entries.keySet().stream(), phrases.keySet().stream()).toList());
        this.entriesOf = trie.words().stream().map(word -> toArray(entries.get(word))).toArray(int[][]::new);
        this.excludedBy = trie.words().stream().map(word -> toArray(phrases.get(word))).toArray(int[][]::new);
        this.topicOf = toArray(topicOf);
    }

    /** The topics of the text, highest score first and then by name; {@value #OTHER} alone when there is none. */
    public List<TopicHit> classify(String text) {
        if (text == null || text.isBlank()) {
            return NO_TOPIC;
        }
        boolean[] found = found(text);
        List<TopicHit> hits = new ArrayList<>();
        for (Lexicon lexicon : lexicons) {
            int score = 0;
            List<String> evidence = new ArrayList<>();
            for (int i = 0; i < lexicon.words().size(); i++) {
                if (found[lexicon.first() + i]) {
                    score += lexicon.weights()[i];
                    evidence.add(lexicon.words().get(i));
                }
            }
            if (score >= minimumScore) {
                hits.add(new TopicHit(lexicon.name(), score, lexicon.department(), evidence));
            }
        }
        if (hits.isEmpty()) {
            return NO_TOPIC;
        }
        hits.sort(BY_SCORE_THEN_NAME);
        return List.copyOf(hits);
    }

    /**
     * Per entry, whether the word occurs at a start its topic's not-when phrases leave free. A start is
     * covered exactly when a phrase starting there or before ends after it, so the scan keeps, per topic,
     * the furthest end of its phrases so far, and takes the phrases at a start before the words there.
     */
    private boolean[] found(String text) {
        boolean[] found = new boolean[topicOf.length];
        int[] coveredUntil = new int[lexicons.size()];
        int[] matches = new int[trie.longest()];
        for (int start = 0; start < text.length(); start++) {
            int count = trie.matchesAt(text, start, matches);
            for (int m = 0; m < count; m++) {
                int end = start + trie.words().get(matches[m]).length();
                for (int topic : excludedBy[matches[m]]) {
                    coveredUntil[topic] = Math.max(coveredUntil[topic], end);
                }
            }
            for (int m = 0; m < count; m++) {
                for (int entry : entriesOf[matches[m]]) {
                    found[entry] |= coveredUntil[topicOf[entry]] <= start;
                }
            }
        }
        return found;
    }

    private static int[] toArray(List<Integer> values) {
        return values == null ? new int[0] : values.stream().mapToInt(Integer::intValue).toArray();
    }
}
