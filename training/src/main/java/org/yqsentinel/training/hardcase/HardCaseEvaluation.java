package org.yqsentinel.training.hardcase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.topic.TopicClassifier;

/**
 * Measures what the enrich step reads in the hard cases: polarity accuracy per kind of post, precision and
 * recall per topic, and the cases it gets wrong. A case's topics are right when the topics found are exactly
 * the expected ones ({@code 其他}, no topic, is the empty set).
 */
public final class HardCaseEvaluation {

    /** The reading of one case. */
    public record Outcome(HardCase expected, Sentiment sentiment, SortedSet<String> topics) {
        public Outcome {
            topics = Collections.unmodifiableSortedSet(new TreeSet<>(topics));
        }

        public boolean polarityRight() {
            return sentiment.label() == expected.polarity();
        }

        public boolean topicsRight() {
            return topics.equals(expected.topics());
        }
    }

    /** How many cases of a group, and how many of them had polarity and topics right. */
    public record KindTally(int cases, int polarityRight, int topicsRight) {
        public double polarityAccuracy() {
            return ratio(polarityRight, cases);
        }

        public double topicAccuracy() {
            return ratio(topicsRight, cases);
        }
    }

    /** Of one topic: cases that expect it, cases it was found in, and cases both. */
    public record TopicTally(int expected, int found, int correct) {
        public double precision() {
            return ratio(correct, found);
        }

        public double recall() {
            return ratio(correct, expected);
        }
    }

    /** The readings of all cases, in file order. */
    public record Result(String data, List<Outcome> outcomes, List<String> topicNames) {
        public Result {
            outcomes = List.copyOf(outcomes);
            topicNames = List.copyOf(topicNames);
        }

        public double polarityAccuracy() {
            return ratio((int) outcomes.stream().filter(Outcome::polarityRight).count(), outcomes.size());
        }

        public double topicAccuracy() {
            return ratio((int) outcomes.stream().filter(Outcome::topicsRight).count(), outcomes.size());
        }

        /** Per kind of post, by name. */
        public Map<String, KindTally> byKind() {
            Map<String, int[]> counts = new TreeMap<>();
            for (Outcome o : outcomes) {
                int[] c = counts.computeIfAbsent(o.expected().kind(), k -> new int[3]);
                c[0]++;
                c[1] += o.polarityRight() ? 1 : 0;
                c[2] += o.topicsRight() ? 1 : 0;
            }
            Map<String, KindTally> tallies = new LinkedHashMap<>();
            counts.forEach((kind, c) -> tallies.put(kind, new KindTally(c[0], c[1], c[2])));
            return tallies;
        }

        /** Per topic of the rules, in the rules' order. */
        public Map<String, TopicTally> byTopic() {
            Map<String, TopicTally> tallies = new LinkedHashMap<>();
            for (String topic : topicNames) {
                int expected = 0;
                int found = 0;
                int correct = 0;
                for (Outcome o : outcomes) {
                    boolean wanted = o.expected().topics().contains(topic);
                    boolean got = o.topics().contains(topic);
                    expected += wanted ? 1 : 0;
                    found += got ? 1 : 0;
                    correct += wanted && got ? 1 : 0;
                }
                tallies.put(topic, new TopicTally(expected, found, correct));
            }
            return tallies;
        }

        /** The cases that expect no topic, and how many of them were given one. */
        public TopicTally noTopic() {
            int expected = 0;
            int given = 0;
            for (Outcome o : outcomes) {
                if (o.expected().topics().isEmpty()) {
                    expected++;
                    given += o.topics().isEmpty() ? 0 : 1;
                }
            }
            return new TopicTally(expected, given, expected - given);
        }

        public List<Outcome> wrong() {
            return outcomes.stream().filter(o -> !o.polarityRight() || !o.topicsRight()).toList();
        }

        /**
         * Tables per kind and per topic, then the wrong cases one a line; the last two lines are
         * {@code polarity_accuracy=0.NNNN} and {@code topic_accuracy=0.NNNN}.
         */
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "data %s: %d cases%n", data, outcomes.size()));
            out.append(String.format(Locale.ROOT, "%-14s %6s %9s %9s%n", "kind", "cases", "polarity", "topics"));
            byKind().forEach((kind, t) -> out.append(String.format(Locale.ROOT, "%-14s %6d %9.4f %9.4f%n",
                    kind, t.cases(), t.polarityAccuracy(), t.topicAccuracy())));
            out.append(String.format(Locale.ROOT, "%-14s %6d %9.4f %9.4f%n", "all", outcomes.size(), polarityAccuracy(), topicAccuracy()));
            out.append(String.format(Locale.ROOT, "%-10s %8s %6s %8s %9s %7s%n", "topic", "expected", "found", "correct", "precision", "recall"));
            byTopic().forEach((topic, t) -> out.append(String.format(Locale.ROOT, "%-10s %8d %6d %8d %9s %7s%n",
                    topic, t.expected(), t.found(), t.correct(), rate(t.correct(), t.found()), rate(t.correct(), t.expected()))));
            TopicTally none = noTopic();
            out.append(String.format(Locale.ROOT, "no topic: %d cases expect none, %d of them were given one%n", none.expected(), none.found()));
            List<Outcome> wrong = wrong();
            out.append(String.format(Locale.ROOT, "wrong: %d cases%n", wrong.size()));
            for (Outcome o : wrong) {
                out.append(wrongLine(o)).append(System.lineSeparator());
            }
            out.append(String.format(Locale.ROOT, "polarity_accuracy=%.4f%n", polarityAccuracy()));
            out.append(String.format(Locale.ROOT, "topic_accuracy=%.4f", topicAccuracy()));
            return out.toString();
        }

        private static String wrongLine(Outcome o) {
            HardCase c = o.expected();
            StringBuilder line = new StringBuilder(c.where()).append(' ').append(c.kind());
            if (!o.polarityRight()) {
                line.append(String.format(Locale.ROOT, " polarity %s got %s (%+.3f)", name(c.polarity()), name(o.sentiment().label()),
                        o.sentiment().score()));
            }
            if (!o.topicsRight()) {
                line.append(" topics ").append(topics(c.topics())).append(" got ").append(topics(o.topics()));
            }
            return line.append(" | ").append(c.text()).toString();
        }

        private static String name(Sentiment.Label label) {
            return label.name().toLowerCase(Locale.ROOT);
        }

        private static String topics(SortedSet<String> topics) {
            return topics.isEmpty() ? HardCases.NO_TOPIC : String.join(",", topics);
        }

        private static String rate(int a, int b) {
            return b == 0 ? "-" : String.format(Locale.ROOT, "%.4f", a / (double) b);
        }
    }

    private HardCaseEvaluation() {}

    /**
     * Reads every case with {@code reader}, the enrich step's analysis of a text.
     *
     * @param topicNames the topics of the rules, in their order, for the per-topic table
     */
    public static Result run(String data, List<HardCase> cases, List<String> topicNames, Function<String, Analysis> reader) {
        List<Outcome> outcomes = new ArrayList<>(cases.size());
        for (HardCase c : cases) {
            Analysis analysis = reader.apply(c.text());
            TreeSet<String> topics = new TreeSet<>();
            for (TopicHit hit : analysis.topics()) {
                if (!hit.name().equals(TopicClassifier.OTHER)) {
                    topics.add(hit.name());
                }
            }
            outcomes.add(new Outcome(c, analysis.sentiment(), topics));
        }
        return new Result(data, outcomes, topicNames);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : a / (double) b;
    }
}
