package org.yqsentinel.rules.risk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.RuleReader;
import org.yqsentinel.rules.YamlRules;

/**
 * How the risk of the public reaction to a policy is scored and tiered ({@code rules/risk.yaml}):
 * the event-time windows, the weight of each factor and the raw value at which it counts in full,
 * the tiers' enter and leave thresholds with the quiet period that keeps them from flapping, the
 * respond-by deadline of each tier, when a post links to a policy by its words, and the words that
 * make a policy risky before anyone reacts.
 * Validated at load; an error names the file, the line and what to change.
 */
public record RiskRules(
        Windows windows,
        int watchDays,
        int minimumPosts,
        int breadthFromPosts,
        Map<RiskFactor, Double> weights,
        Map<RiskFactor, Double> fullAt,
        Map<RiskFactor, Double> countsFrom,
        Set<String> sensitiveTopics,
        Map<Tier, Threshold> tiers,
        Duration quiet,
        Linking linking,
        PreIssuance preIssuance,
        List<ResponseClassRule> responseClasses,
        CaseWorkflow caseWorkflow) {

    public static final String FILE = "risk.yaml";

    /**
     * Sliding event-time windows: their size and slide, their latest part (whose rate of posts shows a surge before
     * it fills the window), the baseline growth compares with, and how late an item may come.
     */
    public record Windows(Duration size, Duration slide, Duration recent, Duration baseline, Duration allowedLateness) {}

    /**
     * The case workflow: the effect of a response is measured over the public's posts {@code effectBefore} before it and
     * {@code effectAfter} after it; a case without an alert or a person's step for {@code keep} leaves the job's state.
     */
    public record CaseWorkflow(Duration effectBefore, Duration effectAfter, Duration keep) {

        public static final CaseWorkflow DEFAULT = new CaseWorkflow(Duration.ofHours(6), Duration.ofHours(6), Duration.ofDays(30));
    }

    /** A tier opens at {@code enter}, falls after the score stays below {@code leave} for the quiet period, and must be answered within {@code respondWithin}. */
    public record Threshold(double enter, double leave, Duration respondWithin) {}

    /**
     * When a post links to a policy by its subject: how often, at most, a word may occur in the word background to
     * name the subject (a core word) or to tell of it (a subject word), the reaction words that count beside them,
     * and how many words of the subject make a link as sure as a subject link gets.
     */
    public record Linking(long coreWordFrequency, long subjectWordFrequency, List<String> reactionWords, int fullConfidenceWords) {
        public Linking {
            reactionWords = List.copyOf(reactionWords);
        }
    }

    /** Pre-issuance risk: the livelihood areas (topic names) and grievance words, with what each adds. */
    public record PreIssuance(List<String> livelihoodAreas, double areaWeight, Map<String, Double> grievanceWords) {}

    private static final Set<String> TOP_FIELDS = Set.of("window", "watch-days", "minimum-posts", "breadth-from-posts", "weights", "full-at",
            "counts-from",
            "sensitive-topics", "tiers", "quiet-minutes", "linking", "pre-issuance", "response-classes",
            "case-workflow");
    private static final Set<String> CASE_WORKFLOW_FIELDS = Set.of("effect-before-hours", "effect-after-hours", "keep-days");
    private static final Set<String> RESPONSE_CLASS_FIELDS = Set.of("topics", "words", "min-posts", "factors", "advice", "set-by");
    private static final Set<String> LINKING_FIELDS = Set.of("core-word-frequency", "subject-word-frequency", "reaction-words",
            "full-confidence-words");
    private static final Set<String> WINDOW_FIELDS = Set.of("size-minutes", "slide-minutes", "recent-minutes", "baseline-hours",
            "allowed-lateness-minutes");
    private static final Set<String> TIER_FIELDS = Set.of("enter", "leave", "respond-within-hours");
    private static final Set<String> PRE_ISSUANCE_FIELDS = Set.of("livelihood-areas", "area-weight", "grievance-words");
    /** How risk.yaml names each tier, from the least severe. */
    private static final Map<Tier, String> TIER_KEYS = new EnumMap<>(Map.of(Tier.IV_BLUE, "IV", Tier.III_YELLOW, "III",
            Tier.II_ORANGE, "II", Tier.I_RED, "I"));

    public RiskRules {
        weights = Map.copyOf(weights);
        fullAt = Map.copyOf(fullAt);
        countsFrom = Map.copyOf(countsFrom);
        sensitiveTopics = Collections.unmodifiableSet(new LinkedHashSet<>(sensitiveTopics));  // file order kept; looked up per post
        tiers = Map.copyOf(tiers);
        responseClasses = List.copyOf(responseClasses);
    }

    /** Every cue word of the response classes, once: what each window counts the posts of. */
    public List<String> responseCueWords() {
        return ResponseClassifier.cueWords(responseClasses);
    }

    /** The bundled rules, or the user's {@code risk.yaml} from the rules folder. */
    public static RiskRules load(RuleFiles files) {
        return parse(YamlRules.parse(files.read(FILE)));
    }

    /** Rules from a file's text, e.g. one published to {@code yq.control}; {@code name} is used in errors. */
    public static RiskRules parse(String name, String text) {
        return parse(YamlRules.parse(new RuleFiles.Source(name, text)));
    }

    private static RiskRules parse(YamlRules yaml) {
        RuleReader read = new RuleReader(yaml);
        JsonNode root = yaml.root();
        yaml.knownFields(root, "", TOP_FIELDS);

        JsonNode window = read.map(root, "", "window");
        yaml.knownFields(window, "/window", WINDOW_FIELDS);
        RuleReader.SlidingWindow sliding = read.slidingWindow(window, "/window");
        Duration size = sliding.size();
        Duration slide = sliding.slide();
        Duration baseline = sliding.baseline();
        Duration recent = Duration.ofMinutes(read.whole(window, "/window", "recent-minutes", 1));
        Duration lateness = Duration.ofMinutes(read.whole(window, "/window", "allowed-lateness-minutes", 0));
        if (recent.compareTo(size) > 0 || recent.toMinutes() % slide.toMinutes() != 0) {
            throw yaml.error("/window/recent-minutes", "recent-minutes must be a multiple of slide-minutes (" + slide.toMinutes()
                    + ") and at most size-minutes (" + size.toMinutes() + "): the latest part of a window is made of whole slides");
        }

        Map<RiskFactor, Double> weights = factors(read, root, "weights", true);
        for (RiskFactor.Group group : RiskFactor.Group.values()) {
            double sum = weights.entrySet().stream().filter(e -> e.getKey().group() == group).mapToDouble(Map.Entry::getValue).sum();
            if (sum <= 0) {
                throw yaml.error("/weights", "at least one " + group.name().toLowerCase(Locale.ROOT)
                        + " factor needs a weight above 0, or every score would be 0");
            }
        }
        Map<RiskFactor, Double> fullAt = factors(read, root, "full-at", false);
        Map<RiskFactor, Double> countsFrom = new EnumMap<>(RiskFactor.class);
        JsonNode from = read.map(root, "", "counts-from");
        from.fieldNames().forEachRemaining(key -> {
            RiskFactor factor = RiskFactor.byKey(key);
            if (factor == null || factor == RiskFactor.PRE_ISSUANCE) {
                throw yaml.error("/counts-from/" + key, "unknown factor '" + key + "'; expected one of " + expected(false));
            }
            double value = read.number(from, "/counts-from", key, 0, Double.MAX_VALUE);
            if (value >= fullAt.get(factor)) {
                throw yaml.error("/counts-from/" + key, "counts-from of " + key + " (" + value + ") must be below its full-at ("
                        + fullAt.get(factor) + ")");
            }
            countsFrom.put(factor, value);
        });

        JsonNode tierNodes = read.map(root, "", "tiers");
        yaml.knownFields(tierNodes, "/tiers", Set.copyOf(TIER_KEYS.values()));
        Map<Tier, Threshold> tiers = new EnumMap<>(Tier.class);
        double lastEnter = 0;
        double lastLeave = -1;
        for (Tier tier : Tier.values()) {
            String name = TIER_KEYS.get(tier);
            String at = "/tiers/" + name;
            JsonNode node = read.map(tierNodes, "/tiers", name);
            yaml.knownFields(node, at, TIER_FIELDS);
            double enter = read.number(node, at, "enter", 0, 100);
            double leave = read.number(node, at, "leave", 0, 100);
            if (leave >= enter) {
                throw yaml.error(at + "/leave", "leave (" + leave + ") must be below enter (" + enter
                        + "), or tier " + name + " would flap");
            }
            if (enter <= lastEnter) {
                throw yaml.error(at + "/enter", "enter of tier " + name + " (" + enter
                        + ") must be above that of the tier below it (" + lastEnter + ")");
            }
            if (leave <= lastLeave) {
                throw yaml.error(at + "/leave", "leave of tier " + name + " (" + leave
                        + ") must be above that of the tier below it (" + lastLeave + ")");
            }
            lastEnter = enter;
            lastLeave = leave;
            Duration respond = Duration.ofHours(read.whole(node, at, "respond-within-hours", 1));
            tiers.put(tier, new Threshold(enter, leave, respond));
        }

        JsonNode linkingNode = read.map(root, "", "linking");
        yaml.knownFields(linkingNode, "/linking", LINKING_FIELDS);
        int coreFrequency = read.whole(linkingNode, "/linking", "core-word-frequency", 0);
        int subjectFrequency = read.whole(linkingNode, "/linking", "subject-word-frequency", 0);
        if (coreFrequency > subjectFrequency) {
            throw yaml.error("/linking/core-word-frequency", "core-word-frequency (" + coreFrequency
                    + ") must not be above subject-word-frequency (" + subjectFrequency
                    + "): a word that names a policy's subject must be at least as rare as one that tells of it");
        }
        Linking linking = new Linking(coreFrequency, subjectFrequency, yaml.words(linkingNode, "/linking", "reaction-words"),
                read.whole(linkingNode, "/linking", "full-confidence-words", 2));

        JsonNode pre = read.map(root, "", "pre-issuance");
        yaml.knownFields(pre, "/pre-issuance", PRE_ISSUANCE_FIELDS);
        List<String> areas = read.someWords(pre, "/pre-issuance", "livelihood-areas");
        double areaWeight = read.number(pre, "/pre-issuance", "area-weight", 0, 1);
        JsonNode words = read.map(pre, "/pre-issuance", "grievance-words");
        Map<String, Double> grievance = new LinkedHashMap<>();
        words.fieldNames().forEachRemaining(word -> grievance.put(word.strip(),
                read.number(words, "/pre-issuance/grievance-words", word, 0, 1)));

        return new RiskRules(new Windows(size, slide, recent, baseline, lateness),
                read.whole(root, "", "watch-days", 1),
                read.whole(root, "", "minimum-posts", 1),
                read.whole(root, "", "breadth-from-posts", 1),
                weights, fullAt, countsFrom, new LinkedHashSet<>(read.someWords(root, "", "sensitive-topics")), tiers,
                Duration.ofMinutes(read.whole(root, "", "quiet-minutes", 1)),
                linking,
                new PreIssuance(areas, areaWeight, Map.copyOf(grievance)),
                responseClasses(read, root),
                caseWorkflow(read, root, new Windows(size, slide, recent, baseline, lateness)));
    }

    /** {@code case-workflow}: optional; the effect's periods must lie within the posts the job keeps (the baseline, at least). */
    private static CaseWorkflow caseWorkflow(RuleReader read, JsonNode root, Windows windows) {
        if (!root.has("case-workflow")) {
            return CaseWorkflow.DEFAULT;
        }
        JsonNode node = read.map(root, "", "case-workflow");
        read.yaml().knownFields(node, "/case-workflow", CASE_WORKFLOW_FIELDS);
        Duration before = Duration.ofHours(read.whole(node, "/case-workflow", "effect-before-hours", 1));
        Duration after = Duration.ofHours(read.whole(node, "/case-workflow", "effect-after-hours", 1));
        for (String field : List.of("effect-before-hours", "effect-after-hours")) {
            if (Duration.ofHours(node.get(field).asInt()).toMinutes() % windows.slide().toMinutes() != 0) {
                throw read.yaml().error("/case-workflow/" + field, field + " must be a whole number of slides (window/slide-minutes: "
                        + windows.slide().toMinutes() + "), so that its posts are counted in whole slides");
            }
        }
        if (before.plus(after).compareTo(windows.baseline()) > 0) {
            throw read.yaml().error("/case-workflow/effect-after-hours", "effect-before-hours + effect-after-hours must be at most "
                    + "window/baseline-hours (" + windows.baseline().toHours() + "; the job keeps the posts of the baseline and the "
                    + "window), not " + before.plus(after).toHours());
        }
        return new CaseWorkflow(before, after, Duration.ofDays(read.whole(node, "/case-workflow", "keep-days", 1)));
    }

    /** {@code response-classes}: by name, each with at least one condition and the advice; optional as a whole. */
    private static List<ResponseClassRule> responseClasses(RuleReader read, JsonNode root) {
        if (!root.has("response-classes")) {
            return List.of();
        }
        JsonNode classes = read.map(root, "", "response-classes");
        List<ResponseClassRule> rules = new ArrayList<>();
        classes.fieldNames().forEachRemaining(name -> {
            String at = "/response-classes/" + name;
            JsonNode node = read.map(classes, "/response-classes", name);
            read.yaml().knownFields(node, at, RESPONSE_CLASS_FIELDS);
            List<String> topics = read.yaml().words(node, at, "topics");
            List<String> words = read.yaml().words(node, at, "words");
            int minPosts = node.has("min-posts") ? read.whole(node, at, "min-posts", 1) : 1;
            Map<RiskFactor, Double> factors = new EnumMap<>(RiskFactor.class);
            if (node.has("factors")) {
                JsonNode given = read.map(node, at, "factors");
                given.fieldNames().forEachRemaining(key -> {
                    RiskFactor factor = RiskFactor.byKey(key);
                    if (factor == null) {
                        throw read.yaml().error(at + "/factors/" + key, "unknown factor '" + key + "'; expected one of " + expected(true));
                    }
                    factors.put(factor, read.number(given, at + "/factors", key, 0, 1));
                });
            }
            boolean byPerson = node.has("set-by");
            if (byPerson && !(node.get("set-by").isTextual() && node.get("set-by").asText().equals("person"))) {
                throw read.yaml().error(at + "/set-by", "set-by can only be 'person' (a class a person puts on a case), not "
                        + node.get("set-by"));
            }
            if (byPerson && !(topics.isEmpty() && words.isEmpty() && factors.isEmpty())) {
                throw read.yaml().error(at + "/set-by", "response class " + name + " is set by a person; it cannot also have "
                        + "topics, words or factors");
            }
            if (!byPerson && topics.isEmpty() && words.isEmpty() && factors.isEmpty()) {
                throw read.yaml().error(at, "response class " + name + " needs a condition: topics, words or factors (or set-by: person)");
            }
            if (node.has("min-posts") && words.isEmpty()) {
                throw read.yaml().error(at + "/min-posts", "min-posts counts the posts naming the class's words; give words too");
            }
            JsonNode advice = node.get("advice");
            if (advice == null || !advice.isTextual() || advice.asText().isBlank()) {
                throw read.yaml().error(at + (advice == null ? "" : "/advice"), "advice must be the text the alert messages give for a "
                        + name + " event" + (advice == null ? ", and is missing" : ""));
            }
            rules.add(new ResponseClassRule(name.strip(), topics, words, minPosts, factors, advice.asText().strip(), byPerson));
        });
        return rules;
    }

    /** {@code weights} names every factor; {@code full-at} every factor but pre-issuance, which is already in [0, 1]. */
    private static Map<RiskFactor, Double> factors(RuleReader read, JsonNode root, String field, boolean all) {
        JsonNode node = read.map(root, "", field);
        Map<RiskFactor, Double> values = new EnumMap<>(RiskFactor.class);
        node.fieldNames().forEachRemaining(key -> {
            RiskFactor factor = RiskFactor.byKey(key);
            if (factor == null || !all && factor == RiskFactor.PRE_ISSUANCE) {
                throw read.yaml().error("/" + field + "/" + key, "unknown factor '" + key + "'; expected one of "
                        + expected(all));
            }
            values.put(factor, all ? read.number(node, "/" + field, key, 0, Double.MAX_VALUE)
                    : read.positive(node, "/" + field, key));
        });
        for (RiskFactor factor : RiskFactor.values()) {
            if (!values.containsKey(factor) && (all || factor != RiskFactor.PRE_ISSUANCE)) {
                throw read.yaml().error("/" + field, field + " has no value for '" + factor.key() + "'");
            }
        }
        return values;
    }

    private static List<String> expected(boolean all) {
        List<String> keys = new ArrayList<>();
        for (RiskFactor factor : RiskFactor.values()) {
            if (all || factor != RiskFactor.PRE_ISSUANCE) {
                keys.add(factor.key());
            }
        }
        return keys;
    }
}
