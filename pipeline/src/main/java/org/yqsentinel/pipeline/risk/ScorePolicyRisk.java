package org.yqsentinel.pipeline.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.control.Watchlist;
import org.yqsentinel.pipeline.link.LinkedPost;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.risk.AlertMaker;
import org.yqsentinel.rules.risk.PolicyRisk;
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
 */
public final class ScorePolicyRisk extends KeyedBroadcastProcessFunction<String, LinkedPost, ControlEvent, Alert> {

    public static final OutputTag<RiskPoint> RISK = new OutputTag<>("risk-points", TypeInformation.of(RiskPoint.class));
    public static final OutputTag<CaseRecord> CASES = new OutputTag<>("cases", TypeInformation.of(CaseRecord.class));
    private static final Logger LOG = LoggerFactory.getLogger(ScorePolicyRisk.class);

    private final String rulesDir;
    private final GivenPolicies given;
    private transient RiskRules initial;
    private transient Set<String> watchWords;
    private transient Watchlist.View view;
    private transient PolicyRisk scoring;
    private transient PostQuotes quotes;
    private transient MapState<Long, TallyBucket> buckets;
    private transient ValueState<AlertMaker.Episode> episode;
    private transient ValueState<CaseRecord> caseRecord;
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
    /** Per policy: the case record of the current episode. */
    static final ValueStateDescriptor<CaseRecord> CASE = new ValueStateDescriptor<>("risk-case", TypeInformation.of(CaseRecord.class));

    @Override
    public void open(OpenContext context) {
        RuleFiles files = RuleFiles.of(rulesDir);
        initial = RiskRules.load(files);
        watchWords = new HashSet<>();
        Dictionaries.load(files).of(Dictionaries.Kind.WATCH_WORD).forEach(w -> watchWords.add(w.text()));
        quotes = new PostQuotes();
        buckets = getRuntimeContext().getMapState(BUCKETS);
        episode = getRuntimeContext().getState(EPISODE);
        caseRecord = getRuntimeContext().getState(CASE);
        late = getRuntimeContext().getMetricGroup().counter("latePostsDropped");
        alerts = getRuntimeContext().getMetricGroup().counter("alertEvents");
    }

    @Override
    public void processElement(LinkedPost linked, ReadOnlyContext context, Collector<Alert> out) throws Exception {
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
        if (!tallies.anyIn(end) && current.tiers().tier() == null) {
            if (tallies.isEmpty()) {
                clear();
            }
            return;  // nothing to score and no episode: the buckets wait for the baseline of later posts
        }
        PolicyRisk.Window window = risk.close(policy, tallies, current, caseRecord.value(), end, quotes);
        context.output(RISK, window.point());
        if (window.alert() != null) {
            alerts.inc();
            Alert alert = window.alert();
            LOG.info("alert {} {} {} score {} ({} posts in window)", alert.id(), alert.type(), alert.tier().label(),
                    alert.score(), window.point().itemCount());
            out.collect(alert);
            context.output(CASES, window.caseRecord());
        }
        AlertMaker.Episode next = window.episode();
        episode.update(next.tiers().tier() == null ? null : next);
        caseRecord.update(next.tiers().tier() == null ? null : window.caseRecord());
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
        caseRecord.clear();
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
