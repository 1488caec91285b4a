package org.yqsentinel.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

class PipelineReportTest {

    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final Instant END = Instant.parse("2026-11-20T11:00:00Z");
    private static final PipelineBench.Settings SETTINGS = new PipelineBench.Settings(100, Duration.ofSeconds(10), 1, 1, 1, Duration.ofSeconds(1), false);

    private static Alert alert(String id, AlertEventType type, Instant windowEnd) {
        return new Alert(id, type, "JYF-2026-18", "课后服务收费通知", "case-1", Tier.II_ORANGE, Tier.III_YELLOW, 70,
                windowEnd.minus(Duration.ofHours(1)), windowEnd, List.of(), List.of(), "江城市教育局", "教育", null,
                windowEnd.plus(Duration.ofHours(24)));
    }

    @Test
    void anAlertIsTimedFromTheFirstRecordPastItsWindowEndPlusTheBound() {
        long due = END.plus(BOUND).toEpochMilli() + 1;  // the first event time whose watermark reaches the window's end
        WatermarkFrontier frontier = new WatermarkFrontier();
        frontier.arrived("weibo-0", due - 1, 1_000);      // one millisecond short: not yet
        frontier.arrived("news-0", due + 60_000, 1_500);  // past it, but later
        frontier.arrived("weibo-0", due, 1_200);          // the first past it

        Alert alert = alert("a1", AlertEventType.ESCALATED, END);
        assertThat(PipelineReport.causeArrival(frontier, alert, BOUND)).isEqualTo(1_200);

        PipelineReport report = PipelineReport.of(SETTINGS, new PipelineBench.Sent(1_000, 10, 200), new PipelineBench.Lag(0, 1_000), 0.5, 990,
                List.of(new PipelineBench.SeenAlert(alert, 1_800, 2_700)), frontier, BOUND);
        assertThat(report.raised().max()).isEqualTo(600);
        assertThat(report.visible().max()).isEqualTo(1_500);
        assertThat(report.unexplained()).isZero();
        assertThat(report.sentPerSecond()).isEqualTo(100.0);
        assertThat(report.slowest()).singleElement().satisfies(t -> assertThat(t.intoSending()).isEqualTo(1_000));
    }

    @Test
    void anAlertNoRecordExplainsIsCountedApartNotTimed() {
        WatermarkFrontier frontier = new WatermarkFrontier();
        frontier.arrived("weibo-0", END.toEpochMilli(), 1_000);  // before the window's end plus the bound
        PipelineReport report = PipelineReport.of(SETTINGS, new PipelineBench.Sent(10, 1, 0), new PipelineBench.Lag(3, 7), -1, 7,
                List.of(new PipelineBench.SeenAlert(alert("a2", AlertEventType.OPENED, END), 2_000, 2_500)), frontier, BOUND);

        assertThat(report.unexplained()).isEqualTo(1);
        assertThat(report.raised().count()).isZero();
        assertThat(report.alertsByType()).containsEntry("OPENED", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("consumer lag when sending stopped: 3 records")
                .contains("not drained")
                .contains("1 with no record past their window")
                .contains("no alert events to time");
    }

    @Test
    void theSlowestEventsAreListedSlowestFirstAndPrinted() {
        long due = END.plus(BOUND).toEpochMilli() + 1;
        WatermarkFrontier frontier = new WatermarkFrontier();
        frontier.arrived("weibo-0", due, 5_000);
        List<PipelineBench.SeenAlert> seen = List.of(
                new PipelineBench.SeenAlert(alert("a1", AlertEventType.OPENED, END), 5_300, 5_800),
                new PipelineBench.SeenAlert(alert("a2", AlertEventType.ESCALATED, END), 6_000, 9_000),
                new PipelineBench.SeenAlert(alert("a3", AlertEventType.ESCALATED, END), 5_200, 5_400),
                new PipelineBench.SeenAlert(alert("a4", AlertEventType.DEESCALATED, END), 5_500, 7_000));
        PipelineReport report = PipelineReport.of(SETTINGS, new PipelineBench.Sent(100, 1, 1_000), new PipelineBench.Lag(0, 100), 0, 100,
                seen, frontier, BOUND);

        assertThat(report.slowest()).extracting(t -> t.alert().id()).containsExactly("a2", "a4", "a1");
        assertThat(report.slowest().get(0).raised()).isEqualTo(1_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  +4.0 s  ESCALATED II → 1.00 s / 4.00 s")
                .contains("after the first 1 s of sending (warm-up), 4 events: raised p50 0.30 s");
        assertThat(report.steadyVisible().count()).isEqualTo(4);

        PipelineBench.Settings longWarmUp = new PipelineBench.Settings(100, Duration.ofSeconds(10), 1, 1, 1, Duration.ofSeconds(5), false);
        PipelineReport warmingUp = PipelineReport.of(longWarmUp, new PipelineBench.Sent(100, 1, 1_000), new PipelineBench.Lag(0, 100), 0, 100,
                seen, frontier, BOUND);
        assertThat(warmingUp.steadyRaised().count()).as("every window could close 4 s into sending, within the warm-up").isZero();
        assertThat(warmingUp.raised().count()).isEqualTo(4);
    }

    @Test
    void theSteadyThroughputAndCpuAreCountedFromTheEndOfTheWarmUp() {
        // 30 s into 120 s of sending the job had read 40,000 items on 50 s of CPU; at the end 220,000 on 230 s
        PipelineBench.Sent sent = new PipelineBench.Sent(360_000, 120, 0, new PipelineBench.WarmUpMark(30, 40_000, 50), 230);
        PipelineReport report = PipelineReport.of(SETTINGS, sent, new PipelineBench.Lag(140_000, 220_000), -1, 200_000, List.of(),
                new WatermarkFrontier(), BOUND);

        assertThat(report.steadyConsumedPerSecond()).isEqualTo(2_000.0);      // 180,000 items in 90 s
        assertThat(report.cpuMillisPerThousand()).isEqualTo(1_000.0);        // 180 s of CPU for 180 thousand items
        assertThat(report.consumedPerSecond()).isCloseTo(1_833.3, within(0.1)); // with the warm-up
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("consumed after the first 1 s of sending (warm-up): 2,000 items/s; CPU of the bench's process: 1,000 ms per 1,000 items");

        PipelineReport short_ = PipelineReport.of(SETTINGS, new PipelineBench.Sent(100, 1, 0), new PipelineBench.Lag(0, 100), 0, 100,
                List.of(), new WatermarkFrontier(), BOUND);
        assertThat(short_.steadyConsumedPerSecond()).as("sending ended within the warm-up").isEqualTo(-1);
    }
}
