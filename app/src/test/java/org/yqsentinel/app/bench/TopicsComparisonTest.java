package org.yqsentinel.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsComparisonTest {

    private static final PipelineBench.Settings SETTINGS = new PipelineBench.Settings(3000, Duration.ofSeconds(120), 1, 1, 1, Duration.ofSeconds(30), false);

    /** A run that read {@code perSecond} items a second after a 30 s warm-up, on {@code cpuMillis} ms of CPU per 1,000 items. */
    private static PipelineReport run(double perSecond, double cpuMillis) {
        long warm = 50_000;
        long consumed = warm + Math.round(perSecond * 90);
        double cpuAtWarmUp = 40;
        double cpuAtEnd = cpuAtWarmUp + cpuMillis * (consumed - warm) / 1e6;
        PipelineBench.Sent sent = new PipelineBench.Sent(360_000, 120, 0, new PipelineBench.WarmUpMark(30, warm, cpuAtWarmUp), cpuAtEnd);
        return PipelineReport.of(SETTINGS, sent, new PipelineBench.Lag(360_000 - consumed, consumed), -1, consumed, List.of(),
                new WatermarkFrontier(), Duration.ofMinutes(5));
    }

    @Test
    void eachPairIsComparedAndTheMedianAndPooledLossAreTaken() {
        TopicsComparison comparison = new TopicsComparison(
                List.of(run(1_800, 1_100), run(2_000, 1_000), run(1_500, 1_300)),
                List.of(run(2_000, 1_000), run(2_000, 1_000), run(2_000, 1_000)));

        assertThat(comparison.losses()).satisfiesExactly(l -> assertThat(l).isCloseTo(0.10, within(1e-3)),
                l -> assertThat(l).isCloseTo(0.0, within(1e-3)), l -> assertThat(l).isCloseTo(0.25, within(1e-3)));
        assertThat(comparison.medianLoss()).isCloseTo(0.10, within(1e-3));
        assertThat(comparison.pooledLoss()).isCloseTo(1 - 5_300.0 / 6_000, within(1e-3));
        assertThat(comparison.medianCpuAdded()).isCloseTo(0.10, within(1e-3));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        comparison.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("pair 1: on 1,800 items/s, 1,100 ms; off 2,000 items/s, 1,000 ms; throughput -10.0 %, CPU per item +10.0 %")
                .contains("median of 3 pairs 10.0 %, of the summed throughputs 11.7 %; CPU per item: median +10.0 %");
    }

    @Test
    void aPairWithARunThatEndedInItsWarmUpIsLeftOut() {
        PipelineReport tooShort = PipelineReport.of(SETTINGS, new PipelineBench.Sent(10, 1, 0), new PipelineBench.Lag(0, 10), 0, 10, List.of(),
                new WatermarkFrontier(), Duration.ofMinutes(5));
        TopicsComparison comparison = new TopicsComparison(List.of(tooShort, run(1_900, 1_000)), List.of(run(2_000, 1_000), run(2_000, 1_000)));

        assertThat(comparison.losses().get(0)).isNaN();
        assertThat(comparison.medianLoss()).isCloseTo(0.05, within(1e-3));
        assertThat(comparison.pooledLoss()).isCloseTo(0.05, within(1e-3));
        assertThat(TopicsComparison.median(List.of(Double.NaN))).isNaN();
        assertThat(TopicsComparison.median(List.of(0.3, 0.1, 0.2, 0.4))).isCloseTo(0.25, within(1e-9));
        assertThatThrownBy(() -> new TopicsComparison(List.of(tooShort), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
