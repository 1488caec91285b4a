package org.yqsentinel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.emerging.EmergingRules;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.topic.TopicRules;
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
        String rulesDir = rulesDir(config, rules);
        Path work = Files.createTempDirectory("yq-replay-");
        try {
            RangeReplay range;
            OfflineScoring.Scored scored;
            try (Progress progress = Progress.start("replay")) {
                progress.phase("reading back the records of the range");
                range = RangeReplay.select(config, start, end, progress.above(System.err));
                progress.phase("running the monitor job over " + range.posts() + " posts on a local Flink mini-cluster");
                scored = range.run(rulesDir, work);
            }
            ScoreCommand.printLines(out, scored.alerts());
            System.err.println("replayed: " + scored.alerts().size() + " alert event" + (scored.alerts().size() == 1 ? "" : "s")
                    + ", event time reached " + range.reached() + (out == null ? "" : "; written to " + out));
            return 0;
        } finally {
            ScoreCommand.delete(work);
        }
    }

    /** The configured rules folder, or {@code rules} when given, checked: every file the job reads parses. */
    static String rulesDir(SentinelConfig config, Path rules) {
        if (rules == null) {
            return config.rules().dir();
        }
        if (!Files.isDirectory(rules)) {
            throw new UserError("--rules " + rules + ": no such folder; give a folder of rule files (as rules.dir)");
        }
        RuleFiles files = RuleFiles.of(rules.toString());
        RiskRules.load(files);
        TopicRules.load(files);
        EmergingRules.load(files);
        Dictionaries.load(files);
        return rules.toString();
    }
}
