package org.yqsentinel.pipeline.monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.control.PreparePolicies;
import org.yqsentinel.pipeline.control.Watchlist;
import org.yqsentinel.pipeline.dedupe.BandedItem;
import org.yqsentinel.pipeline.dedupe.CopyVerdict;
import org.yqsentinel.pipeline.dedupe.DropRepeats;
import org.yqsentinel.pipeline.dedupe.FindEarlierCopy;
import org.yqsentinel.pipeline.dedupe.MarkCopies;
import org.yqsentinel.pipeline.dedupe.SplitIntoBands;
import org.yqsentinel.pipeline.emerging.DetectTopics;
import org.yqsentinel.pipeline.enrich.EnrichItems;
import org.yqsentinel.pipeline.kafka.FailedItems;
import org.yqsentinel.pipeline.link.LinkToPolicies;
import org.yqsentinel.pipeline.read.ItemWatermarks;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.pipeline.read.RouteReadRecords;
import org.yqsentinel.pipeline.risk.RiskInput;
import org.yqsentinel.pipeline.risk.ScorePolicyRisk;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.emerging.EmergingRules;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * The monitor job: raw records read at the source (event time per partition) → route (policies, control
 * messages and dead letters aside) → drop repeats (same id, same URL) → mark copies (SimHash) → enrich →
 * link to the watched policies (an item either step fails on joins the dead letters) (broadcast: policies and control messages) → items to Elasticsearch, and
 * the linked posts with people's steps on cases, keyed by policy → risk windows → alert events (Kafka and Elasticsearch), the risk
 * series and the cases. Source and sinks are given, so the same graph runs live on Kafka, bounded for a
 * demo or an offline scoring, and in tests. {@code main} is the entry point for {@code flink run}.
 */
public final class MonitorJob {

    public static final String NAME = "yq-monitor";
    /**
     * The number of key groups keyed state is split into, which a savepoint keeps: a job can be rescaled up to it and
     * never past it. 128 is what Flink chose by itself for this job until it was set (any parallelism up to 85), so
     * savepoints taken before stay readable. Never change it for a job whose savepoints must be kept.
     */
    public static final int MAX_PARALLELISM = 128;

    private final Source<ReadRecord, ?, ?> rawItems;
    private final MonitorSinks sinks;
    private final SentinelConfig.Monitor settings;
    private final String rulesDir;
    private final GivenPolicies given;

    public MonitorJob(Source<ReadRecord, ?, ?> rawItems, MonitorSinks sinks, SentinelConfig.Monitor settings, String rulesDir) {
        this(rawItems, sinks, settings, rulesDir, GivenPolicies.NONE);
    }

    /** @param given policies known before the first record, as for an offline scoring or a replay */
    public MonitorJob(Source<ReadRecord, ?, ?> rawItems, MonitorSinks sinks, SentinelConfig.Monitor settings, String rulesDir,
                      GivenPolicies given) {
        this.rawItems = rawItems;
        this.sinks = sinks;
        this.settings = settings;
        this.rulesDir = rulesDir;
        this.given = given;
    }

    /** The job on the configured Kafka and Elasticsearch. */
    public static MonitorJob fromConfig(SentinelConfig config, boolean bounded) {
        return fromConfig(config, bounded, GivenPolicies.NONE);
    }

    /** The job on the configured Kafka and Elasticsearch, knowing these policies before its first record (a replay's). */
    public static MonitorJob fromConfig(SentinelConfig config, boolean bounded, GivenPolicies given) {
        int watchDays = RiskRules.load(RuleFiles.of(config.rules().dir())).watchDays();
        return new MonitorJob(MonitorConnectors.rawItems(config, bounded), MonitorConnectors.sinks(config, watchDays),
                config.monitor(), config.rules().dir(), given);
    }

    public void build(StreamExecutionEnvironment env) {
        Duration retention = Duration.ofDays(settings.dedupeRetentionDays());
        DataStream<ReadRecord> read = env.fromSource(rawItems, ItemWatermarks.forReadRecords(
                        Duration.ofSeconds(settings.maxOutOfOrdernessSeconds()), Duration.ofSeconds(settings.idleSourceSeconds())),
                "raw records").uid("raw-items");
        SingleOutputStreamOperator<Item> items = read.process(new RouteReadRecords()).name("route").uid("route");
        SingleOutputStreamOperator<WatchedPolicy> policies = items.getSideOutput(RouteReadRecords.POLICIES)
                .map(new PreparePolicies(rulesDir)).name("prepare policies").uid("prepare-policies");
        policies.sinkTo(sinks.policies()).name("policies to elasticsearch").uid("policies-elasticsearch");
        BroadcastStream<ControlEvent> watchlist = policies.map(ControlEvent::of).name("policies to watch").uid("policies-to-watch")
                .union(items.getSideOutput(RouteReadRecords.CONTROL))
                .broadcast(Watchlist.POLICIES, Watchlist.RETIREMENTS, Watchlist.RULES);
        SingleOutputStreamOperator<EnrichedItem> enriched = dropRepeatsMarkCopies(items, retention)
                .process(new EnrichItems(rulesDir)).name("enrich").uid("enrich");
        SingleOutputStreamOperator<EnrichedItem> linked = enriched
                .connect(watchlist).process(new LinkToPolicies(rulesDir, given, settings.emergingTopics())).name("link to policies").uid("link-policies");
        linked.sinkTo(sinks.items()).name("items to elasticsearch").uid("items-elasticsearch");
        boolean topicSteps = settings.emergingTopics();
        DataStream<CaseStep> allSteps = items.getSideOutput(RouteReadRecords.CASE_STEPS);
        // a topic's case is held by the topic detector when it runs; otherwise its steps are refused as of no case held
        DataStream<RiskInput> steps = allSteps.filter(step -> !topicSteps || !Alert.isTopic(step.subjectId()))
                .map(RiskInput::of).name("case steps").uid("case-steps");
        SingleOutputStreamOperator<Alert> alerts = linked.getSideOutput(LinkToPolicies.LINKED).map(RiskInput::of)
                .name("posts to score").uid("posts-to-score")
                .union(steps)
                .keyBy(RiskInput::policyId)
                .connect(watchlist).process(new ScorePolicyRisk(rulesDir, given)).name("policy risk").uid("policy-risk");
        DataStream<Alert> allAlerts = alerts;
        DataStream<DeadLetter> refusedSteps = alerts.getSideOutput(ScorePolicyRisk.REFUSED_STEPS);
        DataStream<RiskPoint> riskPoints = alerts.getSideOutput(ScorePolicyRisk.RISK);
        DataStream<CaseRecord> cases = alerts.getSideOutput(ScorePolicyRisk.CASES);
        if (settings.emergingTopics()) {
            EmergingRules.load(RuleFiles.of(rulesDir));  // a mistake in emerging.yaml is refused here, with its line, not in a task
            SingleOutputStreamOperator<Alert> topics = linked.getSideOutput(LinkToPolicies.TOPIC_POSTS)
                    .keyBy(post -> DetectTopics.KEY)
                    .connect(allSteps.filter(step -> Alert.isTopic(step.subjectId())).name("topic case steps").uid("topic-case-steps")
                            .keyBy(step -> DetectTopics.KEY))
                    .process(new DetectTopics(rulesDir)).name("emerging topics").uid("emerging-topics");
            refusedSteps = refusedSteps.union(topics.getSideOutput(DetectTopics.REFUSED_STEPS));
            allAlerts = alerts.union(topics);
            riskPoints = riskPoints.union(topics.getSideOutput(DetectTopics.RISK));
            cases = cases.union(topics.getSideOutput(DetectTopics.CASES));
        }
        items.getSideOutput(RouteReadRecords.DEAD_LETTERS)
                .union(enriched.getSideOutput(FailedItems.DEAD_LETTERS), linked.getSideOutput(FailedItems.DEAD_LETTERS),
                        refusedSteps)
                .sinkTo(sinks.deadLetters()).name("dead letters").uid("dead-letters");
        allAlerts.sinkTo(sinks.alerts()).name("alerts to kafka").uid("alerts-kafka");
        allAlerts.sinkTo(sinks.alertDocuments()).name("alerts to elasticsearch").uid("alerts-elasticsearch");
        riskPoints.sinkTo(sinks.riskPoints()).name("risk to elasticsearch").uid("risk-elasticsearch");
        cases.sinkTo(sinks.cases()).name("cases to elasticsearch").uid("cases-elasticsearch");
    }

    /**
     * The same post seen again (same id, or same canonical URL) is dropped; a near-identical text of an
     * earlier post (a reprint) goes on marked as its copy.
     */
    public static DataStream<Item> dropRepeatsMarkCopies(DataStream<Item> items, Duration retention) {
        return items
                .keyBy(DropRepeats.byId()).process(new DropRepeats(retention)).name("drop repeated ids").uid("repeated-ids")
                .keyBy(DropRepeats.byUrl()).process(new DropRepeats(retention)).name("drop repeated urls").uid("repeated-urls")
                .flatMap(new SplitIntoBands()).name("fingerprint bands").uid("fingerprint-bands")
                .keyBy(BandedItem::band).process(new FindEarlierCopy(retention)).name("find earlier copy").uid("find-copy")
                .keyBy(CopyVerdict::itemId).process(new MarkCopies()).name("mark copies").uid("mark-copies");
    }

    /**
     * Checkpointing, restarts and parallelism for every run of the job, local or on a cluster. The latest checkpoint is
     * kept when the job is cancelled or fails, so that a new run resumes from it; a checkpoint held up by an outage
     * (a sink waiting for Elasticsearch) may time out a few times without restarting the job.
     */
    public static void configure(StreamExecutionEnvironment env, SentinelConfig.Monitor settings) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(settings.parallelism());
        env.setMaxParallelism(MAX_PARALLELISM);
        env.enableCheckpointing(Duration.ofSeconds(settings.checkpointIntervalSeconds()).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(settings.tolerableCheckpointFailures());
        env.configure(restartStrategy(settings.restartAttempts()));
    }

    /**
     * Restarts after a failure (a Kafka broker away when a transaction commits) wait 1 s, then twice as long each
     * time up to a minute, back to 1 s after 10 min without failure: a job outlasts an outage of minutes by itself.
     * {@code attempts} -1 restarts without end, 0 never (tests that must see any failure).
     */
    static Configuration restartStrategy(int attempts) {
        Configuration restart = new Configuration();
        if (attempts == 0) {
            restart.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            return restart;
        }
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofMinutes(1));
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, Duration.ofMinutes(10));
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, attempts < 0 ? Integer.MAX_VALUE : attempts);
        return restart;
    }

    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(NAME);
    }

    /** {@code flink run sentinel-pipeline-job.jar [--config sentinel.yaml]}: the live job on the configured cluster. */
    /**
     * {@code flink run … job.jar [--config FILE]…}: the configuration is the defaults, then each file in order, then the
     * {@code YQ_*} variables of the environment this runs in (the client's: the job graph carries the result to the
     * task managers).
     */
    public static void main(String[] args) throws Exception {
        List<Path> configFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFiles.add(Path.of(args[++i]));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--config sentinel.yaml]…");
            }
        }
        SentinelConfig config = new ConfigLoader(System::getenv).readAll(configFiles);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, config.monitor());
        fromConfig(config, false).build(env);
        env.execute(NAME);
    }
}
