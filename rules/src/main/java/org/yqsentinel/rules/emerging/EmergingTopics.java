package org.yqsentinel.rules.emerging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
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
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.risk.AlertMaker;
import org.yqsentinel.rules.risk.CaseBook;
import org.yqsentinel.rules.risk.ResponseClassifier;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.ResponseEffects;
import org.yqsentinel.rules.risk.RiskScorer;
import org.yqsentinel.rules.risk.SlidingTallies;
import org.yqsentinel.rules.risk.TallyBucket;
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

    /** A live topic: its id and title, its words now, when it was born and last burst, and its episode (with its case's id). */
    public record Topic(String id, String title, List<String> words, Instant born, Instant lastBurst, AlertMaker.Episode episode,
                        AlertMaker.Subject subject) {
        public Topic {
            words = List.copyOf(words);
        }
    }

    /** The most words a topic keeps. */
    static final int MAX_WORDS = 40;

    private final EmergingRules rules;
    private final RiskRules risk;
    private final Set<String> watchWords;
    /** The response classes' cue words, looked for once per post. */
    private final List<String> cueWords;
    private final Function<Item, PostRef> quote;
    private final RiskScorer scorer;
    private final AlertMaker alerts;
    private final WordHistory history;
    /** The words of the posts linked to a policy, for the window only. */
    private final WordHistory claimedWords;
    private final TreeMap<Long, List<TopicPost>> posts = new TreeMap<>();
    /** Slides' posts in publish order and indexed, once per slide; a slide's is dropped when the slide takes a post. */
    private final TreeMap<Long, WindowPosts> indexed = new TreeMap<>();
    private final LinkedHashMap<String, Topic> topics = new LinkedHashMap<>();
    /** The topics' cases by id, kept after their topic ends, until the case workflow's keep-days pass without a change. */
    private final TreeMap<String, CaseRecord> cases = new TreeMap<>();
    /** Each topic's posts slide by slide, as the last window that held the slide assigned them: what a response's effect is measured on. */
    private final TreeMap<Long, Map<String, TallyBucket>> tallies = new TreeMap<>();

    public EmergingTopics(EmergingRules rules, RiskRules risk, Set<String> watchWords, Function<Item, PostRef> quote) {
        this.rules = rules;
        this.risk = risk;
        this.watchWords = Set.copyOf(watchWords);
        this.cueWords = risk.responseCueWords();
        this.quote = quote;
        this.scorer = new RiskScorer(risk);
        this.alerts = new AlertMaker(risk);
        this.history = new WordHistory(rules);
        this.claimedWords = new WordHistory(rules);
    }

    /**
     * One slide of what the detector keeps, for Flink state: how many posts named each word (of no policy, and of a
     * policy), and each topic's posts in it once it has left the window. A slide is written when it changes, not the
     * whole detector: at every slide end, the slides that took posts and those that left the window. The window's posts
     * themselves are not part of it: each is kept once, as it came ({@link #of}, {@link Changes#postsLeft}).
     */
    public record Slide(long number, WordHistory.Bucket words, WordHistory.Bucket claimed, List<TopicTally> topics) {
        public Slide {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /** A topic's posts of one slide. */
    public record TopicTally(String topicId, TallyBucket posts) {}

    /** The rest of what the detector keeps, but its cases: the first slide it saw posts in, and the live topics. */
    public record Topics(long firstSlide, List<Topic> topics) {
        public Topics {
            topics = List.copyOf(topics);
        }
    }

    /**
     * The slides changed since the last call (to write), those now empty (to remove), the ids of the posts whose slide
     * has left the window since (no longer kept), the cases changed (to write), and the ids of those forgotten.
     */
    public record Changes(List<Slide> changed, List<Long> removed, List<String> postsLeft, List<CaseRecord> cases, List<String> casesRemoved) {}

    private final Set<Long> touched = new TreeSet<>();
    private final List<String> postsLeft = new ArrayList<>();
    /** The cases changed or forgotten since the last {@link #changes()}. */
    private final Set<String> casesTouched = new TreeSet<>();

    /**
     * The slides that changed since the last call, and those that emptied: what to write to state, and what to remove;
     * the posts that left the window; and the cases changed, and those forgotten.
     */
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
        List<String> left = List.copyOf(postsLeft);
        postsLeft.clear();
        List<CaseRecord> changedCases = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (String id : casesTouched) {
            CaseRecord record = cases.get(id);
            if (record == null) {
                forgotten.add(id);
            } else {
                changedCases.add(record);
            }
        }
        casesTouched.clear();
        return new Changes(changed, removed, left, changedCases, forgotten);
    }

    /** The live topics and the first slide, for state. */
    public Topics topicsState() {
        return new Topics(history.firstBucket(), List.copyOf(topics.values()));
    }

    private Slide slide(long number) {
        WordHistory.Bucket words = history.bucket(number);
        WordHistory.Bucket claimed = claimedWords.bucket(number);
        Map<String, TallyBucket> ofTopics = tallies.get(number);
        if (words == null && claimed == null && ofTopics == null) {
            return null;
        }
        List<TopicTally> topicTallies = ofTopics == null ? List.of()
                : ofTopics.entrySet().stream().map(e -> new TopicTally(e.getKey(), e.getValue())).toList();
        return new Slide(number, words, claimed, topicTallies);
    }

    /**
     * A detector from its state: its slides, in any order, the posts it had added and still kept (those added and not
     * yet reported in {@link Changes#postsLeft}), in any order, its cases, and its topics.
     */
    public static EmergingTopics of(Iterable<Slide> slides, Iterable<TopicPost> kept, Iterable<CaseRecord> cases, Topics state,
                                    EmergingRules rules, RiskRules risk, Set<String> watchWords, Function<Item, PostRef> quote) {
        EmergingTopics detector = new EmergingTopics(rules, risk, watchWords, quote);
        detector.history.firstBucket(state == null ? Long.MAX_VALUE : state.firstSlide());
        for (Slide slide : slides) {
            if (slide.words() != null) {
                detector.history.put(slide.words());
            }
            if (slide.claimed() != null) {
                detector.claimedWords.put(slide.claimed());
            }
            if (!slide.topics().isEmpty()) {
                Map<String, TallyBucket> ofTopics = detector.tallies.computeIfAbsent(slide.number(), n -> new TreeMap<>());
                slide.topics().forEach(t -> ofTopics.put(t.topicId(), t.posts()));
            }
        }
        long slideMillis = rules.slide().toMillis();
        for (TopicPost post : kept) {
            detector.posts.computeIfAbsent(Math.floorDiv(post.post().item().publishedAt().toEpochMilli(), slideMillis), n -> new ArrayList<>())
                    .add(post);
        }
        cases.forEach(c -> detector.cases.put(c.id(), c));
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
                : new TopicPost(post.post(), post.words(), false, post.cuesAmong(cueWords));
        long number = Math.floorDiv(at.toEpochMilli(), rules.slide().toMillis());
        posts.computeIfAbsent(number, b -> new ArrayList<>()).add(kept);
        indexed.remove(number);
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
     * The window ending at {@code end} (a slide boundary); windows must be closed in event-time order. Posts of later
     * slides may have been added already: a window's close looks only at its own slides and those before.
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
        // each slide is put in publish order and indexed once, so the window's posts are in publish order slide after slide
        List<WindowPosts> slides = new ArrayList<>();
        posts.subMap(Math.floorDiv(start.toEpochMilli(), slide), true, Math.floorDiv(end.toEpochMilli(), slide), false).forEach((n, of) ->
                slides.add(indexed.computeIfAbsent(n, k -> {
                    of.sort(TopicFinder.PUBLISHED);
                    return WindowPosts.of(of);
                })));
        WindowPosts window = WindowPosts.concat(slides);
        List<TopicPost> inOrder = window.posts();
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
                    topics.get(continued.id()).words()), continued.born(), end, continued.episode(), continued.subject())
                    : born(cluster, end);
            topics.put(topic.id(), topic);
            burstsOf.computeIfAbsent(topic.id(), k -> new ArrayList<>()).addAll(cluster.words());
            List<TopicPost> of = postsOf.computeIfAbsent(topic.id(), k -> new ArrayList<>());
            for (TopicPost post : cluster.posts()) {
                if (assigned.add(post.itemId())) {
                    of.add(post);
                }
            }
        }
        List<Topic> quiet = new ArrayList<>();
        for (Topic topic : List.copyOf(topics.values())) {
            if (burstsOf.containsKey(topic.id())) {
                continue;
            }
            if (topic.episode().tiers().tier() == null && !topic.lastBurst().plus(rules.size()).isAfter(end) && !awaitsEffect(topic.id())) {
                topics.remove(topic.id());  // no longer bursting, no episode open, no response to measure: it has ended
                continue;
            }
            quiet.add(topic);
        }
        if (!quiet.isEmpty()) {
            // a live topic that did not burst is scored on the window's other posts that name its words
            for (Topic topic : quiet) {
                BitSet naming = new BitSet();
                for (String word : topic.words()) {
                    for (int p : window.naming(word)) {
                        if (!assigned.contains(inOrder.get(p).itemId())) {
                            naming.set(p);
                        }
                    }
                }
                postsOf.put(topic.id(), naming.stream().mapToObj(inOrder::get).toList());
            }
        }

        long oldest = Math.floorDiv(start.toEpochMilli(), slide);
        List<RiskPoint> points = new ArrayList<>();
        List<Alert> raised = new ArrayList<>();
        List<CaseRecord> cases = new ArrayList<>();
        for (Map.Entry<String, List<TopicPost>> entry : postsOf.entrySet()) {
            Topic topic = topics.get(entry.getKey());
            WindowTally tally = new WindowTally();
            for (TopicPost post : entry.getValue()) {
                tally.addMatched(post.post(), watchWords, risk.sensitiveTopics(), post.cuesAmong(cueWords));
            }
            long recentFrom = end.minus(risk.windows().recent()).toEpochMilli();
            long recent = entry.getValue().stream().filter(p -> p.post().item().publishedAt().toEpochMilli() >= recentFrom).count();
            double recentPerWindow = recent / ((double) risk.windows().recent().toMillis() / rules.size().toMillis());
            double baseline = baselineOf(topic, burstsOf.get(topic.id()), end);
            RiskScorer.Score score = scorer.score(tally.stats(recentPerWindow, baseline, 0));
            List<ResponseClass> classes = ResponseClassifier.classify(risk.responseClasses(), topic.subject().topic(), tally.cueWords(),
                    score.factors());
            AlertMaker.Outcome outcome = alerts.next(topic.episode(), topic.subject(), score, start, end,
                    () -> tally.topPosts().stream().map(quote).toList(), classes);
            if (outcome.alert() != null) {
                Alert alert = outcome.alert();
                CaseRecord record = CaseBook.apply(alert.type() == AlertEventType.OPENED ? null : this.cases.get(alert.caseId()), alert);
                keep(record);
                raised.add(alert);
                cases.add(record);
            }
            // the window's oldest slide leaves it now: the topic's posts in it, as this last window saw them, are kept
            bySlide(postsIn(topic, entry.getValue(), posts.getOrDefault(oldest, List.of()), assigned), oldest, oldest).forEach((number, kept) -> {
                tallies.computeIfAbsent(number, n -> new TreeMap<>()).put(topic.id(), kept.toBucket());
                touched.add(number);
            });
            points.add(new RiskPoint(RiskPoint.idOf(topic.id(), end), topic.id(), topic.title(), start, end, score.value(),
                    outcome.episode().tiers().tier(), tally.posts(), score.factors()));
            AlertMaker.Episode next = outcome.episode();
            topics.put(topic.id(), new Topic(topic.id(), topic.title(), topic.words(), topic.born(), topic.lastBurst(), next,
                    topic.subject()));
        }
        cases.addAll(measureEffects(end, postsOf, inOrder, assigned, oldest));
        forgetCases(end);
        Instant keepFrom = start.minus(rules.baseline());
        touched.addAll(history.evictBefore(keepFrom));
        Map<Long, Map<String, TallyBucket>> oldTallies = tallies.headMap(Math.floorDiv(keepFrom.toEpochMilli(), slide));
        touched.addAll(oldTallies.keySet());
        oldTallies.clear();
        touched.addAll(claimedWords.evictBefore(start.plus(rules.slide())));
        Map<Long, List<TopicPost>> leaving = posts.headMap(Math.floorDiv(start.plus(rules.slide()).toEpochMilli(), slide));
        leaving.values().forEach(left -> left.forEach(p -> postsLeft.add(p.itemId())));
        indexed.headMap(Math.floorDiv(start.plus(rules.slide()).toEpochMilli(), slide)).clear();
        leaving.clear();
        return new Window(points, raised, cases);
    }

    /**
     * A person's step on a topic's case ({@link CaseBook#apply(CaseRecord, CaseStep, List)}): the case after it, null
     * when the step was taken already, or refused ({@link CaseBook.StepRefused}) when the detector does not hold the
     * case or its status does not allow the step. A response keeps its topic watched until its effect is measured.
     */
    public CaseRecord apply(CaseStep step) {
        CaseRecord current = cases.get(step.caseId());
        if (current == null) {
            throw new CaseBook.StepRefused("case " + step.caseId() + " of " + step.subjectId() + " is not held by the job: it never "
                    + "opened, or it left the job " + risk.caseWorkflow().keep().toDays() + " days after its last alert or step");
        }
        CaseRecord next = CaseBook.apply(current, step, risk.responseClasses());
        if (next == current) {
            return null;
        }
        keep(next);
        return next;
    }

    /** Holds a case as it is now, to be written with the next {@link #changes()}. */
    private void keep(CaseRecord record) {
        cases.put(record.id(), record);
        casesTouched.add(record.id());
    }

    /** The cases the detector holds, by id. */
    public List<CaseRecord> cases() {
        return List.copyOf(cases.values());
    }

    /** Whether a case of the topic has a response whose effect is still to be measured. */
    private boolean awaitsEffect(String topicId) {
        return cases.values().stream().anyMatch(c -> c.subjectId().equals(topicId) && !CaseBook.unmeasured(c).isEmpty());
    }

    /**
     * A topic's posts among {@code among}: those it was scored on, and the others that name its words and no topic
     * took (a post naming only words that no longer burst is still about it).
     */
    private static List<TopicPost> postsIn(Topic topic, List<TopicPost> scored, List<TopicPost> among, Set<String> assigned) {
        Set<String> ids = new HashSet<>();
        scored.forEach(p -> ids.add(p.itemId()));
        Set<String> words = new HashSet<>(topic.words());
        List<TopicPost> its = new ArrayList<>(scored);
        for (TopicPost post : among) {
            if (!assigned.contains(post.itemId()) && !ids.contains(post.itemId()) && post.words().stream().anyMatch(words::contains)) {
                its.add(post);
            }
        }
        return its;
    }

    /** The posts in the slides from {@code from} to {@code to} (slide numbers, both included), tallied slide by slide. */
    private Map<Long, WindowTally> bySlide(List<TopicPost> scored, long from, long to) {
        long slide = rules.slide().toMillis();
        Map<Long, WindowTally> tallied = new TreeMap<>();
        for (TopicPost post : scored) {
            long number = Math.floorDiv(post.post().item().publishedAt().toEpochMilli(), slide);
            if (number >= from && number <= to) {
                tallied.computeIfAbsent(number, n -> new WindowTally()).addMatched(post.post(), watchWords, risk.sensitiveTopics(),
                        post.cuesAmong(cueWords));
            }
        }
        return tallied;
    }

    /**
     * The effects of responses whose after period has passed by {@code end}: the cases they changed. A topic's posts
     * are those it was scored on: for a slide that has left the window, as the last window that held it assigned them;
     * for the window's other slides, as this window did.
     */
    private List<CaseRecord> measureEffects(Instant end, Map<String, List<TopicPost>> postsOf, List<TopicPost> window, Set<String> assigned,
                                            long oldest) {
        List<CaseRecord> changed = new ArrayList<>();
        for (CaseRecord record : List.copyOf(cases.values())) {
            CaseRecord next = record;
            for (int index : CaseBook.unmeasured(record)) {
                Instant respondedAt = record.responses().get(index).at();
                if (!ResponseEffects.due(respondedAt, rules.slide(), risk.caseWorkflow()).isAfter(end)) {
                    SlidingTallies posts = new SlidingTallies(new RiskRules.Windows(rules.size(), rules.slide(), rules.slide(),
                            rules.baseline(), Duration.ZERO));
                    tallies.headMap(oldest, true).forEach((number, ofTopics) -> {
                        TallyBucket bucket = ofTopics.get(record.subjectId());
                        if (bucket != null) {
                            posts.put(number, WindowTally.of(bucket));
                        }
                    });
                    Topic topic = topics.get(record.subjectId());
                    if (topic != null) {
                        bySlide(postsIn(topic, postsOf.getOrDefault(topic.id(), List.of()), window, assigned), oldest + 1, Long.MAX_VALUE)
                                .forEach(posts::put);
                    }
                    next = CaseBook.measured(next, index, ResponseEffects.measure(posts, respondedAt, rules.slide(), risk.caseWorkflow()), end);
                }
            }
            if (next != record) {
                keep(next);
                changed.add(next);
            }
        }
        return changed;
    }

    /** Cases without an alert or a step for the case workflow's keep-days, no effect to measure and no open episode, leave. */
    private void forgetCases(Instant end) {
        Set<String> open = new HashSet<>();
        topics.values().forEach(t -> open.add(t.episode().caseId()));
        cases.values().removeIf(c -> {
            boolean leaves = !c.updatedAt().plus(risk.caseWorkflow().keep()).isAfter(end) && CaseBook.unmeasured(c).isEmpty()
                    && !open.contains(c.id());
            if (leaves) {
                casesTouched.add(c.id());
            }
            return leaves;
        });
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
            places.addAll(post.places());
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
        String place = mostCommon(cluster.posts(), TopicPost::places);
        // places as the posts write them: the tagger's 大道 is the posts' 江北大道, the keyword 新区 their 江北新区 (other words
        // are left as they are: 发生车祸 precedes 车祸 as often as 江北 precedes 大道)
        Set<String> places = placesOf(cluster.posts());
        List<String> titleWords = new ArrayList<>();
        if (place != null) {
            titleWords.add(PlaceNames.complete(place, cluster.posts()));
        }
        for (String word : words) {
            if (titleWords.size() >= rules.titleWords() + (place == null ? 0 : 1)) {
                break;
            }
            String shown = places.contains(word) || PlaceNames.looksLikePlace(word) ? PlaceNames.complete(word, cluster.posts()) : word;
            if (titleWords.stream().noneMatch(t -> t.contains(shown) || shown.contains(t))) {
                titleWords.add(shown);
            }
        }
        String title = String.join(" ", titleWords);
        String id = Alert.TOPIC_PREFIX + String.join("·", words.stream().limit(rules.titleWords()).toList()) + "@" + end.toEpochMilli();
        String livelihood = mostCommon(cluster.posts(), p -> p.post().analysis().topics().stream().map(TopicHit::name).toList());
        String department = mostCommon(cluster.posts(), p -> p.post().analysis().topics().stream()
                .filter(t -> livelihood != null && livelihood.equals(t.name())).map(TopicHit::department).filter(Objects::nonNull).toList());
        Region region = mostCommonRegion(cluster.posts());
        return new Topic(id, title, words, end, end, AlertMaker.Episode.NONE, new AlertMaker.Subject(id, title, department, livelihood, region));
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
