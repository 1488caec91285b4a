package org.yqsentinel.rules.emerging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.risk.AlertMaker;
import org.yqsentinel.rules.risk.CaseBook;
import org.yqsentinel.rules.risk.ResponseClassifier;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.RiskScorer;
import org.yqsentinel.rules.risk.WindowTally;

/**
 * The emerging topics of the stream over event time: posts are added as they come ({@link #add}); at every slide end
 * {@link #close} finds the window's topics ({@link TopicFinder}, the live topics' words as anchors), carries live topics
 * on or starts new ones, and scores every live topic on its posts of
 * the window, as a policy is scored (risk.yaml's weights, tiers and quiet period): its risk point, and an alert event
 * and case when its tier changes. A topic's id ({@code topic:<words at its birth>@<birth>}) stays while it lives, so an
 * episode has one case; it ends when it no longer bursts and has no open episode. Mutable; not thread-safe.
 */
public final class EmergingTopics {

    /** What a window brought: the risk point of each scored topic, the alert events, and the cases they changed. */
    public record Window(List<RiskPoint> points, List<Alert> alerts, List<CaseRecord> cases) {}

    /** A live topic: its id and title, its words now, when it was born and last burst, and its episode and case. */
    public record Topic(String id, String title, List<String> words, Instant born, Instant lastBurst, AlertMaker.Episode episode,
                        CaseRecord caseRecord, AlertMaker.Subject subject) {
        public Topic {
            words = List.copyOf(words);
        }
    }

    /** The most words a topic keeps. */
    static final int MAX_WORDS = 40;

    private final EmergingRules rules;
    private final RiskRules risk;
    private final Set<String> watchWords;
    private final Function<Item, PostRef> quote;
    private final RiskScorer scorer;
    private final AlertMaker alerts;
    private final WordHistory history;
    /** The words of the posts linked to a policy, for the window only. */
    private final WordHistory claimedWords;
    private final TreeMap<Long, List<TopicPost>> posts = new TreeMap<>();
    private final LinkedHashMap<String, Topic> topics = new LinkedHashMap<>();

    public EmergingTopics(EmergingRules rules, RiskRules risk, Set<String> watchWords, Function<Item, PostRef> quote) {
        this.rules = rules;
        this.risk = risk;
        this.watchWords = Set.copyOf(watchWords);
        this.quote = quote;
        this.scorer = new RiskScorer(risk);
        this.alerts = new AlertMaker(risk);
        this.history = new WordHistory(rules);
        this.claimedWords = new WordHistory(rules);
    }

    /**
     * One slide of what the detector keeps, for Flink state: how many posts named each word (of no policy, and of a
     * policy), and while the slide is in the window, its posts. A slide is written when it changes, not the whole
     * detector: at every slide end, the slides that took posts and those whose posts left the window.
     */
    public record Slide(long number, WordHistory.Bucket words, WordHistory.Bucket claimed, List<TopicPost> posts) {
        public Slide {
            posts = posts == null ? List.of() : List.copyOf(posts);
        }
    }

    /** The rest of what the detector keeps: the first slide it saw posts in, and the live topics. */
    public record Topics(long firstSlide, List<Topic> topics) {
        public Topics {
            topics = List.copyOf(topics);
        }
    }

    /** The slides changed since the last call (to write), and those now empty (to remove). */
    public record Changes(List<Slide> changed, List<Long> removed) {}

    private final Set<Long> touched = new TreeSet<>();

    /** The slides that changed since the last call, and those that emptied: what to write to state, and what to remove. */
    public Changes changes() {
        List<Slide> changed = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (long number : touched) {
            Slide slide = slide(number);
            if (slide == null) {
                removed.add(number);
            } else {
                changed.add(slide);
            }
        }
        touched.clear();
        return new Changes(changed, removed);
    }

    /** The live topics and the first slide, for state. */
    public Topics topicsState() {
        return new Topics(history.firstBucket(), List.copyOf(topics.values()));
    }

    private Slide slide(long number) {
        WordHistory.Bucket words = history.bucket(number);
        WordHistory.Bucket claimed = claimedWords.bucket(number);
        List<TopicPost> kept = posts.get(number);
        return words == null && claimed == null && kept == null ? null : new Slide(number, words, claimed, kept);
    }

    /** A detector from its state: its slides, in any order, and its topics. */
    public static EmergingTopics of(Iterable<Slide> slides, Topics state, EmergingRules rules, RiskRules risk, Set<String> watchWords,
                                    Function<Item, PostRef> quote) {
        EmergingTopics detector = new EmergingTopics(rules, risk, watchWords, quote);
        detector.history.firstBucket(state == null ? Long.MAX_VALUE : state.firstSlide());
        for (Slide slide : slides) {
            if (slide.words() != null) {
                detector.history.put(slide.words());
            }
            if (slide.claimed() != null) {
                detector.claimedWords.put(slide.claimed());
            }
            if (!slide.posts().isEmpty()) {
                detector.posts.put(slide.number(), new ArrayList<>(slide.posts()));
            }
        }
        if (state != null) {
            state.topics().forEach(t -> detector.topics.put(t.id(), t));
        }
        return detector;
    }

    /** Counts a post in its slide; a post a policy claims only counts its words as the policy's. */
    public void add(TopicPost post) {
        Instant at = post.post().item().publishedAt();
        touched.add(Math.floorDiv(at.toEpochMilli(), rules.slide().toMillis()));
        if (post.claimed()) {
            claimedWords.add(at, post.words());
            return;
        }
        history.add(at, post.words());
        TopicPost kept = post.cues() != null ? post
                : new TopicPost(post.post(), post.words(), false, post.cuesAmong(risk.responseCueWords()));
        posts.computeIfAbsent(Math.floorDiv(at.toEpochMilli(), rules.slide().toMillis()), b -> new ArrayList<>()).add(kept);
    }

    /** The topics live now, by birth. */
    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    /** Whether posts of a window still to close are kept. */
    public boolean holdsWindowPosts() {
        return !posts.isEmpty();
    }

    /**
     * The window ending at {@code end} (a slide boundary); windows must be closed in event-time order.
     * <ul>
     * <li>A cluster anchored by a live topic carries it on.</li>
     * <li>Another cluster carries on the live topic whose words at least half of its posts name: the same event in
     * other words.</li>
     * <li>A new cluster whose strongest word is named, in at least {@code policy-share} of the window's posts naming it,
     * by posts linked to a watched policy is that policy's, told in words the linking missed post by post: it starts no
     * topic, and the policy's alert speaks for it.</li>
     * </ul>
     */
    public Window close(Instant end) {
        Instant start = end.minus(rules.size());
        long slide = rules.slide().toMillis();
        List<TopicPost> window = new ArrayList<>();
        posts.subMap(Math.floorDiv(start.toEpochMilli(), slide), true, Math.floorDiv(end.toEpochMilli(), slide), false).values()
                .forEach(window::addAll);
        List<TopicPost> inOrder = TopicFinder.sorted(window);
        List<Topic> live = List.copyOf(topics.values());
        List<TopicFinder.Cluster> clusters = TopicFinder.find(window, history, end, rules, live.stream().map(Topic::words).toList());

        Map<String, List<TopicPost>> postsOf = new LinkedHashMap<>();
        Map<String, List<TopicFinder.Burst>> burstsOf = new HashMap<>();
        Set<String> assigned = new HashSet<>();
        for (TopicFinder.Cluster cluster : clusters) {
            Topic continued = cluster.anchor() >= 0 ? live.get(cluster.anchor()) : sameEvent(cluster, live);
            if (continued == null && claimed(cluster, start, end)) {
                continue;
            }
            Topic topic = continued != null ? new Topic(continued.id(), continued.title(), merged(cluster.wordList(),
                    topics.get(continued.id()).words()), continued.born(), end, continued.episode(), continued.caseRecord(),
                    continued.subject()) : born(cluster, end);
            topics.put(topic.id(), topic);
            burstsOf.computeIfAbsent(topic.id(), k -> new ArrayList<>()).addAll(cluster.words());
            List<TopicPost> of = postsOf.computeIfAbsent(topic.id(), k -> new ArrayList<>());
            for (TopicPost post : cluster.posts()) {
                if (assigned.add(post.itemId())) {
                    of.add(post);
                }
            }
        }
        for (Topic topic : List.copyOf(topics.values())) {
            if (burstsOf.containsKey(topic.id())) {
                continue;
            }
            if (topic.episode().tiers().tier() == null && !topic.lastBurst().plus(rules.size()).isAfter(end)) {
                topics.remove(topic.id());  // no longer bursting, no episode open: it has ended
                continue;
            }
            Set<String> words = new HashSet<>(topic.words());
            postsOf.put(topic.id(), inOrder.stream()
                    .filter(p -> !assigned.contains(p.itemId()) && p.words().stream().anyMatch(words::contains)).toList());
        }

        List<RiskPoint> points = new ArrayList<>();
        List<Alert> raised = new ArrayList<>();
        List<CaseRecord> cases = new ArrayList<>();
        for (Map.Entry<String, List<TopicPost>> entry : postsOf.entrySet()) {
            Topic topic = topics.get(entry.getKey());
            WindowTally tally = new WindowTally();
            for (TopicPost post : entry.getValue()) {
                tally.add(post.post(), watchWords, risk.sensitiveTopics(), post.cuesAmong(risk.responseCueWords()));
            }
            long recentFrom = end.minus(risk.windows().recent()).toEpochMilli();
            long recent = entry.getValue().stream().filter(p -> p.post().item().publishedAt().toEpochMilli() >= recentFrom).count();
            double recentPerWindow = recent / ((double) risk.windows().recent().toMillis() / rules.size().toMillis());
            double baseline = baselineOf(topic, burstsOf.get(topic.id()), end);
            RiskScorer.Score score = scorer.score(tally.stats(recentPerWindow, baseline, 0));
            List<PostRef> top = tally.topPosts().stream().map(quote).toList();
            List<ResponseClass> classes = ResponseClassifier.classify(risk.responseClasses(), topic.subject().topic(), tally.cueWords(),
                    score.factors());
            AlertMaker.Outcome outcome = alerts.next(topic.episode(), topic.subject(), score, start, end, top, classes);
            CaseRecord record = topic.caseRecord();
            if (outcome.alert() != null) {
                Alert alert = outcome.alert();
                record = CaseBook.apply(alert.type() == AlertEventType.OPENED ? null : record, alert);
                raised.add(alert);
                cases.add(record);
            }
            points.add(new RiskPoint(RiskPoint.idOf(topic.id(), end), topic.id(), topic.title(), start, end, score.value(),
                    outcome.episode().tiers().tier(), tally.posts(), score.factors()));
            AlertMaker.Episode next = outcome.episode();
            topics.put(topic.id(), new Topic(topic.id(), topic.title(), topic.words(), topic.born(), topic.lastBurst(), next,
                    next.tiers().tier() == null ? null : record, topic.subject()));
        }
        Instant keepFrom = start.minus(rules.baseline());
        touched.addAll(history.evictBefore(keepFrom));
        touched.addAll(claimedWords.evictBefore(start.plus(rules.slide())));
        Map<Long, List<TopicPost>> leaving = posts.headMap(Math.floorDiv(start.plus(rules.slide()).toEpochMilli(), slide));
        touched.addAll(leaving.keySet());
        leaving.clear();
        return new Window(points, raised, cases);
    }

    /** The live topic whose words (places aside) at least half of the cluster's posts name, the most of them; or null. */
    private static Topic sameEvent(TopicFinder.Cluster cluster, List<Topic> live) {
        Topic best = null;
        long most = 0;
        for (Topic topic : live) {
            Set<String> words = new HashSet<>(topic.words());
            words.removeAll(placesOf(cluster.posts()));
            long naming = cluster.posts().stream().filter(p -> p.words().stream().anyMatch(words::contains)).count();
            if (2 * naming >= cluster.posts().size() && naming > most) {
                best = topic;
                most = naming;
            }
        }
        return best;
    }

    /** Whether at least the rules' policy-share of the window's posts that name the cluster's strongest word are a policy's. */
    private boolean claimed(TopicFinder.Cluster cluster, Instant start, Instant end) {
        TopicFinder.Burst strongest = cluster.words().get(0);
        int claimed = claimedWords.count(strongest.word(), start, end);
        return claimed > 0 && claimed >= rules.policyShare() * (claimed + strongest.posts());
    }

    private static Set<String> placesOf(List<TopicPost> posts) {
        Set<String> places = new HashSet<>();
        for (TopicPost post : posts) {
            post.post().analysis().entities().stream().filter(e -> e.kind() == NamedEntity.Kind.PLACE).forEach(e -> places.add(e.text()));
        }
        return places;
    }

    /**
     * A topic's words after a window: those it had, in the order they came, then the cluster's new ones, at most
     * {@value #MAX_WORDS}: the words a topic was born with keep it together while later words come and go.
     */
    private static List<String> merged(List<String> now, List<String> had) {
        Set<String> words = new LinkedHashSet<>(had);
        words.addAll(now);
        return words.stream().limit(MAX_WORDS).toList();
    }

    /** A new topic from a cluster: its id, title, and who its alerts go to (the livelihood topic's department, its region). */
    private Topic born(TopicFinder.Cluster cluster, Instant end) {
        List<String> words = cluster.wordList();
        String place = mostCommon(cluster.posts(), p -> p.post().analysis().entities().stream()
                .filter(e -> e.kind() == NamedEntity.Kind.PLACE).map(NamedEntity::text).toList());
        List<String> titleWords = new ArrayList<>();
        if (place != null) {
            titleWords.add(place);
        }
        for (String word : words) {
            if (titleWords.size() >= rules.titleWords() + (place == null ? 0 : 1)) {
                break;
            }
            if (place == null || !place.contains(word) && !word.contains(place)) {
                titleWords.add(word);
            }
        }
        String title = String.join(" ", titleWords);
        String id = "topic:" + String.join("·", words.stream().limit(rules.titleWords()).toList()) + "@" + end.toEpochMilli();
        String livelihood = mostCommon(cluster.posts(), p -> p.post().analysis().topics().stream().map(TopicHit::name).toList());
        String department = mostCommon(cluster.posts(), p -> p.post().analysis().topics().stream()
                .filter(t -> livelihood != null && livelihood.equals(t.name())).map(TopicHit::department).filter(Objects::nonNull).toList());
        Region region = mostCommonRegion(cluster.posts());
        return new Topic(id, title, words, end, end, AlertMaker.Episode.NONE, null,
                new AlertMaker.Subject(id, title, department, livelihood, region));
    }

    /** The topic's baseline per window: the largest of its words' own baselines. */
    private double baselineOf(Topic topic, List<TopicFinder.Burst> bursts, Instant end) {
        if (bursts != null) {
            return bursts.stream().mapToDouble(TopicFinder.Burst::baseline).max().orElse(0);
        }
        Instant windowStart = end.minus(rules.size());
        Instant first = history.firstSeen();
        if (first == null || !first.isBefore(windowStart)) {
            return 0;
        }
        Instant from = first.isAfter(windowStart.minus(rules.baseline())) ? first : windowStart.minus(rules.baseline());
        double windows = (double) (windowStart.toEpochMilli() - from.toEpochMilli()) / rules.size().toMillis();
        return topic.words().stream().mapToDouble(w -> history.count(w, from, windowStart) / windows).max().orElse(0);
    }

    private static String mostCommon(List<TopicPost> posts, Function<TopicPost, List<String>> values) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TopicPost post : posts) {
            new HashSet<>(values.apply(post)).forEach(v -> counts.merge(v, 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).map(Map.Entry::getKey).orElse(null);
    }

    private static Region mostCommonRegion(List<TopicPost> posts) {
        Map<String, Region> byCity = new HashMap<>();
        String city = mostCommon(posts, p -> {
            Region region = p.post().item().region();
            if (region == null) {
                return List.of();
            }
            String key = region.province() + "/" + (region.city() == null ? "" : region.city());
            byCity.putIfAbsent(key, new Region(region.province(), region.city(), region.code(), null));
            return List.of(key);
        });
        return city == null ? null : byCity.get(city);
    }
}
