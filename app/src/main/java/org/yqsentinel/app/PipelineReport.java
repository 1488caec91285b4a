package org.yqsentinel.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yqsentinel.model.Alert;

/**
 * The figures of one {@code ./yq bench pipeline} run, and the arithmetic behind them: alert latency is
 * measured from the arrival of the first record whose event time passes the alert window's end plus the
 * tolerated out-of-orderness, the earliest the window could close ({@link WatermarkFrontier}), to the
 * event's record time on {@code yq.alerts} (raised) and to the moment a read-committed consumer got it (visible).
 *
 * @param sentPerSecond     items sent per second of sending
 * @param consumedPerSecond items the job had committed as read when sending stopped, per second of sending
 * @param lagAtEnd          records not yet committed as read when sending stopped
 * @param drainSeconds      how long after that the lag reached 0; -1 if it did not
 * @param unexplained       alert events whose window end no sent record passed (none expected)
 * @param steadyRaised      {@code raised} without the events whose window could close during the warm-up
 * @param steadyVisible     {@code visible} likewise
 * @param slowest           the alert events that took longest to become visible, slowest first (at most {@value #SLOWEST})
 */
record PipelineReport(PipelineBench.Settings settings, long sent, double sentSeconds, double sentPerSecond, long consumed,
                      double consumedPerSecond, long lagAtEnd, double drainSeconds, long indexed, Map<String, Integer> alertsByType,
                      Percentiles raised, Percentiles visible, Percentiles steadyRaised, Percentiles steadyVisible,
                      int unexplained, List<Timed> slowest) {

    static final int SLOWEST = 3;

    /**
     * One timed alert event.
     *
     * @param intoSending milliseconds from the start of sending to the arrival of the record that closed its window
     */
    record Timed(Alert alert, long intoSending, long raised, long visible) {}

    static PipelineReport of(PipelineBench.Settings settings, PipelineBench.Sent sent, PipelineBench.Lag atEnd, double drainSeconds,
                             long indexed, List<PipelineBench.SeenAlert> alerts, WatermarkFrontier frontier, Duration outOfOrderness) {
        Map<String, Integer> byType = new TreeMap<>();
        List<Long> raised = new ArrayList<>();
        List<Long> visible = new ArrayList<>();
        List<Timed> timed = new ArrayList<>();
        int unexplained = 0;
        for (PipelineBench.SeenAlert seen : alerts) {
            Alert alert = seen.alert();
            byType.merge(alert.type().name(), 1, Integer::sum);
            long cause = causeArrival(frontier, alert, outOfOrderness);
            if (cause < 0) {
                unexplained++;
                continue;
            }
            raised.add(seen.raisedAt() - cause);
            visible.add(seen.seenAt() - cause);
            timed.add(new Timed(alert, cause - sent.startedAt(), seen.raisedAt() - cause, seen.seenAt() - cause));
        }
        long warmUp = settings.warmUp().toMillis();
        List<Long> steadyRaised = timed.stream().filter(t -> t.intoSending() >= warmUp).map(Timed::raised).toList();
        List<Long> steadyVisible = timed.stream().filter(t -> t.intoSending() >= warmUp).map(Timed::visible).toList();
        timed.sort(Comparator.comparingLong(Timed::visible).reversed());
        double seconds = sent.seconds();
        return new PipelineReport(settings, sent.count(), seconds, sent.count() / seconds, atEnd.consumed(), atEnd.consumed() / seconds,
                atEnd.records(), drainSeconds, indexed, byType, Percentiles.of(raised), Percentiles.of(visible),
                Percentiles.of(steadyRaised), Percentiles.of(steadyVisible), unexplained,
                List.copyOf(timed.subList(0, Math.min(SLOWEST, timed.size()))));
    }

    /**
     * The earliest the alert's window could close: a partition's watermark passes the window's end once it has
     * carried an event time past end + out-of-orderness ({@code ItemWatermarks}).
     */
    static long causeArrival(WatermarkFrontier frontier, Alert alert, Duration outOfOrderness) {
        return frontier.reachedFirst(alert.windowEnd().toEpochMilli() + outOfOrderness.toMillis() + 1);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "sent: %,d items in %.1f s = %,.0f items/s (target %,.0f)%n", sent, sentSeconds, sentPerSecond, settings.rate());
        out.printf(Locale.ROOT, "consumed by the job while sending: %,d items = %,.0f items/s; consumer lag when sending stopped: %,d records"
                + " (offsets of the last completed checkpoint), %s%n", consumed, consumedPerSecond, lagAtEnd,
                drainSeconds < 0 ? "not drained" : String.format(Locale.ROOT, "drained %.1f s later", drainSeconds));
        out.printf(Locale.ROOT, "items in Elasticsearch: %,d%n", indexed);
        out.printf(Locale.ROOT, "alert events: %d %s%s%n", alertsByType.values().stream().mapToInt(Integer::intValue).sum(), alertsByType,
                unexplained == 0 ? "" : " (" + unexplained + " with no record past their window, left out of the latencies)");
        if (raised.count() > 0) {
            out.printf(Locale.ROOT, "alert latency, first record past the window in Kafka → raised by the job: p50 %.2f s  p99 %.2f s  max %.2f s  (%d events)%n",
                    raised.at(50) / 1e3, raised.at(99) / 1e3, raised.max() / 1e3, raised.count());
            out.printf(Locale.ROOT, "alert latency, first record past the window in Kafka → visible on yq.alerts: p50 %.2f s  p99 %.2f s  max %.2f s%n",
                    visible.at(50) / 1e3, visible.at(99) / 1e3, visible.max() / 1e3);
            if (steadyRaised.count() > 0) {
                out.printf(Locale.ROOT, "after the first %d s of sending (warm-up), %d events: raised p50 %.2f s  p99 %.2f s  max %.2f s;"
                                + "  visible p50 %.2f s  p99 %.2f s  max %.2f s%n", settings.warmUp().toSeconds(), steadyRaised.count(),
                        steadyRaised.at(50) / 1e3, steadyRaised.at(99) / 1e3, steadyRaised.max() / 1e3,
                        steadyVisible.at(50) / 1e3, steadyVisible.at(99) / 1e3, steadyVisible.max() / 1e3);
            } else {
                out.printf(Locale.ROOT, "after the first %d s of sending (warm-up): no alert events to time%n", settings.warmUp().toSeconds());
            }
            out.println("slowest alert events (when their window could close, seconds into sending → raised / visible):");
            for (Timed t : slowest) {
                out.printf(Locale.ROOT, "  +%.1f s  %s %s → %.2f s / %.2f s%n", t.intoSending() / 1e3, t.alert().type(),
                        t.alert().tier().code(), t.raised() / 1e3, t.visible() / 1e3);
            }
        } else {
            out.println("alert latency: no alert events to time");
        }
    }
}
