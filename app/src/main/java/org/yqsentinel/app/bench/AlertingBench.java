package org.yqsentinel.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.alerting.service.AlertingService;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.RuleFiles;

/**
 * {@code yq bench alerting}: the alerting service's {@link DeliveryBook} holding the history a restart
 * reads back ({@code alerting.restore-days}), in one thread and without I/O: how long taking an event and
 * the dispatcher's 200 ms planning tick take as the number of cases grows.
 */
public final class AlertingBench {

    private final SentinelConfig config;
    private final PrintStream out;

    public AlertingBench(SentinelConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Fills the book with {@code cases} cases over {@code days} days, {@code openPercent} of them left open, then times
     * {@code ticks} planning ticks after 50 of warm-up.
     */
    public void run(int cases, int openPercent, int days, int ticks) {
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
        out.printf(Locale.ROOT, "book: %d cases (%d%% open), %d events over %d days, %d notifications (%d pending, held by "
                + "the rate limits)%n", cases, openPercent, events, days, book.size(), book.pending());
        out.printf(Locale.ROOT, "accept: %.1f µs per event (mean of %d, as the book filled)%n", accepting / 1e3 / events, events);
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
        out.printf(Locale.ROOT, "plan tick: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d ticks (one every 200 ms)%n",
                p.at(50) / 1e3, p.at(99) / 1e3, p.max() / 1e3, p.count());
        out.printf(Locale.ROOT, "tick_p99_ms=%.2f%n", p.at(99) / 1e3);
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
