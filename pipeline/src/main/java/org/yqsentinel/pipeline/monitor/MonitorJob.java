package org.yqsentinel.pipeline.monitor;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.dedupe.BandedItem;
import org.yqsentinel.pipeline.dedupe.CopyVerdict;
import org.yqsentinel.pipeline.dedupe.DropRepeats;
import org.yqsentinel.pipeline.dedupe.FindEarlierCopy;
import org.yqsentinel.pipeline.dedupe.MarkCopies;
import org.yqsentinel.pipeline.dedupe.SplitIntoBands;

/**
 * The monitor job: raw records read at the source (event time per partition) → route (policies and
 * dead letters aside) → drop repeats
 * (same id, same URL) → mark copies (SimHash) → enrich → Elasticsearch.
 * Sources and sinks are given, so the same graph runs live on Kafka, bounded for a demo or replay,
 * and in tests. {@code main} is the entry point for {@code flink run}.
 */
public final class MonitorJob {

    public static final String NAME = "yq-monitor";

    private final Source<ReadRecord, ?, ?> rawItems;
    private final Sink<EnrichedItem> items;
    private final Sink<PolicyDocument> policies;
    private final Sink<DeadLetter> deadLetters;
    private final SentinelConfig.Monitor settings;
    private final String rulesDir;

    public MonitorJob(Source<ReadRecord, ?, ?> rawItems, Sink<EnrichedItem> items, Sink<PolicyDocument> policies,
                      Sink<DeadLetter> deadLetters, SentinelConfig.Monitor settings, String rulesDir) {
        this.rulesDir = rulesDir;
        this.rawItems = rawItems;
        this.items = items;
        this.policies = policies;
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    /** The job on the configured Kafka and Elasticsearch. */
    public static MonitorJob fromConfig(SentinelConfig config, boolean bounded) {
        return new MonitorJob(MonitorConnectors.rawItems(config, bounded), MonitorConnectors.items(config),
                MonitorConnectors.policies(config), MonitorConnectors.deadLetters(config), config.monitor(), config.rules().dir());
    }

    public void build(StreamExecutionEnvironment env) {
        Duration retention = Duration.ofDays(settings.dedupeRetentionDays());
        DataStream<ReadRecord> read = env.fromSource(rawItems, ItemWatermarks.forReadRecords(
                        Duration.ofSeconds(settings.maxOutOfOrdernessSeconds()), Duration.ofSeconds(settings.idleSourceSeconds())),
                "raw records").uid("raw-items");
        SingleOutputStreamOperator<Item> items = read.process(new RouteReadRecords()).name("route").uid("route");
        items.getSideOutput(RouteReadRecords.DEAD_LETTERS).sinkTo(deadLetters).name("dead letters").uid("dead-letters");
        items.getSideOutput(RouteReadRecords.POLICIES).sinkTo(policies).name("policies to elasticsearch").uid("policies-elasticsearch");
        dropRepeatsMarkCopies(items, retention)
                .map(new EnrichItems(rulesDir)).name("enrich").uid("enrich")
                .sinkTo(this.items).name("items to elasticsearch").uid("items-elasticsearch");
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

    /** Checkpointing, restarts and parallelism for every run of the job, local or on a cluster. */
    public static void configure(StreamExecutionEnvironment env, SentinelConfig.Monitor settings) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(settings.parallelism());
        env.enableCheckpointing(Duration.ofSeconds(settings.checkpointIntervalSeconds()).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, settings.restartAttempts());
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(5));
        env.configure(restart);
    }

    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(NAME);
    }

    /** {@code flink run sentinel-pipeline-job.jar [--config sentinel.yaml]}: the live job on the configured cluster. */
    public static void main(String[] args) throws Exception {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--config sentinel.yaml]");
            }
        }
        SentinelConfig config = ConfigLoader.load(configFile);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, config.monitor());
        fromConfig(config, false).build(env);
        env.execute(NAME);
    }
}
