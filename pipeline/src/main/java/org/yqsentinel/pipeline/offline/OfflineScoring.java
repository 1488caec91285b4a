package org.yqsentinel.pipeline.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.yqsentinel.enrich.policy.PolicyAnalyzer;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.control.GivenPolicies;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.pipeline.monitor.MonitorSinks;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.rules.RuleFiles;

/**
 * The monitor job on archived files, without Kafka or Elasticsearch: the same graph, its source the files
 * ({@link OfflineRecords}), its alert events and the items' policy links written as JSON lines, everything else
 * discarded. It runs in streaming mode over the bounded input, at parallelism 1 unless told otherwise, so that
 * watermarks and late posts behave as on the live job and the same files give the same alerts, byte for byte.
 * The policies are also given to the job up front ({@link GivenPolicies}): on their own path through the graph
 * they could reach the linking operator after the first posts, and which posts then missed their policy would
 * depend on thread timing.
 */
public final class OfflineScoring {

    /** Event time, then policy, then id: a stable order for the same input. */
    private static final Comparator<Alert> EVENT_ORDER = Comparator.comparing(Alert::windowEnd)
            .thenComparing(Alert::subjectId).thenComparing(Alert::id);
    /** Window end, then policy: the series of each policy in time order, whatever subtask scored it. */
    private static final Comparator<RiskPoint> SERIES_ORDER = Comparator.comparing(RiskPoint::windowEnd)
            .thenComparing(RiskPoint::subjectId);
    /** Item, then policy: a stable order whatever subtask linked the item. */
    private static final Comparator<ItemLink> LINK_ORDER = Comparator.comparing(ItemLink::itemId).thenComparing(ItemLink::policyId);

    /**
     * What a run gave: the alert events in event-time order, the records refused (their key the file they came from),
     * the links of the items to the policies, by item and policy, and the risk series: every window's score, tier and
     * factors, by window end and policy.
     */
    public record Scored(List<Alert> alerts, List<DeadLetter> refused, List<ItemLink> links, List<RiskPoint> series) {}

    private final SentinelConfig.Monitor settings;
    private final SentinelConfig.Ingest limits;
    private final String rulesDir;
    private final int parallelism;

    /** @param rulesDir the rules folder (null or blank for the bundled rules) */
    public OfflineScoring(SentinelConfig.Monitor settings, SentinelConfig.Ingest limits, String rulesDir) {
        this(settings, limits, rulesDir, 1);
    }

    private OfflineScoring(SentinelConfig.Monitor settings, SentinelConfig.Ingest limits, String rulesDir, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.settings = settings;
        this.limits = limits;
        this.rulesDir = rulesDir;
        this.parallelism = parallelism;
    }

    /** With the default reading limits. */
    public OfflineScoring(SentinelConfig.Monitor settings, String rulesDir) {
        this(settings, SentinelConfig.Ingest.DEFAULTS, rulesDir);
    }

    /** The same scoring with every operator at this parallelism (1 by default). */
    public OfflineScoring withParallelism(int parallelism) {
        return new OfflineScoring(settings, limits, rulesDir, parallelism);
    }

    /**
     * Runs the job on the files and returns its alert events in event-time order (then policy, then id).
     *
     * @param channel the channel of raw crawler records in the item files, or null for canonical items
     * @param seenAt  when the records count as crawled, for relative times
     */
    public Scored run(StreamExecutionEnvironment env, List<Path> policyFiles, List<Path> itemFiles, Channel channel,
                      Instant seenAt, Path workDir) throws Exception {
        List<OfflineRecords.Input> items = itemFiles.stream().map(p -> new OfflineRecords.Input(p.toString(), false, channel)).toList();
        return run(env, policyFiles, items, seenAt, workDir);
    }

    /** As {@link #run(StreamExecutionEnvironment, List, List, Channel, Instant, Path)}, each item file with its own channel. */
    public Scored run(StreamExecutionEnvironment env, List<Path> policyFiles, List<OfflineRecords.Input> itemFiles,
                      Instant seenAt, Path workDir) throws Exception {
        return run(env, OfflineRecords.source(policyFiles, itemFiles, seenAt, limits), givenPolicies(policyFiles, seenAt, rulesDir, limits),
                workDir);
    }

    /** The job over any bounded source of read records, its policies given up front; as the file runs, results in files under {@code workDir}. */
    public Scored run(StreamExecutionEnvironment env, Source<ReadRecord, ?, ?> source, GivenPolicies given, Path workDir) throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(parallelism);
        Files.createDirectories(workDir);
        Path alertsPrefix = workDir.resolve("alerts");
        Path refusedPrefix = workDir.resolve("refused");
        Path linksPrefix = workDir.resolve("links");
        Path seriesPrefix = workDir.resolve("series");
        MonitorSinks sinks = new MonitorSinks(new JsonLinesSink<>(linksPrefix, ItemLink::of), new DiscardingSink<>(),
                new JsonLinesSink<>(refusedPrefix), new JsonLinesSink<>(alertsPrefix), new DiscardingSink<>(),
                new JsonLinesSink<>(seriesPrefix), new DiscardingSink<>());
        new MonitorJob(source, sinks, settings, rulesDir, given).build(env);
        env.execute(MonitorJob.NAME + "-offline");
        List<Alert> alerts = read(alertsPrefix, Alert.class);
        alerts.sort(EVENT_ORDER);
        List<DeadLetter> refused = read(refusedPrefix, DeadLetter.class);
        refused.sort(Comparator.comparing((DeadLetter d) -> d.key() == null ? "" : new String(d.key(), StandardCharsets.UTF_8))
                .thenComparingLong(DeadLetter::offset));
        List<ItemLink> links = read(linksPrefix, ItemLink.class);
        links.sort(LINK_ORDER);
        List<RiskPoint> series = read(seriesPrefix, RiskPoint.class);
        series.sort(SERIES_ORDER);
        return new Scored(alerts, refused, links, series);
    }

    /** The policies of these files made ready to watch, to give a bounded run of the job up front. */
    public static GivenPolicies givenPolicies(List<Path> policyFiles, Instant seenAt, String rulesDir, SentinelConfig.Ingest limits) {
        return givenPolicies(OfflineRecords.policies(policyFiles, seenAt, limits), rulesDir);
    }

    /** These policy documents made ready to watch with the rules of {@code rulesDir}. */
    public static GivenPolicies givenPolicies(List<PolicyDocument> policies, String rulesDir) {
        PolicyAnalyzer analyzer = new PolicyAnalyzer(RuleFiles.of(rulesDir));
        return GivenPolicies.of(policies.stream().map(analyzer::watch).toList());
    }

    /** The lines every subtask wrote under this prefix. */
    private <T> List<T> read(Path prefix, Class<T> type) throws IOException {
        List<T> read = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            Path file = JsonLinesSink.file(prefix, subtask);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    read.add(Json.mapper().readValue(line, type));
                }
            }
        }
        return read;
    }
}
