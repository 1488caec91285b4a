package org.yqsentinel.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.SampleAlerts;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.Medium;
import org.yqsentinel.alerting.delivery.Purpose;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.alerting.delivery.Target;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

class AlertingMetricsTest {

    private static final Alert ALERT = SampleAlerts.alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW);
    private static final Target TARGET = new Target("江城市教育局", "王晓明", Medium.EMAIL, "wang@edu.example.gov.cn");

    @Test
    void deliveryLatencyAndChannelAnswersAreHistogramsWithBucketsForQuantiles() {
        try (AlertingMetrics metrics = new AlertingMetrics(() -> 0)) {
            metrics.attempted(delivery(Status.SENT), Duration.ofSeconds(40), Duration.ofMillis(30));
            metrics.attempted(delivery(Status.SENT), Duration.ofSeconds(200), Duration.ofMillis(700));
            metrics.attempted(delivery(Status.PENDING), Duration.ofSeconds(45), Duration.ofSeconds(7));

            String scrape = metrics.scrape();

            // cumulative buckets: one sent within a minute, both within five
            assertThat(scrape).contains("yq_alerting_delivery_latency_seconds_bucket{channel=\"email\",le=\"30.0\"} 0")
                    .contains("yq_alerting_delivery_latency_seconds_bucket{channel=\"email\",le=\"60.0\"} 1")
                    .contains("yq_alerting_delivery_latency_seconds_bucket{channel=\"email\",le=\"300.0\"} 2")
                    .contains("yq_alerting_delivery_latency_seconds_count{channel=\"email\"} 2");
            assertThat(scrape).contains("yq_alerting_channel_answer_seconds_bucket{channel=\"email\",outcome=\"sent\",le=\"0.05\"} 1")
                    .contains("yq_alerting_channel_answer_seconds_bucket{channel=\"email\",outcome=\"sent\",le=\"1.0\"} 2")
                    .contains("yq_alerting_channel_answer_seconds_bucket{channel=\"email\",outcome=\"retry\",le=\"5.0\"} 0")
                    .contains("yq_alerting_channel_answer_seconds_bucket{channel=\"email\",outcome=\"retry\",le=\"10.0\"} 1");
            assertThat(scrape).contains("yq_alerting_retried_total{channel=\"email\"} 1.0");
        }
    }

    @Test
    void theJvmIsMeasuredToo() {
        try (AlertingMetrics metrics = new AlertingMetrics(() -> 3)) {
            String scrape = metrics.scrape();

            assertThat(scrape).contains("yq_alerting_pending 3.0")
                    .contains("jvm_memory_used_bytes{area=\"heap\"")
                    .contains("jvm_threads_live_threads")
                    .contains("jvm_classes_loaded_classes")
                    .contains("process_cpu_usage")
                    .contains("process_uptime_seconds")
                    .contains("process_files_open_files");
        }
    }

    private static Delivery delivery(Status status) {
        return new Delivery(Delivery.idOf(Purpose.NOTICE, ALERT.id(), TARGET, 0), Purpose.NOTICE, ALERT.caseId(), ALERT,
                List.of(ALERT.id()), "/", TARGET, status, 1, ALERT.windowEnd(), ALERT.windowEnd(), ALERT.windowEnd(), null);
    }
}
