package org.yqsentinel.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.Yq;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.offline.AlertDiff;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq whatif}: the same records under the rules in force and under another rules folder, and what the change
 * does to the alerts: each event removed, added or changed (tier, time, score) as a JSON line with a {@code change}
 * field, then a short table for a person on stderr. The records are a time range of what the system holds (as
 * {@code yq replay}) or files (as {@code yq score}).
 */
@Command(name = "whatif", description = "Compare rules: run the monitor job over the same records under the rules in force and"
        + " under --rules DIR, and print each alert event the change removes, adds or changes as a JSON line; a table"
        + " for a person follows on stderr.",
        footer = {"", "Records: --from/--to replays a range the system holds (as yq replay); --items/--policies reads files"
                + " (as yq score).", "Exit codes: 0 compared (whether or not anything changed); 2 an error to fix; 1 a failure of yq itself."})
public final class WhatifCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(Zones.BEIJING);

    @ParentCommand
    Yq yq;

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "The changed rules: a folder of rule files (as rules.dir).")
    Path rules;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Records records;

    static final class Records {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Range range;
        @ArgGroup(exclusive = false, multiplicity = "1")
        FileRecords files;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (publish time), included.")
        String from;
        @Option(names = "--to", required = true, paramLabel = "TIME", description = "End of the range (publish time), excluded.")
        String to;
    }

    static final class FileRecords {
        @Option(names = "--items", arity = "1..*", required = true, paramLabel = "[CHANNEL=]FILE", description = "Item files, as yq score.")
        List<String> items;
        @Option(names = "--policies", arity = "1..*", required = true, paramLabel = "FILE", description = "Policy files, as yq score.")
        List<Path> policies;
        @Option(names = "--channel", paramLabel = "news|weibo|wechat", description = "The channel of raw records in --items.")
        String channel;
        @Option(names = "--crawled-at", paramLabel = "TIME", description = "When the records were crawled (default: now).")
        String crawledAt;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write the changes to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        String inForce = config.rules().dir();
        String changed = ReplayCommand.rulesDir(config, rules);
        Path work = Files.createTempDirectory("yq-whatif-");
        try {
            List<Alert> before;
            List<Alert> after;
            try (Progress progress = Progress.start("whatif")) {
                PrintStream err = progress.above(System.err);
                if (records.range != null) {
                    progress.phase("reading back the records of the range");
                    RangeReplay range = RangeReplay.select(config, Times.parse(records.range.from, null, "--from"),
                            Times.parse(records.range.to, null, "--to"), err);
                    err.println("whatif: the job under the rules in force (" + describe(inForce) + ")");
                    progress.phase("the job under the rules in force, over " + range.posts() + " posts");
                    before = range.run(inForce, work.resolve("before")).alerts();
                    err.println("whatif: the job under " + rules);
                    progress.phase("the job under " + rules + ", over " + range.posts() + " posts");
                    after = range.run(changed, work.resolve("after")).alerts();
                } else {
                    Channel channel = records.files.channel == null ? null : ScoreCommand.channel(records.files.channel, "--channel");
                    List<OfflineRecords.Input> inputs = records.files.items.stream().map(item -> ScoreCommand.input(item, channel)).toList();
                    records.files.policies.forEach(Yq::requireFile);
                    Instant seenAt = records.files.crawledAt == null ? Instant.now() : Times.parse(records.files.crawledAt, null, "--crawled-at");
                    err.println("whatif: the job under the rules in force (" + describe(inForce) + ")");
                    progress.phase("the job under the rules in force");
                    before = new OfflineScoring(config.monitor(), config.ingest(), inForce).run(StreamExecutionEnvironment.createLocalEnvironment(),
                            records.files.policies, inputs, seenAt, work.resolve("before")).alerts();
                    err.println("whatif: the job under " + rules);
                    progress.phase("the job under " + rules);
                    after = new OfflineScoring(config.monitor(), config.ingest(), changed).run(StreamExecutionEnvironment.createLocalEnvironment(),
                            records.files.policies, inputs, seenAt, work.resolve("after")).alerts();
                }
            }
            List<AlertDiff.Change> changes = AlertDiff.between(before, after);
            ScoreCommand.printLines(out, changes.stream().map(WhatifCommand::line).toList());
            table(before.size(), after.size(), changes, System.err);
            return 0;
        } finally {
            ScoreCommand.delete(work);
        }
    }

    private static String describe(String rulesDir) {
        return rulesDir == null || rulesDir.isBlank() ? "the bundled rules" : rulesDir;
    }

    /** One JSON line of a change: {@code change}, the event's id, subject and type, then {@code before} and {@code after}. */
    static ObjectNode line(AlertDiff.Change change) {
        Alert either = change.either();
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("change", change.change().name().toLowerCase(Locale.ROOT));
        line.put("id", either.id());
        line.put("subjectId", either.subjectId());
        line.put("type", either.type().name());
        if (!change.fields().isEmpty()) {
            change.fields().forEach(line.putArray("fields")::add);
        }
        line.set("before", change.before() == null ? null : Json.mapper().valueToTree(change.before()));
        line.set("after", change.after() == null ? null : Json.mapper().valueToTree(change.after()));
        return line;
    }

    /** The table for a person: a line per change, then the counts. */
    static void table(int before, int after, List<AlertDiff.Change> changes, PrintStream err) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"change", "subject", "event", "in force", "changed rules"});
        for (AlertDiff.Change change : changes) {
            Alert either = change.either();
            rows.add(new String[] {change.change().name().toLowerCase(Locale.ROOT) + (change.fields().isEmpty() ? "" : " (" + String.join(", ",
                    change.fields()) + ")"), either.subjectId(), either.type().name().toLowerCase(Locale.ROOT), brief(change.before()), brief(change.after())});
        }
        if (!changes.isEmpty()) {
            int[] width = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    width[c] = Math.max(width[c], columns(row[c]));
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    line.append(c == 0 ? "" : "  ").append(c == row.length - 1 ? row[c] : pad(row[c], width[c]));
                }
                err.println(line);
            }
        }
        Map<AlertDiff.Kind, Long> counts = AlertDiff.counts(changes);
        err.println("whatif: " + before + " alert events under the rules in force, " + after + " under the changed rules: "
                + counts.get(AlertDiff.Kind.REMOVED) + " removed, " + counts.get(AlertDiff.Kind.ADDED) + " added, "
                + counts.get(AlertDiff.Kind.CHANGED) + " changed");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - columns(text));
    }

    /** How many terminal columns a text takes: two for the wide characters of Chinese (CJK, full-width forms), one else. */
    static int columns(String text) {
        return text.codePoints().map(c -> c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x20000 && c <= 0x3FFFD ? 2 : 1).sum();
    }

    /** {@code Ⅱ→Ⅰ 90.8 at 11-20 19:30} (Beijing time), or a dash for no event. */
    private static String brief(Alert alert) {
        if (alert == null) {
            return "—";
        }
        String tier = alert.type() == AlertEventType.ESCALATED || alert.type() == AlertEventType.DEESCALATED
                ? alert.previousTier().code() + "→" + alert.tier().code() : alert.tier().code();
        return String.format(Locale.ROOT, "%s %.1f at %s", tier, alert.score(), TIME.format(alert.windowEnd()));
    }
}
