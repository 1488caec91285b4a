package org.yqsentinel.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.yqsentinel.app.Progress;
import org.yqsentinel.app.UserError;
import org.yqsentinel.app.Yq;
import org.yqsentinel.app.bench.AlertingBench;
import org.yqsentinel.app.bench.EnrichBench;
import org.yqsentinel.app.bench.IngestBench;
import org.yqsentinel.app.bench.PipelineBench;
import org.yqsentinel.app.bench.PipelineLoad;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.RiskRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq bench}: the options of each benchmark, checked, and the benchmark run with them: {@code pipeline} the live
 * job end to end at a fixed rate ({@link PipelineBench}), {@code enrich} segmentation against the full enrichment
 * ({@link EnrichBench}), {@code ingest} the reading path on hostile input ({@link IngestBench}), {@code alerting} the
 * delivery book with many cases' history ({@link AlertingBench}).
 */
@Command(name = "bench", description = "Benchmarks.", subcommands = {BenchCommand.Enrich.class, BenchCommand.Pipeline.class,
        BenchCommand.Alerting.class, BenchCommand.Ingest.class})
public final class BenchCommand {

    @ParentCommand
    Yq yq;

    @Command(name = "pipeline", description = "The live monitor job with all its sinks on the local stack, fed at a fixed rate with "
            + "simulated surge episodes: items/s sent and consumed, consumer lag, p50/p99 latency from arrival in Kafka to alert event.")
    static final class Pipeline implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--rate", defaultValue = "2000", description = "Items a second sent to the raw topics (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--minutes", defaultValue = "5", description = "How long to send, in minutes; fractions allowed (default: ${DEFAULT-VALUE}).")
        double minutes;

        @Option(names = "--parallelism", defaultValue = "0", description = "The job's parallelism (default: monitor.parallelism of the configuration).")
        int parallelism;

        @Option(names = "--checkpoint-seconds", defaultValue = "0", description = "Checkpoint interval; alert events become visible on "
                + "yq.alerts when their checkpoint completes (default: monitor.checkpoint-interval-seconds of the configuration).")
        long checkpointSeconds;

        @Option(names = "--seed", defaultValue = "20261120", description = "Seed of the first episode; the next ones count up (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--warm-up-seconds", defaultValue = "30", description = "Alert events whose window could close in the first "
                + "seconds of sending, while the JIT compiles the job, are timed apart from the steady state (default: ${DEFAULT-VALUE}).")
        long warmUpSeconds;

        @Option(names = "--keep", description = "Keep the bench's topics and indices (namespace bench-…) instead of deleting them.")
        boolean keep;

        @Option(names = "--compare-topics", paramLabel = "PAIRS", defaultValue = "0", description = "Run PAIRS pairs, topic detection on and "
                + "off in turn, on the same load in the same run of the stack, and print the throughput lost with it on (default: one run, "
                + "monitor.emerging-topics of the configuration).")
        int comparePairs;

        @Override
        public Integer call() throws Exception {
            if (!(rate > 0) || !(minutes > 0)) {
                throw new UserError("--rate and --minutes must be above 0");
            }
            if (warmUpSeconds < 0 || warmUpSeconds >= minutes * 60) {
                throw new UserError("--warm-up-seconds must be at least 0 and shorter than --minutes");
            }
            if (comparePairs < 0 || comparePairs > 20) {
                throw new UserError("--compare-topics takes from 1 to 20 pairs");
            }
            SentinelConfig config = bench.yq.config();
            PipelineBench.Settings settings = new PipelineBench.Settings(rate, Duration.ofMillis(Math.round(minutes * 60_000)), parallelism,
                    checkpointSeconds, seed, Duration.ofSeconds(warmUpSeconds), keep);
            PipelineLoad.Plan plan = PipelineLoad.plan(rate, settings.length(), Instant.now());
            int watchDays = RiskRules.load(RuleFiles.of(config.rules().dir())).watchDays();
            Duration span = Duration.between(plan.start(), plan.end());
            if (span.compareTo(Duration.ofDays(watchDays)) >= 0) {
                throw new UserError(String.format(Locale.ROOT, "%.1f minutes at %.0f items/s span %d days of event time, beyond the policy's "
                        + "%d-day watch period; send for fewer minutes", minutes, rate, span.toDays(), watchDays));
            }
            System.out.printf(Locale.ROOT, "bench pipeline: %.0f items/s for %.1f min into the raw topics of the local stack%n", rate, minutes);
            try (Progress progress = Progress.start("bench pipeline")) {
                PipelineBench run = new PipelineBench(config, bench.yq.layout(), settings, progress.above(System.out), progress);
                if (comparePairs > 0) {
                    run.compareTopics(plan, comparePairs);
                } else {
                    run.run(plan);
                }
            }
            return 0;
        }
    }

    @Command(name = "ingest", description = "The reading path on input built to hurt it: deeply nested HTML to text, a file larger"
            + " than the heap cut as a stream, Weibo records read into items; times and peak heap.")
    static final class Ingest implements Callable<Integer> {

        @Option(names = "--file-megabytes", defaultValue = "2000", description = "Size of the generated file to cut (default: ${DEFAULT-VALUE}).")
        long fileMegabytes;

        @Option(names = "--records", defaultValue = "200000", description = "Weibo records to read into items (default: ${DEFAULT-VALUE}).")
        long records;

        @Override
        public Integer call() throws Exception {
            if (fileMegabytes < 1 || records < 1) {
                throw new UserError("--file-megabytes and --records must be at least 1");
            }
            new IngestBench(System.out).run(fileMegabytes, records);
            return 0;
        }
    }

    @Command(name = "enrich", description = "Raw HanLP segmentation vs the full enrichment, one thread; the last line is ratio=0.NN.")
    static final class Enrich implements Callable<Integer> {

        @Option(names = "--megabytes", defaultValue = "3", description = "How much text to read, in MB of UTF-16 characters × 2 (default: ${DEFAULT-VALUE}).")
        int megabytes;

        @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds of each, after one warm-up round; the best round counts (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Override
        public Integer call() {
            new EnrichBench(System.out).run(megabytes, rounds);
            return 0;
        }
    }

    @Command(name = "alerting", description = "The delivery book with many cases' history in memory, as after a restart: microseconds "
            + "to take an event, milliseconds of the dispatcher's planning tick (every 200 ms); the last line is tick_p99_ms=N.")
    static final class Alerting implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--cases", defaultValue = "10000", description = "Cases in the book, one policy each (default: ${DEFAULT-VALUE}).")
        int cases;

        @Option(names = "--open-percent", defaultValue = "10", description = "Of them, still open and unacknowledged; the others were "
                + "resolved (default: ${DEFAULT-VALUE}).")
        int openPercent;

        @Option(names = "--days", defaultValue = "7", description = "The events are spread over this many days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--ticks", defaultValue = "200", description = "Planning ticks measured, after 50 of warm-up (default: ${DEFAULT-VALUE}).")
        int ticks;

        @Override
        public Integer call() {
            if (cases < 1 || ticks < 1 || days < 1 || openPercent < 0 || openPercent > 100) {
                throw new UserError("--cases, --ticks and --days must be at least 1, --open-percent from 0 to 100");
            }
            new AlertingBench(bench.yq.config(), System.out).run(cases, openPercent, days, ticks);
            return 0;
        }
    }
}
