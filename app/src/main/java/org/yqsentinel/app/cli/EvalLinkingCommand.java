package org.yqsentinel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.offline.OfflineRecords;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.training.linking.LinkingScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq eval linking}: how well the monitor job links posts to a policy, on posts labelled about it or not
 * (docs/data/linking-cases.jsonl): it runs the job offline on the items and compares its links with the labels.
 */
@Command(name = "linking", description = "Recall and false-link rate of the policy linking on labelled posts: the monitor job"
        + " offline on the items, its links to the policy against the labels; the last line is recall=0.NNN false-links=0.NNN.")
final class EvalLinkingCommand implements Callable<Integer> {

    @ParentCommand
    EvalCommand eval;

    @Option(names = "--items", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Item files: canonical Item JSON lines, or with --channel raw crawler records of that channel.")
    List<Path> items;

    @Option(names = "--channel", paramLabel = "news|weibo|wechat", description = "The channel of raw crawler records in --items.")
    String channel;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "Tab-separated lines itemId, label (about or unrelated), group, after a header line; # for comments.")
    Path labels;

    @Option(names = "--policies", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Policy files, as for yq score.")
    List<Path> policies;

    @Option(names = "--policy", paramLabel = "ID", description = "The policy the labels are about (default: the only one of --policies).")
    String policyId;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = eval.yq.config();
        items.forEach(Yq::requireFile);
        policies.forEach(Yq::requireFile);
        Map<String, Boolean> truth;
        try {
            truth = LinkingScore.readLabels(Yq.requireFile(labels));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Instant seenAt = Instant.now();
        String policy = policyId != null ? policyId : onlyPolicy(OfflineRecords.policies(policies, seenAt, config.ingest()));
        Channel itemChannel = channel == null ? null : ScoreCommand.channel(channel, "--channel");
        Path work = Files.createTempDirectory("yq-eval-linking-");
        OfflineScoring.Scored scored;
        try {
            scored = new OfflineScoring(config.monitor(), config.ingest(), config.rules().dir())
                    .run(StreamExecutionEnvironment.createLocalEnvironment(), policies, items, itemChannel, seenAt, work);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Map<String, String> matched = new HashMap<>();
        scored.links().stream().filter(l -> l.policyId().equals(policy)).forEach(l -> matched.put(l.itemId(), l.matched()));
        LinkingScore score = LinkingScore.of(truth, matched.keySet());
        System.out.println("policy " + policy + ": " + truth.size() + " labelled posts, " + matched.size() + " posts linked");
        score.missed().forEach(id -> System.out.println("missed " + id));
        score.falselyLinked().forEach(id -> System.out.println("false link " + id + " (" + matched.get(id) + ")"));
        System.out.println(score.summary());
        System.out.printf(Locale.ROOT, "recall=%.3f false-links=%.3f%n", score.recall(), score.falseLinkRate());
        return 0;
    }

    private static String onlyPolicy(List<PolicyDocument> documents) {
        if (documents.size() != 1) {
            throw new UserError("--policies hold " + documents.size() + " policies; name the one the labels are about with --policy");
        }
        return documents.get(0).id();
    }
}
