package org.yqsentinel.app;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.alerting.service.AlertingService;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.simulator.ScenarioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yq bench pipeline}: the live job end to end at a fixed rate ({@link PipelineBench}).
 *
 * <p>{@code yq bench enrich}: in one process and one thread, raw HanLP segmentation alone and the full
 * enrichment the monitor job applies to every item ({@link TextAnalyzer#enrich}) over the same texts
 * (synthetic posts of the scenario generator), after a warm-up pass; items/s and chars/s of each, and
 * their ratio as the last line. De-identification, which runs only on the posts quoted in case records
 * and alerts, is measured on its own.
 *
 * <p>{@code yq bench ingest}: the reading path on hostile input ({@link IngestBench}).
 *
 * <p>{@code yq bench alerting}: the alerting service's {@link DeliveryBook} holding the history a restart
 * reads back ({@code alerting.restore-days}), in one thread and without I/O: how long taking an event and
 * the dispatcher's 200 ms planning tick take as the number of cases grows.
 */
@Command(name = "bench", description = "Benchmarks.", subcommands = {BenchCommand.Enrich.class, BenchCommand.Pipeline.class,
        BenchCommand.Alerting.class, BenchCommand.Ingest.class})
final class BenchCommand {

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

        @Override
        public Integer call() throws Exception {
            if (!(rate > 0) || !(minutes > 0)) {
                throw new UserError("--rate and --minutes must be above 0");
            }
            if (warmUpSeconds < 0 || warmUpSeconds >= minutes * 60) {
                throw new UserError("--warm-up-seconds must be at least 0 and shorter than --minutes");
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
            new PipelineBench(config, bench.yq.layout(), settings, System.out).run(plan);
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
            List<Item> items = corpus(megabytes * 1024L * 1024 / 2);
            long chars = items.stream().mapToLong(i -> i.text().length() + (i.title() == null ? 0 : i.title().length())).sum();
            System.out.printf(Locale.ROOT, "corpus: %d posts, %d characters (scenario seeds from 1)%n", items.size(), chars);
            Segment segment = HanLP.newSegment().enableOffset(false);
            TextAnalyzer analyzer = new TextAnalyzer();
            PersonalDataMasker masker = new PersonalDataMasker();
            double raw = best(items, item -> segment.seg(item.title() == null ? item.text() : item.title() + "\n" + item.text()));
            double full = best(items, analyzer::enrich);
            double masking = best(items, item -> masker.mask(item.text()));
            report("raw HanLP segmentation", items.size(), chars, raw);
            report("full enrichment", items.size(), chars, full);
            report("de-identification", items.size(), chars, masking);
            System.out.printf(Locale.ROOT, "ratio=%.2f%n", raw / full);
            return 0;
        }

        private double best(List<Item> items, Consumer<Item> work) {
            double best = Double.MAX_VALUE;
            for (int round = 0; round <= rounds; round++) {
                long started = System.nanoTime();
                items.forEach(work);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (round > 0) {
                    best = Math.min(best, seconds);
                }
            }
            return best;
        }

        private static void report(String what, int items, long chars, double seconds) {
            System.out.printf(Locale.ROOT, "%-24s %8.0f items/s %12.0f chars/s (%.2f s per round)%n", what, items / seconds,
                    chars / seconds, seconds);
        }

        private static List<Item> corpus(long characters) {
            List<Item> items = new ArrayList<>();
            long total = 0;
            for (long seed = 1; total < characters; seed++) {
                for (Item item : new ScenarioGenerator(seed).generate().items()) {
                    items.add(item);
                    total += item.text().length();
                }
            }
            return items;
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
            SentinelConfig config = bench.yq.config();
            RoutingRules routing = RoutingRules.load(RuleFiles.of(config.rules().dir()));
            DeliveryBook book = new DeliveryBook(routing, AlertingService.settings(config.alerting()));
            Instant start = Instant.parse("2026-11-01T00:00:00Z");
            Duration spacing = Duration.ofDays(days).dividedBy(cases);
            Random random = new Random(20261125);
            long accepting = 0;
            int events = 0;
            Instant now = start;
            for (int i = 0; i < cases; i++) {
                now = start.plus(spacing.multipliedBy(i));
                String department = random.nextInt(3) == 0 ? "江城市教育局" : "江城市住建局";
                List<Alert> story = new ArrayList<>(List.of(event(i, AlertEventType.OPENED, Tier.III_YELLOW, null, now, department)));
                if (random.nextInt(4) == 0) {
                    story.add(event(i, AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW, now.plusSeconds(600), department));
                }
                if (random.nextInt(100) >= openPercent) {
                    story.add(event(i, AlertEventType.RESOLVED, story.get(story.size() - 1).tier(), null, now.plusSeconds(3600), department));
                }
                for (Alert alert : story) {
                    long t = System.nanoTime();
                    book.accept(alert, alert.windowEnd());
                    accepting += System.nanoTime() - t;
                    events++;
                    sendDue(book, alert.windowEnd().plusSeconds(60));  // what is due goes out as time passes
                }
            }
            Instant end = now.plus(Duration.ofHours(2));
            System.out.printf(Locale.ROOT, "book: %d cases (%d%% open), %d events over %d days, %d notifications (%d pending, held by "
                    + "the rate limits)%n", cases, openPercent, events, days, book.size(), book.pending());
            System.out.printf(Locale.ROOT, "accept: %.1f µs per event (mean of %d, as the book filled)%n", accepting / 1e3 / events, events);
            List<Long> micros = new ArrayList<>();
            Instant tick = end;
            for (int i = 0; i < ticks + 50; i++) {
                tick = tick.plusMillis(200);
                long t = System.nanoTime();
                sendDue(book, tick);
                if (i >= 50) {
                    micros.add((System.nanoTime() - t) / 1_000);
                }
            }
            Percentiles p = Percentiles.of(micros);
            System.out.printf(Locale.ROOT, "plan tick: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d ticks (one every 200 ms)%n",
                    p.at(50) / 1e3, p.at(99) / 1e3, p.max() / 1e3, p.count());
            System.out.printf(Locale.ROOT, "tick_p99_ms=%.2f%n", p.at(99) / 1e3);
            return 0;
        }

        /** A planning tick at {@code at}, and every notification it hands out sent at once. */
        private static void sendDue(DeliveryBook book, Instant at) {
            for (Delivery d : book.plan(at, List.of()).send()) {
                book.finished(d, SendResult.sent("bench"), at);
            }
        }

        private static Alert event(int n, AlertEventType type, Tier tier, Tier previous, Instant end, String department) {
            String policy = "江教发〔2026〕" + n + "号";
            Instant respondBy = type == AlertEventType.RESOLVED ? null : end.plus(Duration.ofHours(4));
            return new Alert(Alert.idOf(policy, type, tier, end), type, policy, "关于调整第" + n + "类收费标准的通知", "case:" + n, tier, previous,
                    tier == Tier.III_YELLOW ? 52 : 71, end.minus(Duration.ofHours(1)), end, List.of(), List.of(), department, "教育",
                    new Region("湖北", "江城", null), respondBy);
        }
    }
}
