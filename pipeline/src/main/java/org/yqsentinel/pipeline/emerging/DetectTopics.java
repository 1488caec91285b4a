package org.yqsentinel.pipeline.emerging;

import java.time.Instant;
import java.util.ArrayList;
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
 * detector sees the whole stream of posts no policy claims. Posts wait in a list until the watermark passes them; an
 * event-time timer at every slide end adds those it passed, closes the window, and emits the topics' risk points, alert events
 * and cases. The detector lives in memory; its state is written slide by slide (only the slides that changed) with its
 * topics, and read back only after a restore. Timers go on while a topic lives or posts wait. A post later than the last closed window by more than the
 * risk rules' allowed lateness is not counted (metric {@code lateTopicPostsDropped}).
 */
public final class DetectTopics extends KeyedCoProcessFunction<String, TopicPost, CaseStep, Alert> {

    /** The one key the detector runs under. */
    public static final String KEY = "emerging-topics";
    public static final OutputTag<RiskPoint> RISK = new OutputTag<>("topic-risk-points", TypeInformation.of(RiskPoint.class));
    public static final OutputTag<CaseRecord> CASES = new OutputTag<>("topic-cases", TypeInformation.of(CaseRecord.class));
    /** People's steps the detector refuses (a case it does not hold, or a step the case's status does not allow), for yq.deadletter. */
    public static final OutputTag<DeadLetter> REFUSED_STEPS = new OutputTag<>("refused-topic-case-steps", TypeInformation.of(DeadLetter.class));
    private static final Logger LOG = LoggerFactory.getLogger(DetectTopics.class);

    static final ListStateDescriptor<TopicPost> PENDING = new ListStateDescriptor<>("topic-posts-pending", TypeInformation.of(TopicPost.class));
    /** The detector's slides by number: each written when it changes, removed when it empties. */
    static final MapStateDescriptor<Long, EmergingTopics.Slide> SLIDES =
            new MapStateDescriptor<>("topic-slides", Types.LONG, TypeInformation.of(EmergingTopics.Slide.class));
    /** The first slide seen and the live topics. */
    static final ValueStateDescriptor<EmergingTopics.Topics> TOPICS =
            new ValueStateDescriptor<>("topic-topics", TypeInformation.of(EmergingTopics.Topics.class));
    static final ValueStateDescriptor<Long> CLOSED = new ValueStateDescriptor<>("topic-last-window", Long.class);

    private final String rulesDir;
    private transient EmergingRules rules;
    private transient RiskRules risk;
    private transient Set<String> watchWords;
    private transient ListState<TopicPost> pending;
    private transient MapState<Long, EmergingTopics.Slide> slides;
    private transient ValueState<EmergingTopics.Topics> topicsState;
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
        pending = getRuntimeContext().getListState(PENDING);
        slides = getRuntimeContext().getMapState(SLIDES);
        topicsState = getRuntimeContext().getState(TOPICS);
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
        pending.add(post);
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
        topicsState.update(topics.topicsState());
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
        List<TopicPost> waiting = new ArrayList<>();
        boolean added = false;
        for (TopicPost post : pending.get()) {
            if (post.post().item().publishedAt().toEpochMilli() < upTo) {
                topics.add(post);
                added = true;
            } else {
                waiting.add(post);
            }
        }
        if (waiting.isEmpty()) {
            pending.clear();
        } else if (added) {
            pending.update(waiting);
        }
        EmergingTopics.Window window = topics.close(Instant.ofEpochMilli(timestamp));
        window.points().forEach(p -> context.output(RISK, p));
        window.cases().forEach(c -> context.output(CASES, c));
        for (Alert alert : window.alerts()) {
            LOG.info("topic alert {} {} {} score {} ({})", alert.id(), alert.type(), alert.tier().label(), alert.score(), alert.subjectTitle());
            out.collect(alert);
        }
        closed.update(timestamp);
        EmergingTopics.Changes changes = topics.changes();
        for (EmergingTopics.Slide slide : changes.changed()) {
            slides.put(slide.number(), slide);
        }
        for (Long number : changes.removed()) {
            slides.remove(number);
        }
        topicsState.update(topics.topicsState());
        if (!topics.topics().isEmpty() || !waiting.isEmpty() || topics.holdsWindowPosts()) {
            context.timerService().registerEventTimeTimer(timestamp + rules.slide().toMillis());
        }
    }

    private EmergingTopics detector() throws Exception {
        if (detector == null) {
            detector = EmergingTopics.of(slides.values(), topicsState.value(), rules, risk, watchWords, new PostQuotes());
        }
        return detector;
    }
}
