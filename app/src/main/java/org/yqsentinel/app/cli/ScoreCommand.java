package org.yqsentinel.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.risk.RiskRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq score}: the monitor job on archived files, bounded, without Kafka or Elasticsearch; prints its
 * alert events as JSON lines, with {@code --links} writes the posts' links to the policies, and with {@code --series}
 * the risk series, so an analyst sees the curve and not only the tier changes. The same files
 * and rules give the same lines, and the same alert ids as the live job on the same items.
 */
@Command(name = "score", description = "Score policy risk offline, and with --topics emerging topics: run the monitor job on item"
        + " (and policy) files and print the alert events as JSON lines.",
        footer = {"", "Exit codes: 0 every record read; 3 some records refused (each 'file:line: reason' on stderr, the"
                + " others scored); 2 an error to fix; 1 a failure of yq itself."})
public final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    Yq yq;

    @Option(names = "--items", arity = "1..*", required = true, paramLabel = "[CHANNEL=]FILE",
            description = "Item files: canonical Item JSON lines, or with --channel raw crawler records of that channel;"
                    + " weibo=FILE (news=, wechat=) gives one file of raw records its own channel.")
    List<String> items;

    @Option(names = "--channel", paramLabel = "news|weibo|wechat", description = "The channel of raw crawler records in --items.")
    String channel;

    @Option(names = "--policies", arity = "1..*", paramLabel = "FILE",
            description = "Policy files: a policy page (text or HTML) per file, or PolicyDocument JSON lines. Without them only"
                    + " emerging topics are scored.")
    List<Path> policies = List.of();

    @Option(names = "--topics", description = "Also find emerging topics (苗头性舆情) in the posts no policy claims and print their"
            + " alert events (subjectId topic:…), as with monitor.emerging-topics: true (rules/emerging.yaml).")
    boolean topics;

    @Option(names = "--rules", paramLabel = "FILE", description = "A risk.yaml to use instead of the configured one.")
    Path rules;

    @Option(names = "--links", paramLabel = "FILE",
            description = "Also write each link of a post to a policy as a JSON line to FILE: itemId, sourceId, policyId,"
                    + " evidence (how it was found), matched (the 文号, title or words that matched), confidence.")
    Path links;

    @Option(names = "--series", paramLabel = "FILE",
            description = "Also write the risk series as JSON lines to FILE: every window's policy, start and end, score, tier"
                    + " in force, linked posts and factors, by window end and policy.")
    Path series;

    @Option(names = "--crawled-at", paramLabel = "TIME",
            description = "When the records were crawled, for relative times such as 5分钟前 (default: now).")
    String crawledAt;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        Channel itemChannel = channel == null ? null : channel(channel, "--channel");
        List<OfflineRecords.Input> inputs = items.stream().map(item -> input(item, itemChannel)).toList();
        policies.forEach(Yq::requireFile);
        boolean withTopics = topics || config.monitor().emergingTopics();
        if (policies.isEmpty() && !withTopics) {
            throw new UserError("nothing to score: give the policies (--policies FILE …), or --topics to find emerging topics");
        }
        Instant seenAt = crawledAt == null ? Instant.now() : Times.parse(crawledAt, null, "--crawled-at");
        Path work = Files.createTempDirectory("yq-score-");
        try {
            String rulesDir = rulesDir(config.rules().dir(), work);
            OfflineScoring.Scored scored;
            try (Progress progress = Progress.start("score")) {
                progress.phase("running the monitor job over " + inputs.size() + " file" + (inputs.size() == 1 ? "" : "s") + " of posts"
                        + (policies.isEmpty() ? "" : " and " + policies.size() + " of policies") + " on a local Flink mini-cluster");
                scored = new OfflineScoring(config.monitor().withEmergingTopics(withTopics), config.ingest(), rulesDir)
                        .run(StreamExecutionEnvironment.createLocalEnvironment(), policies, inputs, seenAt, work);
            }
            for (DeadLetter refused : scored.refused()) {
                String file = refused.key() == null ? refused.sourceTopic() : new String(refused.key(), StandardCharsets.UTF_8);
                System.err.println(file + ":" + refused.offset() + ": " + refused.reason());
            }
            if (links != null) {
                writeLines(links, scored.links());
            }
            if (series != null) {
                writeLines(series, scored.series());
            }
            printLines(null, scored.alerts());
            List<Alert> alerts = scored.alerts();
            System.err.println("scored: " + alerts.size() + " alert event" + (alerts.size() == 1 ? "" : "s")
                    + (links == null ? "" : "; " + scored.links().size() + " link" + (scored.links().size() == 1 ? "" : "s")
                    + " written to " + links)
                    + (series == null ? "" : "; " + scored.series().size() + " risk point" + (scored.series().size() == 1 ? "" : "s")
                    + " written to " + series)
                    + (scored.refused().isEmpty() ? "" : "; " + scored.refused().size() + " record"
                    + (scored.refused().size() == 1 ? "" : "s") + " refused"));
            return scored.refused().isEmpty() ? 0 : IngestCommand.SOME_REFUSED;
        } finally {
            delete(work);
        }
    }

    /** One JSON line per value, in the order given, to {@code file}, or to stdout when it is null. */
    static void printLines(Path file, List<?> values) throws IOException {
        if (file != null) {
            writeLines(file, values);
            return;
        }
        PrintStream printer = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        values.forEach(value -> printer.println(Json.toString(value)));
        printer.flush();
    }

    /** One JSON line per value, in the order given. */
    static void writeLines(Path file, List<?> values) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object value : values) {
                out.write(Json.toString(value));
                out.write('\n');
            }
        }
    }

    /** The configured rules folder, or with --rules a copy of it whose risk.yaml is that file (checked first). */
    private String rulesDir(String configured, Path work) throws IOException {
        if (rules == null) {
            return configured;
        }
        String text = Files.readString(Yq.requireFile(rules), StandardCharsets.UTF_8);
        try {
            RiskRules.parse(rules.toString(), text);
        } catch (RuleException e) {
            throw new UserError(e.getMessage());
        }
        Path folder = work.resolve("rules");
        Files.createDirectories(folder);
        if (configured != null && !configured.isBlank()) {
            Path from = Path.of(configured);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = folder.resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        Files.writeString(folder.resolve(RiskRules.FILE), text, StandardCharsets.UTF_8);
        return folder.toString();
    }

    /** {@code FILE} (of the --channel, or canonical items) or {@code CHANNEL=FILE}. */
    static OfflineRecords.Input input(String item, Channel channel) {
        int equals = item.indexOf('=');
        if (equals > 0 && !Files.exists(Path.of(item))) {
            Channel own = channel(item.substring(0, equals), "--items " + item);
            return new OfflineRecords.Input(Yq.requireFile(Path.of(item.substring(equals + 1))).toString(), false, own);
        }
        return new OfflineRecords.Input(Yq.requireFile(Path.of(item)).toString(), false, channel);
    }

    static Channel channel(String name, String where) {
        try {
            return Channel.of(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": the channel must be news, weibo or wechat, not '" + name + "'");
        }
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
