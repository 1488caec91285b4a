package org.yqsentinel.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
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
 * @param steadyConsumedPerSecond items the job committed as read from the end of the warm-up to the end of sending, per
 *                          second; -1 when sending ended within the warm-up. With the job saturated, its throughput
 *                          without the JIT's first minutes
 * @param cpuMillisPerThousand CPU time of the bench's process (the job, its local Flink, the sender) over the same
 *                          period, in milliseconds per 1,000 items consumed; -1 when not known
 */
record PipelineReport(PipelineBench.Settings settings, long sent, double sentSeconds, double sentPerSecond, long consumed,
                      double consumedPerSecond, long lagAtEnd, double drainSeconds, long indexed, Map<String, Integer> alertsByType,
                      Percentiles raised, Percentiles visible, Percentiles steadyRaised, Percentiles steadyVisible,
                      int unexplained, List<Timed> slowest, double steadyConsumedPerSecond, double cpuMillisPerThousand) {

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
            timed.add(new Timed(alert, cause - sent.startedAt(), seen.raisedAt() - cause, seen.seenAt() - cause));
        }
        long warmUp = settings.warmUp().toMillis();
        List<Timed> steady = timed.stream().filter(t -> t.intoSending() >= warmUp).toList();
        timed.sort(Comparator.comparingLong(Timed::visible).reversed());
        double seconds = sent.seconds();
        double steadyRate = -1;
        double cpuPerThousand = -1;
        PipelineBench.WarmUpMark warm = sent.warmedUp();
        if (warm != null && seconds > warm.seconds() && atEnd.consumed() > warm.consumed()) {
            long consumed = atEnd.consumed() - warm.consumed();
            steadyRate = consumed / (seconds - warm.seconds());
            if (warm.cpuSeconds() >= 0 && sent.cpuSeconds() >= warm.cpuSeconds()) {
                cpuPerThousand = (sent.cpuSeconds() - warm.cpuSeconds()) * 1e3 / (consumed / 1e3);
            }
        }
        return new PipelineReport(settings, sent.count(), seconds, sent.count() / seconds, atEnd.consumed(), atEnd.consumed() / seconds,
                atEnd.records(), drainSeconds, indexed, byType, percentiles(timed, Timed::raised), percentiles(timed, Timed::visible),
                percentiles(steady, Timed::raised), percentiles(steady, Timed::visible), unexplained,
                List.copyOf(timed.subList(0, Math.min(SLOWEST, timed.size()))), steadyRate, cpuPerThousand);
    }

    private static Percentiles percentiles(List<Timed> timed, ToLongFunction<Timed> latency) {
        return Percentiles.of(timed.stream().map(t -> latency.applyAsLong(t)).toList());
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
        if (steadyConsumedPerSecond >= 0) {
            out.printf(Locale.ROOT, "consumed after the first %d s of sending (warm-up): %,.0f items/s; CPU of the bench's process: %s%n",
                    settings.warmUp().toSeconds(), steadyConsumedPerSecond, cpuMillisPerThousand < 0 ? "not known"
                            : String.format(Locale.ROOT, "%,.0f ms per 1,000 items", cpuMillisPerThousand));
        }
        out.printf(Locale.ROOT, "items in Elasticsearch: %,d%n", indexed);
        out.printf(Locale.ROOT, "alert events: %d %s%s%n", alertsByType.values().stream().mapToInt(Integer::intValue).sum(), alertsByType,
                unexplained == 0 ? "" : " (" + unexplained + " with no record past their window, left out of the latencies)");
        if (raised.count() > 0) {
            out.printf(Locale.ROOT, "alert latency, first record past the window in Kafka → raised by the job: %s  (%d events)%n",
                    spread(raised), raised.count());
            out.printf(Locale.ROOT, "alert latency, first record past the window in Kafka → visible on yq.alerts: %s%n", spread(visible));
            if (steadyRaised.count() > 0) {
                out.printf(Locale.ROOT, "after the first %d s of sending (warm-up), %d events: raised %s;  visible %s%n",
                        settings.warmUp().toSeconds(), steadyRaised.count(), spread(steadyRaised), spread(steadyVisible));
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

    private static String spread(Percentiles latencies) {
        return String.format(Locale.ROOT, "p50 %.2f s  p99 %.2f s  max %.2f s", latencies.at(50) / 1e3, latencies.at(99) / 1e3,
                latencies.max() / 1e3);
    }
}
