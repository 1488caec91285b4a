package org.yqsentinel.rules.emerging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.RuleReader;
import org.yqsentinel.rules.YamlRules;

/**
 * How emerging topics (苗头性舆情) are found ({@code rules/emerging.yaml}): the event-time window and a word's own
 * baseline, when a word bursts, which words a post offers, when bursting words make one topic, and how a topic is
 * titled. Validated at load; an error names the file, the line and what to change.
 */
public record EmergingRules(Duration size, Duration slide, Duration baseline, Duration warmUp, int wordMinPosts, double wordMinRatio,
                            int wordMinLength, int wordsPerPost, Set<String> ignore, double minOverlap,
                            int topicMinPosts, int titleWords, double policyShare) {

    public static final String FILE = "emerging.yaml";

    private static final Set<String> TOP_FIELDS = Set.of("window", "words", "topics");
    private static final Set<String> WINDOW_FIELDS = Set.of("size-minutes", "slide-minutes", "baseline-hours", "warm-up-hours");
    private static final Set<String> WORD_FIELDS = Set.of("min-posts", "min-ratio", "min-length", "per-post", "ignore");
    private static final Set<String> TOPIC_FIELDS = Set.of("min-overlap", "min-posts", "title-words", "policy-share");

    public EmergingRules {
        ignore = Set.copyOf(ignore);
    }

    /** The bundled rules, or the user's {@code emerging.yaml} from the rules folder. */
    public static EmergingRules load(RuleFiles files) {
        return parse(YamlRules.parse(files.read(FILE)));
    }

    /** Rules from a file's text; {@code name} is used in errors. */
    public static EmergingRules parse(String name, String text) {
        return parse(YamlRules.parse(new RuleFiles.Source(name, text)));
    }

    private static EmergingRules parse(YamlRules yaml) {
        RuleReader read = new RuleReader(yaml);
        JsonNode root = yaml.root();
        yaml.knownFields(root, "", TOP_FIELDS);
        JsonNode window = read.map(root, "", "window");
        yaml.knownFields(window, "/window", WINDOW_FIELDS);
        RuleReader.SlidingWindow sliding = read.slidingWindow(window, "/window");
        Duration baseline = sliding.baseline();
        Duration warmUp = Duration.ofHours(read.whole(window, "/window", "warm-up-hours", 0));
        if (warmUp.compareTo(baseline) > 0) {
            throw yaml.error("/window/warm-up-hours", "warm-up-hours must be at most baseline-hours (" + baseline.toHours() + ")");
        }
        JsonNode words = read.map(root, "", "words");
        yaml.knownFields(words, "/words", WORD_FIELDS);
        JsonNode topics = read.map(root, "", "topics");
        yaml.knownFields(topics, "/topics", TOPIC_FIELDS);
        return new EmergingRules(sliding.size(), sliding.slide(), baseline, warmUp,
                read.whole(words, "/words", "min-posts", 2),
                read.number(words, "/words", "min-ratio", 1, Double.MAX_VALUE),
                read.whole(words, "/words", "min-length", 1),
                read.whole(words, "/words", "per-post", 1),
                new LinkedHashSet<>(yaml.words(words, "/words", "ignore")),
                read.number(topics, "/topics", "min-overlap", 0, 1),
                read.whole(topics, "/topics", "min-posts", 1),
                read.whole(topics, "/topics", "title-words", 1),
                read.number(topics, "/topics", "policy-share", 0, 1));
    }
}
