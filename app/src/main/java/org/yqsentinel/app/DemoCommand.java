package org.yqsentinel.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;
import org.yqsentinel.ingest.RawPublisher;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.stack.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq demo}: the main job on the embedded default, end to end — local stack, setup, the bundled
 * sample into the raw topics, the monitor job bounded on a local mini-cluster, and a summary.
 * Running it again re-sends the sample; the deterministic ids keep Elasticsearch free of duplicates.
 */
@Command(name = "demo", description = "Start the local stack, push the bundled sample, run the monitor job over it, print a summary.")
final class DemoCommand implements Callable<Integer> {

    static final String POLICY_PAGE = "policy.txt";

    @ParentCommand
    Yq yq;

    @Option(names = "--sample", paramLabel = "DIR", description = "Folder with news.jsonl, weibo.jsonl, wechat.jsonl (crawler records) and policy.txt (a portal page); default: demo/sample.")
    Path sample;

    @Override
    public Integer call() throws Exception {
        SentinelConfig config = yq.config();
        Path folder = sample != null ? sample : yq.layout().home().resolve("demo/sample");
        if (!Files.isDirectory(folder)) {
            throw new Yq.UserError("sample folder " + folder + " not found; pass --sample DIR");
        }

        LocalStack stack = new LocalStack(yq.layout(), config.stack());
        long t0 = System.nanoTime();
        boolean started = stack.up();
        step(1, "local stack " + (started ? "started in " + seconds(t0) : "already running") + ": Kafka "
                + stack.kafkaBootstrapServers() + ", Elasticsearch " + stack.elasticsearchUrl());

        List<String> setup = SetupCommand.provision(config);
        step(2, "setup: " + setup.stream().filter(l -> l.startsWith("topic")).count() + " topics, "
                + setup.stream().filter(l -> l.startsWith("index template")).count() + " index templates ("
                + setup.stream().filter(l -> l.endsWith(": created") || l.contains(": created (")).count() + " created)");

        Map<TopicPartition, Long> deadLettersBefore = DemoSummary.deadLetterEnds(config);
        Map<String, Integer> pushed = push(config, folder);
        step(3, "pushed the sample from " + folder + " (records per topic): " + pushed.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));

        long t1 = System.nanoTime();
        StreamExecutionEnvironment env = LocalFlink.environment();
        MonitorJob.configure(env, config.monitor());
        MonitorJob.fromConfig(config, true).build(env);
        env.execute(MonitorJob.NAME + "-demo");
        step(4, "monitor job ran on a local Flink mini-cluster over everything in the raw topics: " + seconds(t1));

        DemoSummary.Indexed indexed = DemoSummary.indexed(config);
        DemoSummary.DeadLetters deadLetters = DemoSummary.deadLettersSince(config, deadLettersBefore);
        step(5, "summary");
        System.out.println("  items in Elasticsearch (" + config.names().index("yq-items-*") + "): " + indexed.total()
                + "  " + format(indexed.perChannel()));
        System.out.println("  reprints marked as copies of an earlier post: " + indexed.copies() + ", reposts linked to their original: "
                + indexed.reposts());
        System.out.println("  top keywords: " + format(indexed.topKeywords()));
        System.out.println("  policy documents in " + config.names().index("yq-policies") + ": " + String.join(", ", DemoSummary.policies(config)));
        System.out.println("  dead letters this run: " + deadLetters.count() + " → " + config.names().deadLetterTopic());
        deadLetters.byReason().forEach((reason, n) -> System.out.println("    " + n + " × " + reason));
        System.out.println();
        System.out.println("Where to look next:");
        System.out.println("  items:        " + config.elasticsearchUrl() + "/" + config.names().index("yq-items-*")
                + "/_search?q=channel:weibo&size=3&pretty");
        System.out.println("  live job:     ./yq monitor   (keeps the job running; Flink web UI on http://127.0.0.1:8081)");
        System.out.println("  stack:        ./yq stack status | ./yq stack down");
        return 0;
    }

    /** Sends the sample's files as {@code ./yq ingest} would: each record byte for byte to its raw topic. */
    private static Map<String, Integer> push(SentinelConfig config, Path folder) throws IOException {
        Map<String, Integer> pushed = new LinkedHashMap<>();
        try (RawPublisher publisher = new RawPublisher(config.kafkaBootstrapServers())) {
            for (Channel channel : Channel.values()) {
                Path file = folder.resolve(channel.id() + ".jsonl");
                if (Files.isRegularFile(file)) {
                    pushed.put(channel.id(), publisher.send(config.names().rawTopic(channel), records(file, false)));
                }
            }
            Path policy = folder.resolve(POLICY_PAGE);
            if (Files.isRegularFile(policy)) {
                pushed.put("policy", publisher.send(config.names().rawPolicyTopic(), records(policy, true)));
            }
        }
        if (pushed.isEmpty()) {
            throw new Yq.UserError("no sample files (news.jsonl, weibo.jsonl, wechat.jsonl, " + POLICY_PAGE + ") in " + folder);
        }
        return pushed;
    }

    private static List<byte[]> records(Path file, boolean policyPages) throws IOException {
        return RawRecordFiles.split(file.toString(), Files.readAllBytes(file), policyPages).stream().map(RawRecordFiles.RawLine::value).toList();
    }

    private static String format(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String seconds(long since) {
        return String.format("%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static void step(int n, String text) {
        System.out.println("[" + n + "/5] " + text);
    }
}
