package org.yqsentinel.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.offline.KafkaArchive;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.pipeline.offline.ReplayRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq replay}: the monitor job's own graph, bounded, over the posts published in a time range that the raw topics
 * still hold, with every policy and control message, so that the rules in force at each moment are those the live job
 * had. It reads the topics without a consumer group and writes its results only to files of its own, so the live
 * topics and indices stay as they are; it prints the alert events as JSON lines, as {@code yq score} does.
 */
@Command(name = "replay", description = "Replay a time range: the monitor job over the posts published in it (read back from the"
        + " raw topics, with every policy and control message), writing nothing to the live topics and indices; prints the"
        + " alert events as JSON lines.",
        footer = {"", "Progress goes to stderr. Exit codes: 0 replayed; 2 an error to fix; 1 a failure of yq itself."})
public final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (publish time), included,"
            + " e.g. 2026-11-20T08:00+08:00 or 2026-11-20 08:00 (Beijing time).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "End of the range (publish time), excluded.")
    String to;

    @Option(names = "--rules", paramLabel = "DIR", description = "A rules folder to use instead of the configured one.")
    Path rules;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the alert events to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        Instant start = Times.parse(from, null, "--from");
        Instant end = Times.parse(to, null, "--to");
        if (!start.isBefore(end)) {
            throw new UserError("--from (" + start + ") must be before --to (" + end + ")");
        }
        String rulesDir = rulesDir(config);
        KafkaArchive archive = KafkaArchive.open(KafkaClients.of(config), config.names());
        if (!archive.holdsSince(start)) {
            throw new UserError("the raw topics of namespace '" + config.names().prefix() + "' no longer hold every record taken"
                    + " since " + start + " (retention has removed older ones); replay a later range, or raise the raw topics'"
                    + " retention.ms (docs/operations.md)");
        }
        System.err.println("replay: reading back the raw topics and " + config.names().controlTopic() + " (" + archive.size()
                + " records)");
        ReplayRecords.Selection selection = ReplayRecords.select(archive, start, end, config.ingest());
        System.err.println("replay: source the raw topics; " + selection.read() + " records read: " + selection.posts()
                + " posts published in [" + start + ", " + end + "), " + selection.policies().size() + " policies, "
                + selection.controls() + " control messages");
        Path work = Files.createTempDirectory("yq-replay-");
        try {
            OfflineScoring.Scored scored = new OfflineScoring(config.monitor(), config.ingest(), rulesDir)
                    .run(StreamExecutionEnvironment.createLocalEnvironment(), ReplayRecords.source(archive, start, end, config.ingest(), selection),
                            OfflineScoring.givenPolicies(selection.policies(), rulesDir), work);
            write(scored.alerts());
            Instant reached = selection.records().stream().filter(r -> r.item() != null).map(r -> r.item().publishedAt())
                    .max(Comparator.naturalOrder()).orElse(start);
            System.err.println("replayed: " + scored.alerts().size() + " alert event" + (scored.alerts().size() == 1 ? "" : "s")
                    + ", event time reached " + reached + (out == null ? "" : "; written to " + out));
            return 0;
        } finally {
            ScoreCommand.delete(work);
        }
    }

    private String rulesDir(SentinelConfig config) {
        if (rules == null) {
            return config.rules().dir();
        }
        if (!Files.isDirectory(rules)) {
            throw new UserError("--rules " + rules + ": no such folder; give a folder of rule files (as rules.dir)");
        }
        return rules.toString();
    }

    private void write(List<Alert> alerts) throws IOException {
        if (out == null) {
            PrintStream printer = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            alerts.forEach(alert -> printer.println(Json.toString(alert)));
            printer.flush();
            return;
        }
        ScoreCommand.writeLines(out, alerts);
    }
}
