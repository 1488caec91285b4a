package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

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
    private static final PipelineBench.Settings SETTINGS = new PipelineBench.Settings(100, Duration.ofSeconds(10), 1, 1, 1, false);

    private static Alert alert(String id, AlertEventType type, Instant windowEnd) {
        return new Alert(id, type, "JYF-2026-18", "课后服务收费通知", "case-1", Tier.II_ORANGE, Tier.III_YELLOW, 70,
                windowEnd.minus(Duration.ofHours(1)), windowEnd, List.of(), List.of(), "江城市教育局", windowEnd.plus(Duration.ofHours(24)));
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

        PipelineReport report = PipelineReport.of(SETTINGS, 1_000, 10, new PipelineBench.Lag(0, 1_000), 0.5, 990,
                List.of(new PipelineBench.SeenAlert(alert, 1_800, 2_700)), frontier, BOUND);
        assertThat(report.raised().max()).isEqualTo(600);
        assertThat(report.visible().max()).isEqualTo(1_500);
        assertThat(report.unexplained()).isZero();
        assertThat(report.sentPerSecond()).isEqualTo(100.0);
    }

    @Test
    void anAlertNoRecordExplainsIsCountedApartNotTimed() {
        WatermarkFrontier frontier = new WatermarkFrontier();
        frontier.arrived("weibo-0", END.toEpochMilli(), 1_000);  // before the window's end plus the bound
        PipelineReport report = PipelineReport.of(SETTINGS, 10, 1, new PipelineBench.Lag(3, 7), -1, 7,
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
}
