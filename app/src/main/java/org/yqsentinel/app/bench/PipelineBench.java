package org.yqsentinel.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.yqsentinel.app.LocalFlink;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.Setup;
import org.yqsentinel.app.demo.DemoSummary;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.connect.Provisioner;
import org.yqsentinel.ingest.RawPublisher;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.monitor.LocalCluster;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.stack.LocalStack;
import org.yqsentinel.stack.StackLayout;

/**
 * {@code ./yq bench pipeline}: the live monitor job with all its sinks on the local stack, fed at a fixed
 * rate, in a namespace of its own that is deleted afterwards. It reports the rate sent and the rate the job
 * consumed, the consumer lag when sending stops, and the latency of alert events: from the arrival in Kafka
 * of the first record whose event time passes the end of the alert's window plus the tolerated lateness (the
 * earliest the window could close, see {@link WatermarkFrontier}) to the event's raising by the job (its
 * record time on {@code yq.alerts}) and to its visibility to a read-committed consumer (after the checkpoint
 * that commits it).
 */
public final class PipelineBench {

    /** How long the comparison's warm-up run sends. */
    static final Duration WARM_UP_RUN = Duration.ofSeconds(60);

    /** What to run. */
    public record Settings(double rate, Duration length, int parallelism, long checkpointSeconds, long seed, Duration warmUp, boolean keep) {}

    /** An alert event as the bench's consumer saw it. */
    record SeenAlert(Alert alert, long raisedAt, long seenAt) {}

    private final SentinelConfig base;
    private final StackLayout layout;
    private final Settings settings;
    private final PrintStream out;
    private final Progress progress;

    /** @param progress what the bench does now, for a person watching; {@code out} gets the results */
    public PipelineBench(SentinelConfig base, StackLayout layout, Settings settings, PrintStream out, Progress progress) {
        this.base = base;
        this.layout = layout;
        this.settings = settings;
        this.out = out;
        this.progress = progress;
    }

    /** Runs the benchmark with this plan (made just before) and prints its report. */
    public void run(PipelineLoad.Plan plan) throws Exception {
        Path spool = prepare(plan);
        runOnce(plan, spool, base.monitor().emergingTopics(), "", Long.MAX_VALUE);
    }

    /**
     * Runs the benchmark {@code 2 × pairs} times on the same load in the same run of the stack, with topic detection on
     * and off in turn (on first in odd pairs, off first in even ones), prints each run's report and then the comparison.
     * A shorter warm-up run comes first and is not counted: the JVM's first job runs far slower than the next ones
     * (compiling, loading HanLP's dictionaries), which would count against whichever side ran first.
     */
    public TopicsComparison compareTopics(PipelineLoad.Plan plan, int pairs) throws Exception {
        Path spool = prepare(plan);
        long warmUpItems = Math.min(plan.items(), Math.round(settings.rate() * WARM_UP_RUN.toSeconds()));
        out.printf(Locale.ROOT, "--- warm-up run, not counted: %,d items, topic detection on ---%n", warmUpItems);
        runOnce(plan, spool, true, "warm-", warmUpItems);
        List<PipelineReport> on = new ArrayList<>();
        List<PipelineReport> off = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            for (boolean topics : pair % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                out.printf(Locale.ROOT, "--- pair %d of %d: topic detection %s ---%n", pair, pairs, topics ? "on" : "off");
                (topics ? on : off).add(runOnce(plan, spool, topics, pair + (topics ? "on" : "off") + "-", Long.MAX_VALUE));
            }
        }
        TopicsComparison comparison = new TopicsComparison(on, off);
        comparison.print(out);
        return comparison;
    }

    /** Starts the stack, removes what an interrupted earlier run left, and writes the load's spool. */
    private Path prepare(PipelineLoad.Plan plan) throws Exception {
        new LocalStack(layout, base.stack()).up();
        try (Provisioner provisioner = new Provisioner(base)) {
            provisioner.deleteNamespace(family());  // what an interrupted earlier run left
        }
        Path spool = layout.workDir().resolve("bench").resolve("pipeline.spool");
        long t0 = System.nanoTime();
        Map<Channel, Long> perChannel = PipelineLoad.write(plan, settings.seed(), spool);
        out.printf(Locale.ROOT, "load: %,d items (%s) in up to %d simulated surge episodes at simulator rate %.1f, event time %s → %s;"
                        + " written to %s in %.1f s%n", plan.items(), perChannel.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", ")), plan.episodes(),
                plan.simulatorRate(), plan.start(), plan.end(), layout.home().relativize(spool), seconds(t0));
        return spool;
    }

    private Namespace family() {
        return new Namespace(base.names().prefix() + "bench-");
    }

    /**
     * One run of the job on the spool (its first {@code maxItems} records), in a namespace of its own, with topic detection
     * on or off; prints and returns its report.
     */
    private PipelineReport runOnce(PipelineLoad.Plan plan, Path spool, boolean topics, String tag, long maxItems) throws Exception {
        SentinelConfig config = configFor(new Namespace(family().prefix() + Long.toString(Instant.now().getEpochSecond(), 36) + "-" + tag),
                topics);
        progress.phase("creating the run's topics and indices (" + tag + ")");
        Setup.provision(config);
        try (RawPublisher publisher = new RawPublisher(KafkaClients.of(config))) {
            publisher.send(config.names().rawPolicyTopic(), List.of(PipelineLoad.policyPage(plan)));
        }

        StreamExecutionEnvironment env = LocalFlink.environment(layout);
        MonitorJob.configure(env, config.monitor().finite());
        JobClient job = MonitorJob.fromConfig(config, false).start(env);
        AlertWatcher watcher = new AlertWatcher(config);
        try (Admin admin = KafkaClients.of(config).admin(15_000)) {
            awaitRunning(job);
            long warmUp = config.monitor().idleSourceSeconds() + 2;
            out.printf(Locale.ROOT, "job %s running (parallelism %d, checkpoint every %d s); waiting %d s for its empty partitions to go idle%n",
                    job.getJobID(), config.monitor().parallelism(), config.monitor().checkpointIntervalSeconds(), warmUp);
            progress.phase("waiting " + warmUp + " s for the job's empty partitions to go idle");
            Thread.sleep(warmUp * 1000);
            watcher.start();

            WatermarkFrontier frontier = new WatermarkFrontier();
            Sent sent = send(config, spool, frontier, admin, maxItems, Math.min(maxItems, plan.items()));
            Lag atEnd = lag(admin, config);
            long drainStart = System.nanoTime();
            Lag drained = atEnd;
            long drainLimit = Math.max(60, settings.length().toSeconds()) * 1_000_000_000L;
            while (drained.records() > 0 && System.nanoTime() - drainStart < drainLimit) {
                progress.phase(String.format(Locale.ROOT, "sent; the job has %,d records left to read", drained.records()));
                Thread.sleep(250);
                drained = lag(admin, config);
            }
            progress.phase("waiting for the checkpoint of the last alerts");
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            Thread.sleep(config.monitor().checkpointIntervalSeconds() * 2000 + 2000);  // the last alerts' checkpoint
            List<SeenAlert> alerts = watcher.stop();
            long indexed = DemoSummary.indexed(config).total();
            PipelineReport report = PipelineReport.of(settings, sent, atEnd, drained.records() == 0 ? drainSeconds : -1,
                    indexed, alerts, frontier, Duration.ofSeconds(config.monitor().maxOutOfOrdernessSeconds()));
            report.print(out);
            return report;
        } finally {
            watcher.stop();
            job.cancel().get(30, TimeUnit.SECONDS);
            LocalCluster.discardChangelog(layout.workDir(), job.getJobID());
            if (settings.keep()) {
                out.println("kept namespace " + config.names().prefix() + " (topics and indices) for inspection");
            } else {
                try (Provisioner provisioner = new Provisioner(config)) {
                    provisioner.deleteNamespace(config.names());
                }
            }
        }
    }

    private SentinelConfig configFor(Namespace names, boolean topics) {
        SentinelConfig.Monitor m = base.monitor();
        SentinelConfig.Monitor monitor = m.with(settings.parallelism() > 0 ? settings.parallelism() : m.parallelism(),
                settings.checkpointSeconds() > 0 ? settings.checkpointSeconds() : m.checkpointIntervalSeconds()).withEmergingTopics(topics);
        return new SentinelConfig(names.prefix(), base.kafka(), base.elasticsearch(), base.rules(), base.stack(), base.ingest(), monitor, base.alerting(), base.retention());
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
            if (status == JobStatus.RUNNING) {
                return;
            }
            if (status.isTerminalState()) {
                throw new IllegalStateException("the monitor job ended before it ran: " + status);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the monitor job did not start running within 60 s");
    }

    /**
     * What was sent, and how far the job had got at the end of the warm-up.
     *
     * @param startedAt  when sending began, epoch milliseconds
     * @param warmedUp   the job's progress at the end of the warm-up; null when sending ended before it
     * @param cpuSeconds the CPU time of this process (the job, its local Flink, the sender) when sending stopped
     */
    record Sent(long count, double seconds, long startedAt, WarmUpMark warmedUp, double cpuSeconds) {

        Sent(long count, double seconds, long startedAt) {
            this(count, seconds, startedAt, null, -1);
        }
    }

    /** How far the job had got {@code seconds} into sending: items committed as read, and this process's CPU time. */
    record WarmUpMark(double seconds, long consumed, double cpuSeconds) {}

    /** The CPU time this process has used, in seconds; -1 where the JVM does not tell. */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    /**
     * Sends the spool at the fixed rate, noting each record's arrival in Kafka on the frontier, and the job's progress at
     * the end of the warm-up.
     */
    private Sent send(SentinelConfig config, Path spool, WatermarkFrontier frontier, Admin admin, long maxItems, long shown)
            throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicReference<WarmUpMark> warmedUp = new AtomicReference<>();
        double intervalNanos = 1e9 / settings.rate();
        long count = 0;
        long started = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-warm-up-sample");
            thread.setDaemon(true);
            return thread;
        });
        sampler.schedule(() -> {
            double cpu = processCpuSeconds();
            double at = seconds(started);
            try {
                warmedUp.set(new WarmUpMark(at, lag(admin, config).consumed(), cpu));
            } catch (Exception e) {
                out.println("could not read the job's progress at the end of the warm-up: " + e.getMessage());
            }
        }, settings.warmUp().toMillis(), TimeUnit.MILLISECONDS);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.of(config).producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));
             PipelineLoad.Reader reader = new PipelineLoad.Reader(spool)) {
            for (PipelineLoad.Entry entry = reader.next(); entry != null && failure.get() == null && count < maxItems; entry = reader.next()) {
                long wait = started + (long) (count * intervalNanos) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long eventTime = entry.eventTimeMillis();
                producer.send(new ProducerRecord<>(config.names().rawTopic(entry.channel()), entry.value()), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        frontier.arrived(metadata.topic() + "-" + metadata.partition(), eventTime, metadata.timestamp());
                    }
                });
                count++;
                if (count % 1_000 == 0) {
                    progress.phase(String.format(Locale.ROOT, "sending %,d of %,d items at %,.0f/s", count, shown,
                            settings.rate()));
                }
            }
            producer.flush();
        } finally {
            sampler.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a bench record: " + failure.get().getMessage(), failure.get());
        }
        return new Sent(count, (System.nanoTime() - started) / 1e9, startedAt, warmedUp.get(), processCpuSeconds());
    }

    /** Records in the raw item topics that the job has not committed as read (at its last completed checkpoint). */
    record Lag(long records, long consumed) {}

    private static Lag lag(Admin admin, SentinelConfig config) throws Exception {
        Set<String> topics = Arrays.stream(Channel.values()).map(config.names()::rawTopic).collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                config.names().prefix() + config.monitor().consumerGroup()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(d -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        long lag = 0;
        long consumed = 0;
        for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            long position = at == null ? 0 : at.offset();
            lag += Math.max(0, end.getValue().offset() - position);
            consumed += position;
        }
        return new Lag(lag, consumed);
    }

    /** Reads {@code yq.alerts} as a read-committed consumer would, noting when each event became visible. */
    private static final class AlertWatcher {

        private final SentinelConfig config;
        private final List<SeenAlert> seen = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong polls = new AtomicLong();
        private Thread thread;

        AlertWatcher(SentinelConfig config) {
            this.config = config;
        }

        void start() throws InterruptedException {
            running.set(true);
            thread = new Thread(this::watch, "bench-alert-watcher");
            thread.setDaemon(true);
            thread.start();
            while (polls.get() == 0 && thread.isAlive()) {
                Thread.sleep(20);  // assigned and at the start of the topic before the first record is sent
            }
        }

        private void watch() {
            try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.of(config).consumer(Map.of())) {
                List<TopicPartition> partitions = consumer.partitionsFor(config.names().alertsTopic()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(20));
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        seen.add(new SeenAlert(Json.mapper().readValue(record.value(), Alert.class), record.timestamp(), now));
                    }
                    polls.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable alert event on " + config.names().alertsTopic() + ": " + e.getMessage(), e);
            }
        }

        List<SeenAlert> stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join(5_000);
            }
            return List.copyOf(seen);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
