package org.yqsentinel.pipeline.emerging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.pipeline.risk.PostQuotes;
import org.yqsentinel.pipeline.risk.ScorePolicyRisk;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.emerging.EmergingRules;
import org.yqsentinel.rules.emerging.EmergingTopics;
import org.yqsentinel.rules.emerging.TopicPost;
import org.yqsentinel.rules.risk.CaseBook;
import org.yqsentinel.rules.risk.RiskRules;

/**
 * Emerging topics over event time ({@link EmergingTopics}), on one key: a topic's words may come from any post, so the
 * detector sees the whole stream of posts no policy claims. Posts wait until the watermark passes them; an event-time
 * timer at every slide end adds those it passed, closes the window, and emits the topics' risk points, alert events and
 * cases. Timers go on while a topic lives or posts wait. A post later than the last closed window by more than the risk
 * rules' allowed lateness is not counted (metric {@code lateTopicPostsDropped}); a second post with the id of one held is
 * not either (the job drops repeated items before).
 *
 * <p>The detector lives in memory and is read back from state only after a restore. Its state is written so that each
 * change is small, since every change to the state is written to the changelog as it happens: each post once, as it
 * comes ({@code topic-posts}, removed when its slide leaves the window or, for a policy's post, once counted); the
 * slides' word counts and topic tallies, only the slides that changed; each case when it changes ({@code topic-cases});
 * the live topics; and up to when posts were added to the detector ({@code topic-posts-added-before}), with the ids of
 * the posts that came after their time was added and wait for the next slide end. (A slide written with all its posts, and the list of waiting posts
 * rewritten at every slide end, serialized each post to the changelog several times.)
 */
public final class DetectTopics extends KeyedCoProcessFunction<String, TopicPost, CaseStep, Alert> {

    /** The one key the detector runs under. */
    public static final String KEY = "emerging-topics";
    public static final OutputTag<RiskPoint> RISK = new OutputTag<>("topic-risk-points", TypeInformation.of(RiskPoint.class));
    public static final OutputTag<CaseRecord> CASES = new OutputTag<>("topic-cases", TypeInformation.of(CaseRecord.class));
    /** People's steps the detector refuses (a case it does not hold, or a step the case's status does not allow), for yq.deadletter. */
    public static final OutputTag<DeadLetter> REFUSED_STEPS = new OutputTag<>("refused-topic-case-steps", TypeInformation.of(DeadLetter.class));
    private static final Logger LOG = LoggerFactory.getLogger(DetectTopics.class);

    /** Every post waiting or in a slide of the window, by item id: written once as it comes. */
    static final MapStateDescriptor<String, TopicPost> POSTS =
            new MapStateDescriptor<>("topic-posts", Types.STRING, TypeInformation.of(TopicPost.class));
    /** Posts published before this were added to the detector, but for those in {@link #LATE}. */
    static final ValueStateDescriptor<Long> ADDED_BEFORE = new ValueStateDescriptor<>("topic-posts-added-before", Long.class);
    /** The ids of posts that came after their time was added: they wait for the next slide end. */
    static final ListStateDescriptor<String> LATE = new ListStateDescriptor<>("topic-posts-late", Types.STRING);
    /** The detector's slides by number: each written when it changes, removed when it empties. */
    static final MapStateDescriptor<Long, EmergingTopics.Slide> SLIDES =
            new MapStateDescriptor<>("topic-slides", Types.LONG, TypeInformation.of(EmergingTopics.Slide.class));
    /** The topics' cases by id: each written when it changes, removed when it leaves the job. */
    static final MapStateDescriptor<String, CaseRecord> CASES_HELD =
            new MapStateDescriptor<>("topic-cases", Types.STRING, TypeInformation.of(CaseRecord.class));
    /** The first slide seen and the live topics. */
    static final ValueStateDescriptor<EmergingTopics.Topics> TOPICS =
            new ValueStateDescriptor<>("topic-topics", TypeInformation.of(EmergingTopics.Topics.class));
    static final ValueStateDescriptor<Long> CLOSED = new ValueStateDescriptor<>("topic-last-window", Long.class);

    private final String rulesDir;
    private transient EmergingRules rules;
    private transient RiskRules risk;
    private transient Set<String> watchWords;
    private transient MapState<String, TopicPost> posts;
    private transient ValueState<Long> addedBefore;
    private transient ListState<String> lateIds;
    /** The posts not yet added, in memory (with {@link #detector}, from state after a restore). */
    private transient List<TopicPost> waiting;
    private transient boolean lateWaiting;
    private transient MapState<Long, EmergingTopics.Slide> slides;
    private transient ValueState<EmergingTopics.Topics> topicsState;
    private transient MapState<String, CaseRecord> cases;
    private transient ValueState<Long> closed;
    private transient EmergingTopics detector;
    private transient Counter late;

    public DetectTopics(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        RuleFiles files = RuleFiles.of(rulesDir);
        rules = EmergingRules.load(files);
        risk = RiskRules.load(files);
        watchWords = Dictionaries.load(files).texts(Dictionaries.Kind.WATCH_WORD);
        posts = getRuntimeContext().getMapState(POSTS);
        addedBefore = getRuntimeContext().getState(ADDED_BEFORE);
        lateIds = getRuntimeContext().getListState(LATE);
        slides = getRuntimeContext().getMapState(SLIDES);
        topicsState = getRuntimeContext().getState(TOPICS);
        cases = getRuntimeContext().getMapState(CASES_HELD);
        closed = getRuntimeContext().getState(CLOSED);
        late = getRuntimeContext().getMetricGroup().counter("lateTopicPostsDropped");
    }

    @Override
    public void processElement1(TopicPost post, Context context, Collector<Alert> out) throws Exception {
        long at = post.post().item().publishedAt().toEpochMilli();
        Long last = closed.value();
        if (last != null && at < last - risk.windows().allowedLateness().toMillis()) {
            late.inc();
            return;
        }
        detector();  // the posts waiting are read back with it after a restore
        if (posts.contains(post.itemId())) {
            return;
        }
        posts.put(post.itemId(), post);
        Long added = addedBefore.value();
        if (added != null && at < added) {
            lateIds.add(post.itemId());
            lateWaiting = true;
        }
        waiting.add(post);
        long slide = rules.slide().toMillis();
        long watermark = context.timerService().currentWatermark();
        long after = Math.max(at, watermark == Long.MIN_VALUE ? at : watermark);
        context.timerService().registerEventTimeTimer((Math.floorDiv(after, slide) + 1) * slide);
    }

    /**
     * A person's step on a topic's case, applied as it arrives (as a policy's case step is): written to the case, or
     * refused to the dead letters with its reason. A response's effect is measured at the slide end its after period
     * passes, so the slide timers go on.
     */
    @Override
    public void processElement2(CaseStep step, Context context, Collector<Alert> out) throws Exception {
        EmergingTopics topics = detector();
        CaseRecord next;
        try {
            next = topics.apply(step);
        } catch (CaseBook.StepRefused e) {
            LOG.warn("case step refused: {} {} by {}: {}", step.caseId(), step.step().key(), step.by(), e.getMessage());
            context.output(REFUSED_STEPS, ScorePolicyRisk.refused(step, e.getMessage()));
            return;
        }
        if (next == null) {
            return;  // taken already
        }
        LOG.info("case {} {} by {}: now {}", next.id(), step.step().key(), step.by(), next.status().label());
        context.output(CASES, next);
        write(topics.changes());
        long watermark = context.timerService().currentWatermark();
        if (watermark != Long.MIN_VALUE) {
            long slide = rules.slide().toMillis();
            context.timerService().registerEventTimeTimer((Math.floorDiv(watermark, slide) + 1) * slide);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Alert> out) throws Exception {
        Long last = closed.value();
        if (last != null && timestamp <= last) {
            return;  // this slide is closed already
        }
        EmergingTopics topics = detector();
        // every post up to the watermark goes in at once: a window's close looks only at its own slides, so posts of later
        // slides change nothing in it, and a watermark that jumps many slides ahead costs one pass, not one per slide
        long upTo = Math.max(timestamp, context.timerService().currentWatermark());
        List<TopicPost> still = new ArrayList<>();
        for (TopicPost post : waiting) {
            if (post.post().item().publishedAt().toEpochMilli() < upTo) {
                topics.add(post);
                if (post.claimed()) {
                    posts.remove(post.itemId());  // counted: the detector keeps only its words
                }
            } else {
                still.add(post);
            }
        }
        waiting = still;
        Long added = addedBefore.value();
        if (added == null || upTo > added) {
            addedBefore.update(upTo);
        }
        if (lateWaiting) {
            lateIds.clear();
            lateWaiting = false;
        }
        EmergingTopics.Window window = topics.close(Instant.ofEpochMilli(timestamp));
        window.points().forEach(p -> context.output(RISK, p));
        window.cases().forEach(c -> context.output(CASES, c));
        for (Alert alert : window.alerts()) {
            LOG.info("topic alert {} {} {} score {} ({})", alert.id(), alert.type(), alert.tier().label(), alert.score(), alert.subjectTitle());
            out.collect(alert);
        }
        closed.update(timestamp);
        write(topics.changes());
        topicsState.update(topics.topicsState());
        if (!topics.topics().isEmpty() || !waiting.isEmpty() || topics.holdsWindowPosts()) {
            context.timerService().registerEventTimeTimer(timestamp + rules.slide().toMillis());
        }
    }

    /** What changed in the detector, written to state. */
    private void write(EmergingTopics.Changes changes) throws Exception {
        for (EmergingTopics.Slide slide : changes.changed()) {
            slides.put(slide.number(), slide);
        }
        for (Long number : changes.removed()) {
            slides.remove(number);
        }
        for (String id : changes.postsLeft()) {
            posts.remove(id);
        }
        for (CaseRecord record : changes.cases()) {
            cases.put(record.id(), record);
        }
        for (String id : changes.casesRemoved()) {
            cases.remove(id);
        }
    }

    /** The detector, and the posts waiting: read back from state on first use (after a start or a restore). */
    private EmergingTopics detector() throws Exception {
        if (detector == null) {
            Long added = addedBefore.value();
            Set<String> late = new HashSet<>();
            Iterable<String> ids = lateIds.get();
            if (ids != null) {
                ids.forEach(late::add);
            }
            List<TopicPost> kept = new ArrayList<>();
            waiting = new ArrayList<>();
            for (TopicPost post : posts.values()) {
                boolean wasAdded = added != null && post.post().item().publishedAt().toEpochMilli() < added && !late.contains(post.itemId());
                (wasAdded ? kept : waiting).add(post);
            }
            lateWaiting = !late.isEmpty();
            detector = EmergingTopics.of(slides.values(), kept, cases.values(), topicsState.value(), rules, risk, watchWords, new PostQuotes());
        }
        return detector;
    }
}
