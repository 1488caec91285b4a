package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.Provisioner;
import org.yqsentinel.ingest.files.RawRecordFiles;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DeadLetterHeaders;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.read.RawRecord;
import org.yqsentinel.pipeline.read.RawRecordReader;
import org.yqsentinel.pipeline.read.ReadRecord;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.Simulation;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * A case worked through 收集 → 研判 → 处置 → 回应 → 评估 → 结案 on the real stack, with {@code ./yq monitor} running as its own
 * process and the posts of a simulated surge still arriving between the steps: the desk's and the department's steps
 * are taken with {@code yq case …}, each is written on the case by the job, and no later write of the job undoes one.
 * The 评估 step holds the posts before and after the response, which equal the linked public posts indexed in those
 * hours.
 */
@ExtendWith(LocalStackExtension.class)
class CaseWorkflowIT {

    private static final String POLICY = "江教发〔2026〕18号";
    private static final String DESK = "李静（舆情值班室）";
    private static final String DEPARTMENT = "王晓明（江城市教育局）";

    private record Record(Channel channel, byte[] value, Instant publishedAt) {}

    @Test
    void aCaseIsWorkedFromCollectingToClosedWhilePostsArriveAndNoStepIsUndone(StackContext stack, @TempDir Path dir) throws Exception {
        Simulation simulation = new PolicySimulator(ScenarioFiles.DEFAULT_SEED).simulate("surge", ScenarioGenerator.RELEASED_AT);
        Path files = dir.resolve("surge");
        simulation.write(files);
        List<Record> records = records(files);
        Instant surge = simulation.phase("surge").start();
        Instant respondedAt = surge.plus(Duration.ofMinutes(90));

        Namespace names = new Namespace(stack.namespace().prefix() + "case-");
        try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
            provisioner.provision(names, 1);
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        // no channel's partition turns idle between the test's batches: one that came back first would move the watermark
        // past the others' posts, and those would be dropped as late, as they would be live after a crawler stalled that long
        Path config = Files.writeString(home.resolve("sentinel.yaml"), String.join("\n",
                "namespace: " + names.prefix(),
                "kafka:", "  bootstrap-servers: " + stack.kafkaBootstrapServers(),
                "elasticsearch:", "  url: " + stack.elasticsearchUrl(),
                "monitor:", "  checkpoint-interval-seconds: 1", "  idle-source-seconds: 300", "  restart-attempts: 0", ""));
        try (MonitorProcess monitor = MonitorProcess.start(home, config, "run");
             ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl());
             KafkaProducer<byte[], byte[]> producer = producer(stack)) {
            Waits waits = new Waits(monitor, es, names);
            waits.until("the monitor job runs", Duration.ofSeconds(60), () -> monitor.output().contains("monitor job "));
            producer.send(new ProducerRecord<>(names.rawPolicyTopic(), 0, null, Files.readAllBytes(files.resolve("policy.txt")))).get();
            // the bundled rules as the rules in force, as an operator publishes them: the control topic's partition has carried
            // something, so it holds no watermark back while the channels' partitions are never idle (below)
            ObjectNode rules = Json.mapper().createObjectNode().put("kind", "rules").put("file", RiskRules.FILE)
                    .put("at", "2026-01-01T00:00:00Z").put("text", RuleFiles.bundled().read(RiskRules.FILE).text());
            producer.send(new ProducerRecord<>(names.controlTopic(), 0, null, Json.toBytes(rules))).get();

            // 收集 → 研判: the surge's first 45 minutes raise the case to Ⅱ or above
            push(producer, names, records, r -> r.publishedAt().isBefore(surge.plus(Duration.ofMinutes(45))));
            JsonNode assessing = waits.caseWhere("the case reaches 研判", c -> c.path("status").asText().equals("ASSESSING"));
            String caseId = assessing.path("id").asText();
            assertThat(statuses(assessing)).contains("COLLECTING").endsWith("ASSESSING");

            // the unrelated bus crash before the policy's build-up is an emerging topic with a case of its own, worked the same
            // way: acknowledged, and the department's response recorded an hour into the crash
            String topicCaseId = waits.topicCase("the crash's topic case is written", c -> true).path("id").asText();
            StackCli.Printed topicAck = StackCli.run(config, "case", "ack", topicCaseId, "--by", DESK);
            assertThat(topicAck.exit()).as(topicAck.err()).isZero();
            assertThat(topicAck.out()).contains("status 处置");
            Instant crashResponse = simulation.phase("unrelated").start().plus(Duration.ofMinutes(60));
            StackCli.Printed topicRespond = StackCli.run(config, "case", "respond", topicCaseId, "--by", "陈志强（交通运输局）", "--at",
                    crashResponse.toString(), "--channel", "官方微博", "--text", "关于江北大道交通事故的情况通报");
            assertThat(topicRespond.exit()).as(topicRespond.err()).isZero();
            assertThat(topicRespond.out()).contains("status 回应");

            // 研判 → 处置: the desk acknowledges; the posts go on, and the job's alerts leave the status as the person set it
            StackCli.Printed ack = StackCli.run(config, "case", "ack", caseId, "--by", DESK);
            assertThat(ack.exit()).as(ack.err()).isZero();
            assertThat(ack.out()).contains("status 处置");
            StackCli.Printed assign = StackCli.run(config, "case", "assign", caseId, "--by", DESK, "--text", "市政府办公室要求 24 小时内回应");
            assertThat(assign.exit()).as(assign.err()).isZero();
            assertThat(assign.out()).contains("status 处置");
            push(producer, names, records, r -> !r.publishedAt().isBefore(surge.plus(Duration.ofMinutes(45)))
                    && r.publishedAt().isBefore(respondedAt.plus(Duration.ofMinutes(30))));
            JsonNode handling = waits.caseWhere("the job scores the posts after the acknowledgement",
                    c -> Instant.parse(c.path("updatedAt").asText()).isAfter(Instant.now().minus(Duration.ofDays(1)))
                            && waits.riskReached(respondedAt));
            assertThat(handling.path("status").asText()).isEqualTo("HANDLING");
            assertThat(handling.path("acknowledgedBy").asText()).isEqualTo(DESK);
            assertThat(handling.path("responseClasses")).anySatisfy(c -> {
                assertThat(c.path("name").asText()).isEqualTo("上级交办");
                assertThat(c.path("evidence").asText()).isEqualTo(DESK + "交办：市政府办公室要求 24 小时内回应");
                assertThat(c.path("advice").asText()).startsWith("上级交办：");
            });

            // 处置 → 回应: the department's official response, given 90 minutes into the surge
            StackCli.Printed respond = StackCli.run(config, "case", "respond", caseId, "--by", DEPARTMENT, "--at", respondedAt.toString(),
                    "--channel", "官方微博", "--url", "https://weibo.com/jcjyj/5012", "--text", "关于课后服务收费标准调整的说明");
            assertThat(respond.exit()).as(respond.err()).isZero();
            assertThat(respond.out()).contains("status 回应");

            // 回应 → 评估: the rest of the episode and a day later; the job measures the response's effect
            push(producer, names, records, r -> !r.publishedAt().isBefore(respondedAt.plus(Duration.ofMinutes(30))));
            pushClock(producer, names, simulation.phases().get(simulation.phases().size() - 1).end().plus(Duration.ofDays(2)));
            JsonNode evaluating = waits.caseWhere("the effect of the response is measured",
                    c -> c.path("status").asText().equals("EVALUATING") && c.path("responses").path(0).has("effect")
                            && !c.path("responses").path(0).path("effect").isNull());
            JsonNode response = evaluating.path("responses").path(0);
            assertThat(response.path("channel").asText()).isEqualTo("官方微博");
            assertThat(response.path("by").asText()).isEqualTo(DEPARTMENT);
            assertThat(Instant.parse(response.path("at").asText())).isEqualTo(respondedAt);
            JsonNode before = response.path("effect").path("before");
            JsonNode after = response.path("effect").path("after");
            assertThat(Instant.parse(before.path("to").asText())).isEqualTo(Instant.parse(after.path("from").asText()))
                    .isEqualTo(respondedAt.minusMillis(respondedAt.toEpochMilli() % Duration.ofMinutes(5).toMillis()));
            assertThat(Duration.between(Instant.parse(before.path("from").asText()), Instant.parse(before.path("to").asText())))
                    .isEqualTo(Duration.ofHours(6));
            for (JsonNode period : List.of(before, after)) {
                long indexed = waits.linkedPublicPosts(Instant.parse(period.path("from").asText()), Instant.parse(period.path("to").asText()));
                assertThat(period.path("posts").asLong()).as("posts in %s", period).isEqualTo(indexed).isPositive();
                long emotions = 0;
                for (JsonNode count : period.path("emotions")) {
                    emotions += count.asLong();
                }
                assertThat(emotions).as("every post has an emotion").isEqualTo(period.path("posts").asLong());
                assertThat(period.path("negativeShare").asDouble())
                        .isEqualTo((double) period.path("negative").asLong() / period.path("posts").asLong());
            }
            assertThat(evaluating.path("currentTier").isNull()).as("the episode resolved").isTrue();
            assertThat(evaluating.path("acknowledgedBy").asText()).isEqualTo(DESK);
            assertThat(statuses(evaluating)).containsSubsequence("COLLECTING", "ASSESSING", "HANDLING", "RESPONDED", "EVALUATING");
            assertThat(evaluating.path("timeline")).anySatisfy(e -> {
                assertThat(e.path("kind").asText()).isEqualTo("EVALUATED");
                assertThat(e.path("note").asText()).startsWith("回应前 6 小时 " + before.path("posts").asLong() + " 条");
            });
            assertThat(evaluating.path("timeline")).anySatisfy(e -> assertThat(e.path("kind").asText()).isEqualTo("RESOLVED"));
            // the topic's response was measured on the crash's posts: before it, the crash's first hour
            JsonNode topicEvaluated = waits.topicCase("the effect of the topic's response is measured",
                    c -> c.path("status").asText().equals("EVALUATING"));
            assertThat(topicEvaluated.path("id").asText()).isEqualTo(topicCaseId);
            JsonNode topicEffect = topicEvaluated.path("responses").path(0).path("effect");
            assertThat(topicEffect.path("before").path("posts").asLong()).isPositive();
            assertThat(topicEffect.path("after").path("posts").asLong()).isPositive();
            assertThat(statuses(topicEvaluated)).containsSubsequence("HANDLING", "RESPONDED", "EVALUATING");

            // 评估 → 结案, reopened back to 评估 and closed again; a response to a closed case is refused by the command, and
            // by the job when sent around it
            StackCli.Printed close = StackCli.run(config, "case", "close", caseId, "--by", DESK, "--conclusion", "已回应");
            assertThat(close.exit()).as(close.err()).isZero();
            assertThat(close.out()).contains("status 结案");
            StackCli.Printed reopen = StackCli.run(config, "case", "reopen", caseId, "--by", DESK, "--reason", "结论需补充回应效果");
            assertThat(reopen.exit()).as(reopen.err()).isZero();
            assertThat(reopen.out()).contains("status 评估");
            assertThat(waits.storedCase(caseId).path("conclusion").isNull()).isTrue();
            StackCli.Printed closeAgain = StackCli.run(config, "case", "close", caseId, "--by", DESK, "--conclusion", "回应及时，舆情平息");
            assertThat(closeAgain.exit()).as(closeAgain.err()).isZero();
            assertThat(closeAgain.out()).contains("status 结案");
            StackCli.Printed late = StackCli.run(config, "case", "respond", caseId, "--by", DEPARTMENT, "--at", respondedAt.toString(),
                    "--channel", "政府网站", "--text", "补充说明");
            assertThat(late.exit()).isEqualTo(2);
            assertThat(late.err()).contains("is closed (结案); reopen it first");
            CaseStep around = new CaseStep(CaseStep.Step.RESPOND, caseId, POLICY, DEPARTMENT, respondedAt.plusSeconds(60), "政府网站", null,
                    "补充说明", null);
            producer.send(new ProducerRecord<>(names.controlTopic(), caseId.getBytes(UTF_8), around.toJson())).get();
            pushClock(producer, names, simulation.phases().get(simulation.phases().size() - 1).end().plus(Duration.ofDays(3)));
            String reason = waits.deadLetterFor(stack, caseId);
            assertThat(reason).contains("is closed (结案)");

            JsonNode closed = waits.storedCase(caseId);
            assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
            assertThat(closed.path("conclusion").asText()).isEqualTo("回应及时，舆情平息");
            assertThat(closed.path("responses")).hasSize(1);
            assertThat(closed.path("responses").path(0).path("effect")).isEqualTo(response.path("effect"));
            assertThat(closed.path("acknowledgedBy").asText()).isEqualTo(DESK);
            assertThat(statuses(closed)).containsSubsequence("COLLECTING", "ASSESSING", "HANDLING", "RESPONDED", "EVALUATING", "CLOSED",
                    "EVALUATING", "CLOSED");
            assertThat(closed.path("timeline")).extracting(e -> e.path("kind").asText())
                    .containsSubsequence("ACKNOWLEDGED", "ASSIGNED", "RESPONDED", "EVALUATED", "CLOSED", "REOPENED", "CLOSED");
            assertThat(monitor.alive()).isTrue();
        } finally {
            try (Provisioner provisioner = new Provisioner(stack.kafkaBootstrapServers(), stack.elasticsearchUrl())) {
                provisioner.deleteNamespace(names);
            }
        }
    }

    /** The statuses of the case's timeline, in order. */
    private static List<String> statuses(JsonNode stored) {
        List<String> statuses = new ArrayList<>();
        stored.path("timeline").forEach(e -> statuses.add(e.path("status").asText()));
        return statuses;
    }

    /** The crawler records of the simulation's files, in publish-time order across channels. */
    private static List<Record> records(Path files) throws IOException {
        RawRecordReader reader = new RawRecordReader();
        List<Record> records = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Path file = files.resolve(channel.id() + ".jsonl");
            for (RawRecordFiles.RawLine line : RawRecordFiles.split(file.toString(), Files.readAllBytes(file), false)) {
                ReadRecord read = reader.read(new RawRecord(Namespace.DEFAULT.rawTopic(channel), 0, 0, -1, null, line.value()));
                records.add(new Record(channel, line.value(), Instant.ofEpochMilli(read.eventTimeMillis())));
            }
        }
        records.sort(Comparator.comparing(Record::publishedAt));
        return records;
    }

    private static void push(KafkaProducer<byte[], byte[]> producer, Namespace names, List<Record> records, Predicate<Record> which) {
        records.stream().filter(which).forEach(r -> producer.send(new ProducerRecord<>(names.rawTopic(r.channel()), 0, null, r.value())));
        producer.flush();
    }

    /** A post of each channel, about nothing the policy names: its watermark closes every window before it. */
    private static void pushClock(KafkaProducer<byte[], byte[]> producer, Namespace names, Instant at) throws Exception {
        for (Channel channel : Channel.values()) {
            String id = "clock-" + channel.id() + "-" + at.toEpochMilli();
            producer.send(new ProducerRecord<>(names.rawTopic(channel), 0, null, ("{\"id\":\"" + id + "\",\"channel\":\"" + channel.id()
                    + "\",\"source\":\"x\",\"text\":\"今日天气晴 " + id + "\",\"publishedAt\":\"" + at + "\",\"url\":\"https://m.example/clock/"
                    + id + "\"}").getBytes(UTF_8))).get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(StackContext stack) {
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Waits on what the job wrote, while the monitor lives; a monitor that ended fails the test with its output. */
    private record Waits(MonitorProcess monitor, ElasticsearchConnection es, Namespace names) {

        interface Check {
            boolean holds() throws Exception;
        }

        void until(String what, Duration timeout, Check condition) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.holds()) {
                if (!monitor.alive()) {
                    throw new AssertionError("the monitor ended while waiting until " + what + ":\n" + monitor.output());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "\n--- log ---\n" + monitor.logTail(60));
                }
                monitor.awaitEnd(Duration.ofMillis(500));
            }
        }

        /** The policy's one case, once it satisfies {@code condition}. */
        JsonNode caseWhere(String what, Predicate<JsonNode> condition) throws Exception {
            JsonNode[] found = new JsonNode[1];
            until(what, Duration.ofSeconds(240), () -> {
                String index = names.index("yq-cases");
                es.client().indices().refresh(r -> r.index(index));
                var hits = es.client().search(s -> s.index(index).query(q -> q.term(t -> t.field("subjectId").value(POLICY))),
                        JsonNode.class).hits().hits();
                found[0] = hits.isEmpty() ? null : hits.get(0).source();
                return hits.size() == 1 && condition.test(found[0]);
            });
            return found[0];
        }

        /** The one emerging topic's case, once it is written and satisfies the condition. */
        JsonNode topicCase(String what, Predicate<JsonNode> condition) throws Exception {
            JsonNode[] found = new JsonNode[1];
            until(what, Duration.ofSeconds(240), () -> {
                String index = names.index("yq-cases");
                es.client().indices().refresh(r -> r.index(index));
                var hits = es.client().search(s -> s.index(index).query(q -> q.prefix(p -> p.field("subjectId").value(Alert.TOPIC_PREFIX))),
                        JsonNode.class).hits().hits();
                found[0] = hits.isEmpty() ? null : hits.get(0).source();
                return hits.size() == 1 && condition.test(found[0]);
            });
            return found[0];
        }

        JsonNode storedCase(String caseId) throws IOException {
            GetResponse<JsonNode> got = es.client().get(g -> g.index(names.index("yq-cases")).id(caseId), JsonNode.class);
            return got.source();
        }

        /** Whether the risk series of the policy has reached a window ending at or after {@code at}. */
        boolean riskReached(Instant at) {
            try {
                String index = names.index("yq-risk-*");
                es.client().indices().refresh(r -> r.index(index).allowNoIndices(true));
                return es.client().count(c -> c.index(index).allowNoIndices(true).query(q -> q.range(r -> r.date(d -> d.field("windowEnd")
                        .gte(at.toString()))))).count() > 0;
            } catch (IOException e) {
                return false;
            }
        }

        /** The public's posts linked to the policy and published in [from, to), as indexed. */
        long linkedPublicPosts(Instant from, Instant to) throws IOException {
            String index = names.index("yq-items-*");
            es.client().indices().refresh(r -> r.index(index));
            return es.client().count(c -> c.index(index).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("policyLinks.policyId").value(POLICY)))
                    .filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString()))))
                    .mustNot(m -> m.term(t -> t.field("author.accountType").value("government")))))).count();
        }

        /** The reason of the dead letter of a step on this case, once one is on the dead-letter topic. */
        String deadLetterFor(StackContext stack, String caseId) throws Exception {
            Properties props = new Properties();
            props.put("bootstrap.servers", stack.kafkaBootstrapServers());
            props.put("isolation.level", "read_committed");
            props.put("auto.offset.reset", "earliest");
            props.put("group.id", names.prefix() + "dead-letters-" + System.nanoTime());
            String[] reason = new String[1];
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(names.deadLetterTopic()));
                until("the refused step is on " + names.deadLetterTopic(), Duration.ofSeconds(120), () -> {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        JsonNode step = Json.mapper().readTree(record.value());
                        if (caseId.equals(step.path("caseId").asText()) && record.headers().lastHeader(DeadLetterHeaders.REASON) != null) {
                            reason[0] = new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), UTF_8);
                        }
                    }
                    return reason[0] != null;
                });
            }
            return reason[0];
        }
    }
}
