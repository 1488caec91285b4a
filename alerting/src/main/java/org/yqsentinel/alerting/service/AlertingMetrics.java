package org.yqsentinel.alerting.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.Status;

/**
 * The service's meters, scraped by Prometheus from {@code /metrics}: notifications sent, failed and retried
 * per channel, held back (inhibited, silenced, quiet hours), escalations, acknowledgements (and refused
 * links per verdict), events accepted and repeated, notifications pending, attempts in doubt and how each was
 * settled, and the delivery latency from a notification's making to its sending (the group wait included).
 */
public final class AlertingMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public AlertingMetrics(Supplier<Number> pending) {
        Gauge.builder("yq.alerting.pending", pending).description("notifications not yet sent, failed or suppressed").register(registry);
    }

    public void accepted(boolean duplicate) {
        Counter.builder(duplicate ? "yq.alerting.events.duplicate" : "yq.alerting.events")
                .description(duplicate ? "alert events seen again and ignored" : "alert events accepted").register(registry).increment();
    }

    /** A delivery reached a status by another way than an attempt: made suppressed, or changed by an event or a silence. */
    public void changed(Delivery d) {
        if (d.status() == Status.INHIBITED || d.status() == Status.SILENCED || d.status() == Status.QUIET) {
            Counter.builder("yq.alerting.suppressed").description("notifications not sent: inhibited, silenced or in quiet hours")
                    .tag("reason", d.status().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
    }

    public void escalation() {
        Counter.builder("yq.alerting.escalations").description("escalation notifications made").register(registry).increment();
    }

    public void attempted(Delivery after, SendResult result, Duration latency) {
        String channel = after.target().medium().id();
        switch (after.status()) {
            case SENT -> {
                Counter.builder("yq.alerting.sent").tag("channel", channel).tag("purpose", after.purpose().name().toLowerCase(Locale.ROOT))
                        .description("notifications the channel took").register(registry).increment();
                Timer.builder("yq.alerting.delivery.latency").tag("channel", channel)
                        .description("from a notification's making to its sending, group wait included").register(registry).record(latency);
            }
            case FAILED -> Counter.builder("yq.alerting.failed").tag("channel", channel).description("notifications given up")
                    .register(registry).increment();
            case SENDING -> Counter.builder("yq.alerting.unanswered").tag("channel", channel)
                    .description("attempts that went out and got no answer: in doubt until checked").register(registry).increment();
            default -> Counter.builder("yq.alerting.retried").tag("channel", channel).description("attempts to be tried again")
                    .register(registry).increment();
        }
    }

    /**
     * An attempt in doubt was checked: {@code arrived} (the provider has it, not sent again), {@code resent} (it did
     * not arrive, or e-mail that cannot be checked), {@code not_resent} (nobody can tell: at most once) or
     * {@code ask_again} (the provider could not be asked just now).
     */
    public void checked(Delivery after, Receipt receipt, Duration latency) {
        String channel = after.target().medium().id();
        switch (after.status()) {
            case SENT -> {
                inDoubt(channel, "arrived");
                attempted(after, SendResult.sent(receipt.detail()), latency);
            }
            case IN_DOUBT -> inDoubt(channel, "not_resent");
            case SENDING -> inDoubt(channel, "ask_again");
            default -> inDoubt(channel, "resent");
        }
    }

    private void inDoubt(String channel, String resolution) {
        Counter.builder("yq.alerting.in.doubt").tag("channel", channel).tag("resolution", resolution)
                .description("attempts in doubt (under way at a stop, or unanswered) and how they were settled").register(registry).increment();
    }

    public void acknowledgement(AckTokens.Verdict verdict, boolean repeated) {
        if (verdict == AckTokens.Verdict.VALID) {
            if (!repeated) {
                Counter.builder("yq.alerting.acknowledged").description("cases acknowledged through a link").register(registry).increment();
            }
        } else {
            Counter.builder("yq.alerting.acknowledge.refused").tag("verdict", verdict.name().toLowerCase(Locale.ROOT))
                    .description("acknowledge links refused").register(registry).increment();
        }
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
