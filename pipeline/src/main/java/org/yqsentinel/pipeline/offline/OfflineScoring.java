package org.yqsentinel.pipeline.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.yqsentinel.enrich.policy.PolicyAnalyzer;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.pipeline.monitor.MonitorSinks;
import org.yqsentinel.pipeline.risk.GivenPolicies;
import org.yqsentinel.rules.RuleFiles;

/**
 * The monitor job on archived files, without Kafka or Elasticsearch: the same graph, its source the files
 * ({@link OfflineRecords}), its alert events written as JSON lines, everything else discarded. It runs in
 * streaming mode over the bounded input at parallelism 1, so that watermarks, late posts and the keyword
 * background behave as on the live job and the same files give the same alerts, byte for byte. The policies
 * are also given to the job up front ({@link GivenPolicies}): on their own path through the graph they could
 * reach the linking operator after the first posts, and which posts then missed their policy would depend
 * on thread timing.
 */
public final class OfflineScoring {

    /** Event time, then policy, then id: a stable order for the same input. */
    private static final Comparator<Alert> EVENT_ORDER = Comparator.comparing(Alert::windowEnd)
            .thenComparing(Alert::subjectId).thenComparing(Alert::id);

    private final SentinelConfig.Monitor settings;
    private final String rulesDir;

    /** @param rulesDir the rules folder (null or blank for the bundled rules) */
    public OfflineScoring(SentinelConfig.Monitor settings, String rulesDir) {
        this.settings = settings;
        this.rulesDir = rulesDir;
    }

    /**
     * Runs the job on the files and returns its alert events in event-time order (then policy, then id).
     *
     * @param channel the channel of raw crawler records in the item files, or null for canonical items
     * @param seenAt  when the records count as crawled, for relative times
     */
    public List<Alert> run(StreamExecutionEnvironment env, List<Path> policyFiles, List<Path> itemFiles, Channel channel,
                           Instant seenAt, Path workDir) throws Exception {
        List<OfflineRecords.Input> items = itemFiles.stream().map(p -> new OfflineRecords.Input(p.toString(), false, channel)).toList();
        return run(env, policyFiles, items, seenAt, workDir);
    }

    /** As {@link #run(StreamExecutionEnvironment, List, List, Channel, Instant, Path)}, each item file with its own channel. */
    public List<Alert> run(StreamExecutionEnvironment env, List<Path> policyFiles, List<OfflineRecords.Input> itemFiles,
                           Instant seenAt, Path workDir) throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(1);
        Files.createDirectories(workDir);
        Path alertsPrefix = workDir.resolve("alerts");
        MonitorSinks sinks = new MonitorSinks(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                new JsonLinesSink<>(alertsPrefix), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>());
        new MonitorJob(OfflineRecords.source(policyFiles, itemFiles, seenAt), sinks, settings, rulesDir,
                givenPolicies(policyFiles, seenAt, rulesDir)).build(env);
        env.execute(MonitorJob.NAME + "-offline");
        return read(JsonLinesSink.file(alertsPrefix, 0));
    }

    /** The policies of these files made ready to watch, to give a bounded run of the job up front. */
    public static GivenPolicies givenPolicies(List<Path> policyFiles, Instant seenAt, String rulesDir) {
        PolicyAnalyzer analyzer = new PolicyAnalyzer(RuleFiles.of(rulesDir));
        return GivenPolicies.of(OfflineRecords.policies(policyFiles, seenAt).stream().map(analyzer::watch).toList());
    }

    private static List<Alert> read(Path file) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            alerts.add(Json.mapper().readValue(line, Alert.class));
        }
        alerts.sort(EVENT_ORDER);
        return alerts;
    }
}
