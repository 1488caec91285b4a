package org.yqsentinel.pipeline.risk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.control.Watchlist;
import org.yqsentinel.pipeline.link.LinkedPost;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.risk.AlertMaker;
import org.yqsentinel.rules.risk.CaseBook;
import org.yqsentinel.rules.risk.PolicyRisk;
import org.yqsentinel.rules.risk.ResponseEffects;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.SlidingTallies;
import org.yqsentinel.rules.risk.TallyBucket;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.risk.WindowTally;

/**
 * The risk of one policy over event time (keyed by policy id). Each linked post is counted in the slide
 * bucket of its publish time; an event-time timer at every slide end closes the window that ends there
 * ({@link PolicyRisk}): the score goes to the risk series, a tier change becomes an alert event, and the
 * case is brought up to date. Timers go on while the window holds posts or an episode is open, so a
 * quietening policy de-escalates and resolves. A post later than the watermark by more than the allowed
 * lateness is not counted (metric {@code latePostsDropped}); a later one within it counts in the windows
 * still to close. The rules of each window are those in force at its end (hot reload on {@code yq.control}).
 *
 * <p>The policy's cases outlive their episodes: a person's step ({@link CaseStep}) is applied to its case as it
 * arrives ({@link CaseBook}), and a step the case's status does not allow goes to the dead letters. A response's
 * effect is measured at the slide its after period ends ({@link ResponseEffects}). A case without an alert or a step
 * for the rules' {@code keep-days} leaves the state.
 */
public final class ScorePolicyRisk extends KeyedBroadcastProcessFunction<String, RiskInput, ControlEvent, Alert> {

    public static final OutputTag<RiskPoint> RISK = new OutputTag<>("risk-points", TypeInformation.of(RiskPoint.class));
    public static final OutputTag<CaseRecord> CASES = new OutputTag<>("cases", TypeInformation.of(CaseRecord.class));
    /** Case steps the job did not apply, with why. */
    public static final OutputTag<DeadLetter> REFUSED_STEPS = new OutputTag<>("refused-case-steps", TypeInformation.of(DeadLetter.class));
    private static final Logger LOG = LoggerFactory.getLogger(ScorePolicyRisk.class);
    /** The code of a refused case step's dead letter. */
    static final String CASE_STEP_REFUSED = "case_step_refused";

    private final String rulesDir;
    private final GivenPolicies given;
    private transient RiskRules initial;
    private transient Set<String> watchWords;
    private transient Watchlist.View view;
    private transient PolicyRisk scoring;
    private transient PostQuotes quotes;
    private transient MapState<Long, TallyBucket> buckets;
    private transient ValueState<AlertMaker.Episode> episode;
    private transient MapState<String, CaseRecord> cases;
    private transient Counter late;
    private transient Counter alerts;

    /**
     * @param rulesDir a rules folder present on every task manager, or empty for the bundled rules
     * @param given    the policies known before the first record (none on the live job)
     */
    public ScorePolicyRisk(String rulesDir, GivenPolicies given) {
        this.rulesDir = rulesDir;
        this.given = given;
    }

    /** Per policy: the tally of each window bucket by its start (epoch ms). */
    static final MapStateDescriptor<Long, TallyBucket> BUCKETS =
            new MapStateDescriptor<>("risk-buckets", Types.LONG, TypeInformation.of(TallyBucket.class));
    /** Per policy: the alert episode open now, if any. */
    static final ValueStateDescriptor<AlertMaker.Episode> EPISODE =
            new ValueStateDescriptor<>("risk-episode", TypeInformation.of(AlertMaker.Episode.class));
    /** Per policy: its cases by id, the current episode's and those still worked or kept after their episode. */
    static final MapStateDescriptor<String, CaseRecord> CASES_STATE =
            new MapStateDescriptor<>("risk-cases", Types.STRING, TypeInformation.of(CaseRecord.class));

    @Override
    public void open(OpenContext context) {
        RuleFiles files = RuleFiles.of(rulesDir);
        initial = RiskRules.load(files);
        watchWords = Dictionaries.load(files).texts(Dictionaries.Kind.WATCH_WORD);
        quotes = new PostQuotes();
        buckets = getRuntimeContext().getMapState(BUCKETS);
        episode = getRuntimeContext().getState(EPISODE);
        cases = getRuntimeContext().getMapState(CASES_STATE);
        late = getRuntimeContext().getMetricGroup().counter("latePostsDropped");
        alerts = getRuntimeContext().getMetricGroup().counter("alertEvents");
    }

    @Override
    public void processElement(RiskInput input, ReadOnlyContext context, Collector<Alert> out) throws Exception {
        if (input.step() != null) {
            apply(input.step(), context);
            return;
        }
        LinkedPost linked = input.post();
        Watchlist.View known = view(context);
        Instant at = linked.post().item().publishedAt();
        RiskRules rules = known.rules().riskAt(at);
        long watermark = context.timerService().currentWatermark();
        if (watermark != Long.MIN_VALUE && at.toEpochMilli() < watermark - rules.windows().allowedLateness().toMillis()) {
            late.inc();
            return;
        }
        SlidingTallies slides = new SlidingTallies(rules.windows());
        long bucket = slides.bucketOf(at);
        TallyBucket stored = buckets.get(bucket);
        WindowTally tally = stored == null ? new WindowTally() : WindowTally.of(stored);
        tally.add(linked.post(), watchWords, rules.sensitiveTopics(), scoring(rules).cueWords());
        buckets.put(bucket, tally.toBucket());
        long slide = rules.windows().slide().toMillis();
        long firstEnd = slides.nextWindowEnd(at).toEpochMilli();
        long afterWatermark = watermark == Long.MIN_VALUE ? firstEnd : (Math.floorDiv(watermark, slide) + 1) * slide;
        context.timerService().registerEventTimeTimer(Math.max(firstEnd, afterWatermark));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Alert> out) throws Exception {
        Watchlist.View known = view(context);
        Instant end = Instant.ofEpochMilli(timestamp);
        PolicyRisk risk = scoring(known.rules().riskAt(end));
        RiskRules.Windows windows = risk.rules().windows();
        SlidingTallies tallies = tallies(windows, end);
        AlertMaker.Episode current = episode.value() == null ? AlertMaker.Episode.NONE : episode.value();
        WatchedPolicy policy = known.policy(context.getCurrentKey());
        if (policy == null) {
            LOG.warn("policy {} is no longer known; its risk state is cleared", context.getCurrentKey());
            clear();
            return;
        }
        measureEffects(tallies, end, context);
        forgetCases(end, risk.rules().caseWorkflow().keep());
        if (!tallies.anyIn(end) && current.tiers().tier() == null) {
            if (tallies.isEmpty()) {
                buckets.clear();
                episode.clear();
            }
            return;  // nothing to score and no episode: the buckets wait for the baseline of later posts
        }
        CaseRecord open = current.caseId() == null ? null : cases.get(current.caseId());
        PolicyRisk.Window window = risk.close(policy, tallies, current, open, end, quotes);
        context.output(RISK, window.point());
        if (window.alert() != null) {
            alerts.inc();
            Alert alert = window.alert();
            LOG.info("alert {} {} {} score {} ({} posts in window)", alert.id(), alert.type(), alert.tier().label(),
                    alert.score(), window.point().itemCount());
            out.collect(alert);
            context.output(CASES, window.caseRecord());
            cases.put(window.caseRecord().id(), window.caseRecord());
            keepUntil(window.caseRecord(), risk.rules(), context);
        }
        AlertMaker.Episode next = window.episode();
        episode.update(next.tiers().tier() == null ? null : next);
        Instant nextEnd = end.plus(windows.slide());
        if (tallies.anyIn(nextEnd) || next.tiers().tier() != null) {
            context.timerService().registerEventTimeTimer(nextEnd.toEpochMilli());
        } else {
            Instant forgetAt = end.plus(windows.baseline()).plus(windows.size());
            context.timerService().registerEventTimeTimer(forgetAt.toEpochMilli());  // to clear the state if no post comes
        }
    }

    /** The buckets that the window ending at {@code end} and its baseline need; older ones leave the state. */
    private SlidingTallies tallies(RiskRules.Windows windows, Instant end) throws Exception {
        SlidingTallies tallies = new SlidingTallies(windows);
        long oldest = tallies.bucketOf(end.minus(windows.size()).minus(windows.baseline()));
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, TallyBucket> entry : buckets.entries()) {
            if (entry.getKey() < oldest) {
                expired.add(entry.getKey());
            } else {
                tallies.put(entry.getKey(), WindowTally.of(entry.getValue()));
            }
        }
        for (Long bucket : expired) {
            buckets.remove(bucket);
        }
        return tallies;
    }

    private void clear() {
        buckets.clear();
        episode.clear();
        cases.clear();
    }

    /** A person's step on a case of this policy: applied and written, or refused to the dead letters. */
    private void apply(CaseStep step, ReadOnlyContext context) throws Exception {
        RiskRules rules = view(context).rules().riskAt(step.at());
        CaseRecord current = cases.get(step.caseId());
        if (current == null) {
            refuse(step, "case " + step.caseId() + " of " + step.subjectId() + " is not held by the job: it never opened, or it "
                    + "left the job " + rules.caseWorkflow().keep().toDays() + " days after its last alert or step", context);
            return;
        }
        CaseRecord next;
        try {
            next = CaseBook.apply(current, step, rules.responseClasses());
        } catch (CaseBook.StepRefused e) {
            refuse(step, e.getMessage(), context);
            return;
        }
        if (next == current) {
            return;
        }
        LOG.info("case {} {} by {}: now {}", next.id(), step.step().key(), step.by(), next.status().label());
        cases.put(next.id(), next);
        context.output(CASES, next);
        keepUntil(next, rules, context);
        if (step.step() == CaseStep.Step.RESPOND) {
            long due = ResponseEffects.due(step.at(), rules).toEpochMilli();
            long watermark = context.timerService().currentWatermark();
            context.timerService().registerEventTimeTimer(Math.max(due, nextSlide(watermark, rules)));
        }
    }

    /** The effects of responses whose after period has passed by {@code end}, measured and written. */
    private void measureEffects(SlidingTallies tallies, Instant end, OnTimerContext context) throws Exception {
        List<CaseRecord> measured = new ArrayList<>();
        for (CaseRecord record : cases.values()) {
            CaseRecord next = record;
            for (int index : CaseBook.unmeasured(record)) {
                Instant respondedAt = record.responses().get(index).at();
                RiskRules rules = view(context).rules().riskAt(respondedAt);
                if (!ResponseEffects.due(respondedAt, rules).isAfter(end)) {
                    next = CaseBook.measured(next, index, ResponseEffects.measure(tallies, respondedAt, rules), end);
                }
            }
            if (next != record) {
                measured.add(next);
            }
        }
        for (CaseRecord record : measured) {
            LOG.info("case {}: effect of the response measured: {}", record.id(), record.timeline().get(record.timeline().size() - 1).note());
            cases.put(record.id(), record);
            context.output(CASES, record);
        }
    }

    /** Cases without an alert or a step for {@code keep} (and no effect still to measure) leave the state. */
    private void forgetCases(Instant end, Duration keep) throws Exception {
        List<String> stale = new ArrayList<>();
        for (CaseRecord record : cases.values()) {
            if (!record.updatedAt().plus(keep).isAfter(end) && CaseBook.unmeasured(record).isEmpty()
                    && (episode.value() == null || !record.id().equals(episode.value().caseId()))) {
                stale.add(record.id());
            }
        }
        for (String id : stale) {
            LOG.info("case {} leaves the job's state: no alert or step for {} days", id, keep.toDays());
            cases.remove(id);
        }
    }

    /** A timer to forget the case once it has been left alone for the rules' keep-days. */
    private static void keepUntil(CaseRecord record, RiskRules rules, ReadOnlyContext context) {
        long at = record.updatedAt().plus(rules.caseWorkflow().keep()).toEpochMilli();
        long slide = rules.windows().slide().toMillis();
        long aligned = Math.floorDiv(at + slide - 1, slide) * slide;
        context.timerService().registerEventTimeTimer(Math.max(aligned, nextSlide(context.timerService().currentWatermark(), rules)));
    }

    /** The first slide end after the watermark: a timer there fires after every window already closed. */
    private static long nextSlide(long watermark, RiskRules rules) {
        long slide = rules.windows().slide().toMillis();
        return watermark == Long.MIN_VALUE ? Long.MIN_VALUE : (Math.floorDiv(watermark, slide) + 1) * slide;
    }

    private void refuse(CaseStep step, String reason, ReadOnlyContext context) {
        LOG.warn("case step refused: {} {} by {}: {}", step.caseId(), step.step().key(), step.by(), reason);
        context.output(REFUSED_STEPS, refused(step, reason));
    }

    /** A refused step as a dead letter: the step as sent on yq.control, keyed by its case, with the reason. */
    public static DeadLetter refused(CaseStep step, String reason) {
        return new DeadLetter("yq.control", -1, -1, step.recordedAt().toEpochMilli(), step.caseId().getBytes(StandardCharsets.UTF_8),
                step.toJson(), "case", "control", CASE_STEP_REFUSED, reason);
    }

    private PolicyRisk scoring(RiskRules rules) {
        if (scoring == null || scoring.rules() != rules) {
            scoring = new PolicyRisk(rules);
        }
        return scoring;
    }

    @Override
    public void processBroadcastElement(ControlEvent event, Context context, Collector<Alert> out) throws Exception {
        if (view == null) {
            view = Watchlist.view(initial, given, context.getBroadcastState(Watchlist.POLICIES),
                    context.getBroadcastState(Watchlist.RETIREMENTS), context.getBroadcastState(Watchlist.RULES));
        }
        Watchlist.apply(event, view, context.getBroadcastState(Watchlist.POLICIES), context.getBroadcastState(Watchlist.RETIREMENTS),
                context.getBroadcastState(Watchlist.RULES), getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0);
    }

    private Watchlist.View view(ReadOnlyContext context) throws Exception {
        if (view == null) {
            view = Watchlist.view(initial, given, context.getBroadcastState(Watchlist.POLICIES),
                    context.getBroadcastState(Watchlist.RETIREMENTS), context.getBroadcastState(Watchlist.RULES));
        }
        return view;
    }
}
