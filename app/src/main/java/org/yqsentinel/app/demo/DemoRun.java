package org.yqsentinel.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.alerting.service.AlertingService;
import org.yqsentinel.model.Alert;
import org.yqsentinel.app.LocalFlink;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.Setup;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.app.UserError;
import org.yqsentinel.ingest.RawPublisher;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.pipeline.offline.OfflineScoring;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.Scenario;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.Simulation;
import org.yqsentinel.stack.LocalStack;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.stack.outbox.Outbox;

/**
 * One run of {@code yq demo}, the main job on the embedded default end to end: local stack, setup, a simulated
 * negative surge around the demo policy (or a given sample) into the raw topics, the monitor job bounded on a
 * local mini-cluster, the alerting service delivering into the local outbox, and a summary with the alerts it
 * raised and their case. Running it again re-sends the posts; the deterministic ids keep Elasticsearch free of
 * duplicates.
 */
public final class DemoRun {

    private static final String POLICY_PAGE = "policy.txt";
    private static final int STEPS = 6;

    private final SentinelConfig config;
    private final StackLayout layout;
    private final int outboxHttpPort;

    /** @param outboxHttpPort where the outbox takes the SMS and robot messages ({@code yq outbox}'s port) */
    private Progress progress;

    public DemoRun(SentinelConfig config, StackLayout layout, int outboxHttpPort) {
        this.config = config;
        this.layout = layout;
        this.outboxHttpPort = outboxHttpPort;
    }

    /**
     * Runs the demo over the files in {@code sample}, or, when it is null, over the simulated {@code scenario} (a
     * name the simulator knows), printing each step.
     */
    public void run(Path sample, String scenario) throws Exception {
        try (Progress progress = Progress.start("demo")) {
            this.progress = progress;
            run(sample, scenario, progress);
        }
    }

    private void run(Path sample, String scenario, Progress progress) throws Exception {
        if (sample == null) {
            progress.phase("simulating the '" + scenario + "' scenario");
        }
        Path folder = sample != null ? sample : simulate(scenario);
        if (!Files.isDirectory(folder)) {
            throw new UserError("sample folder " + folder + " not found; pass --sample DIR");
        }

        LocalStack stack = LocalStack.running(layout, config.stack());  // the secure stack when it runs
        progress.phase("starting the local Kafka and Elasticsearch");
        long t0 = System.nanoTime();
        boolean started = stack.up();
        step(1, "local stack " + (started ? "started in " + seconds(t0) : "already running") + ": Kafka "
                + stack.kafkaBootstrapServers() + ", Elasticsearch " + stack.elasticsearchUrl());

        progress.phase("creating topics and index templates");
        List<String> setup = Setup.provision(config);
        step(2, "setup: " + setup.stream().filter(l -> l.startsWith("topic")).count() + " topics, "
                + setup.stream().filter(l -> l.startsWith("index template")).count() + " index templates ("
                + setup.stream().filter(l -> l.endsWith(": created") || l.contains(": created (")).count() + " created)");

        try (Outbox outbox = Outbox.start(layout.workDir().resolve("outbox"), config.alerting().smtp().port(), outboxHttpPort);
             AlertingService alerting = AlertingService.start(config, RoutingRules.load(RuleFiles.of(config.rules().dir())), demoTokens(),
                     System::getenv, Clock.systemUTC())) {
            run(folder, sample == null ? scenario : null, outbox, alerting);
        }
    }

    /** Steps 3 to 6; {@code simulated} names the scenario the files were simulated from, null for a sample. */
    private void run(Path folder, String simulated, Outbox outbox, AlertingService alerting) throws Exception {
        Map<TopicPartition, Long> deadLettersBefore = DemoSummary.deadLetterEnds(config);
        progress.phase("pushing the posts to the raw topics");
        Map<String, Integer> pushed = push(config, folder, simulated != null);
        step(3, "pushed " + (simulated != null ? "the simulated '" + simulated + "' posts" : "the sample") + " from " + folder
                + " (records per topic): " + pushed.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")));

        long t1 = System.nanoTime();
        progress.phase("running the monitor job on a local Flink mini-cluster");
        StreamExecutionEnvironment env = LocalFlink.environment(layout);
        MonitorJob.configure(env, config.monitor().finite());
        List<Path> policyPages = Files.isRegularFile(folder.resolve(POLICY_PAGE)) ? List.of(folder.resolve(POLICY_PAGE)) : List.of();
        MonitorJob.fromConfig(config, true, OfflineScoring.givenPolicies(policyPages, Instant.now(), config.rules().dir(), config.ingest())).build(env);
        JobClient job = env.executeAsync(MonitorJob.NAME + "-demo");
        LocalFlink.awaitEnd(layout, job);
        step(4, "monitor job ran on a local Flink mini-cluster over everything new in the raw topics: " + seconds(t1));

        long t2 = System.nanoTime();
        progress.phase("sending the notifications (the group wait included)");
        String settled = awaitDeliveries(alerting);
        step(5, "./yq alerting (in this process) " + settled + " in " + seconds(t2) + " (the group wait included): "
                + outbox.mails().size() + " e-mails, " + outbox.sms().size() + " SMS and " + outbox.robotMessages().size()
                + " robot messages this run, kept in " + outbox.dir());

        progress.close();  // the summary follows on plain lines
        summary(outbox, deadLettersBefore);
        whereToLook(outbox);
    }

    private void summary(Outbox outbox, Map<TopicPartition, Long> deadLettersBefore) throws IOException {
        DemoSummary.Indexed indexed = DemoSummary.indexed(config);
        DemoSummary.DeadLetters deadLetters = DemoSummary.deadLettersSince(config, deadLettersBefore);
        step(6, "summary");
        System.out.println("  items in Elasticsearch (" + config.names().index("yq-items-*") + "): " + indexed.total()
                + "  " + format(indexed.perChannel()));
        System.out.println("  reprints marked as copies of an earlier post: " + indexed.copies() + ", reposts linked to their original: "
                + indexed.reposts() + ", posts linked to a policy: " + indexed.linked());
        System.out.println("  top keywords: " + format(indexed.topKeywords()));
        System.out.println("  policy documents in " + config.names().index("yq-policies") + ": " + String.join(", ", DemoSummary.policies(config)));
        System.out.println("  dead letters this run: " + deadLetters.count() + " → " + config.names().deadLetterTopic());
        deadLetters.byReason().forEach((reason, n) -> System.out.println("    " + n + " × " + reason));
        List<String> alerts = DemoSummary.alerts(config);
        System.out.println("  alert events in " + config.names().index("yq-alerts") + " (and on " + config.names().alertsTopic() + "): "
                + alerts.size());
        alerts.forEach(line -> System.out.println("    " + line));
        DemoSummary.cases(config).forEach(line -> System.out.println("  case " + line));
        System.out.println("  notifications in " + config.names().index("yq-deliveries") + ": " + format(DemoSummary.deliveries(config)));
        outbox.mails().stream().skip(Math.max(0, outbox.mails().size() - 6))
                .forEach(mail -> System.out.println("    " + outbox.dir().relativize(mail)));
    }

    private void whereToLook(Outbox outbox) throws IOException {
        System.out.println();
        System.out.println("Where to look next:");
        System.out.println("  items:        " + config.elasticsearchUrl() + "/" + config.names().index("yq-items-*")
                + "/_search?q=channel:weibo&size=3&pretty");
        System.out.println("  alerts:       " + config.elasticsearchUrl() + "/" + config.names().index("yq-alerts")
                + "/_search?sort=eventTime:asc&pretty");
        System.out.println("  risk series:  " + config.elasticsearchUrl() + "/" + config.names().index("yq-risk-*")
                + "/_search?sort=windowEnd:desc&size=3&pretty");
        System.out.println("  deliveries:   " + config.elasticsearchUrl() + "/" + config.names().index("yq-deliveries")
                + "/_search?q=kind:delivery&sort=at:desc&pretty");
        if (!config.elasticsearch().caFile().isBlank() && !config.elasticsearch().passwordFile().isBlank()) {
            System.out.println("                (secure stack: curl --cacert " + config.elasticsearch().caFile() + " -u "
                    + config.elasticsearch().username() + ":$(cat " + config.elasticsearch().passwordFile() + ") 'URL')");
        }
        System.out.println("  mails:        " + outbox.dir().resolve("mail") + "/*.eml (open in a mail client); SMS and robot messages next to them");
        System.out.println("  acknowledge:  ./yq outbox & " + (System.getenv(AckTokens.SECRET_VARIABLE) != null ? ""
                : AckTokens.SECRET_VARIABLE + "=$(cat " + secretFile() + ") ") + "./yq alerting   (then open a mail's 确认收到 link)");
        List<String> cases = DemoSummary.caseIds(config).stream().filter(id -> !id.startsWith("case:" + Alert.TOPIC_PREFIX)).toList();
        if (!cases.isEmpty()) {
            String caseId = cases.get(0);
            System.out.println("  brief:        ./yq report --case '" + caseId + "' --out .yq/brief   (舆情简报, HTML and PDF)");
            System.out.println("  posts:        ./yq export --case '" + caseId + "' --format xlsx --out .yq/brief/posts.xlsx");
            System.out.println("  work it:      ./yq monitor (in another terminal), then ./yq case ack|respond|close '" + caseId
                    + "' --by NAME   (docs/cases.md)");
        }
        System.out.println("  replay:       ./yq replay --from 2026-11-19T00:00+08:00 --to 2026-11-24T00:00+08:00   (./yq whatif --rules DIR … to try other rules)");
        System.out.println("  live job:     ./yq monitor   (keeps the job running; Flink web UI on http://127.0.0.1:8081)");
        System.out.println("  stack:        ./yq stack status | ./yq stack down");
    }

    /**
     * Waits until the service has nothing pending for 5 s in a row (the group wait of the routes passes first), at most
     * 2 min, or it failed; says how it ended.
     */
    private static String awaitDeliveries(AlertingService alerting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        int quietSeconds = 0;
        while (quietSeconds < 5 && System.nanoTime() < deadline && alerting.failure() == null) {
            Thread.sleep(1_000);
            quietSeconds = alerting.pending() == 0 ? quietSeconds + 1 : 0;
        }
        if (alerting.failure() != null) {
            return "stopped: " + alerting.failure();
        }
        return quietSeconds >= 5 ? "delivered the alert events to the receivers of rules/routing.yaml"
                : "still had " + alerting.pending() + " notifications pending after 2 min";
    }

    private Path secretFile() {
        return layout.workDir().resolve("demo-ack-secret");
    }

    /** The acknowledge secret: YQ_ACK_SECRET when set, else the demo's own, made once and kept in .yq/demo-ack-secret. */
    private AckTokens demoTokens() throws IOException {
        if (System.getenv(AckTokens.SECRET_VARIABLE) != null) {
            return AckTokens.fromEnvironment(System::getenv);
        }
        Path file = secretFile();
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            // readable by the owner only from the start
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, AckTokens.newSecret());
        }
        return new AckTokens(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the simulated scenario's files into the work folder (the same files every time: fixed seed and start). */
    private Path simulate(String scenario) throws IOException {
        Path folder = layout.workDir().resolve("demo").resolve(scenario);
        Simulation simulation = new PolicySimulator(ScenarioFiles.DEFAULT_SEED).simulate(scenario, ScenarioGenerator.RELEASED_AT);
        simulation.write(folder);
        return folder;
    }

    /**
     * Sends the files as {@code ./yq ingest} would, each record byte for byte to its raw topic: the policy
     * page first, as a portal publishes before anyone reacts. With {@code withBroken}, also the demo
     * episode's broken records (an HTML error page, a truncated post…), which must end as dead letters.
     */
    private static Map<String, Integer> push(SentinelConfig config, Path folder, boolean withBroken) throws IOException {
        Map<String, Integer> pushed = new LinkedHashMap<>();
        List<Scenario.MalformedRecord> broken = withBroken ? new ScenarioGenerator(ScenarioFiles.DEFAULT_SEED).generate().malformed()
                : List.of();
        try (RawPublisher publisher = new RawPublisher(KafkaClients.of(config))) {
            Path policy = folder.resolve(POLICY_PAGE);
            if (Files.isRegularFile(policy)) {
                pushed.put("policy", publisher.send(config.names().rawPolicyTopic(), records(policy, true)));
            }
            for (Channel channel : Channel.values()) {
                Path file = folder.resolve(channel.id() + ".jsonl");
                if (Files.isRegularFile(file)) {
                    List<byte[]> records = new ArrayList<>(records(file, false));
                    broken.stream().filter(b -> b.channel() == channel).forEach(b -> records.add(b.line().getBytes(StandardCharsets.UTF_8)));
                    pushed.put(channel.id(), publisher.send(config.names().rawTopic(channel), records));
                }
            }
        }
        if (pushed.isEmpty()) {
            throw new UserError("no sample files (news.jsonl, weibo.jsonl, wechat.jsonl, " + POLICY_PAGE + ") in " + folder);
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

    private void step(int n, String text) {
        progress.above(System.out).println("[" + n + "/" + STEPS + "] " + text);
    }
}
