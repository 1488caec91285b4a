package org.yqsentinel.alerting.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.Status;

/**
 * The service's meters, scraped by Prometheus from {@code /metrics}: notifications sent, failed and retried
 * per channel, held back (inhibited, silenced, quiet hours), escalations, acknowledgements (and refused
 * links per verdict), events accepted and repeated, notifications pending, attempts in doubt and how each was
 * settled; as histograms (Prometheus buckets, for quantiles over any window and across instances) the delivery
 * latency from a notification's making to its sending (the group wait included) and how long each channel took
 * to answer an attempt; and the JVM's own: heap and pools, garbage collection pauses, threads, classes, CPU,
 * open files and uptime.
 */
public final class AlertingMetrics implements AutoCloseable {

    /** Bucket bounds of the delivery latency: a notification waits its group (30 s by default), then goes out. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1)};
    /** Bucket bounds of a channel's answer: SMTP and gateways answer in tens of milliseconds to a timeout's seconds. */
    private static final Duration[] ANSWER_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public AlertingMetrics(Supplier<Number> pending) {
        Gauge.builder("yq.alerting.pending", pending).description("notifications not yet sent, failed or suppressed").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
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

    /**
     * An attempt ended.
     *
     * @param latency from the notification's making to the end of this attempt
     * @param answer  how long the channel took to answer this attempt
     */
    public void attempted(Delivery after, Duration latency, Duration answer) {
        String channel = after.target().medium().id();
        Timer.builder("yq.alerting.channel.answer").tag("channel", channel)
                .tag("outcome", after.status() == Status.SENT ? "sent" : after.status() == Status.FAILED ? "failed"
                        : after.status() == Status.SENDING ? "unanswered" : "retry")
                .description("how long a channel took to answer an attempt (SMTP relay, SMS gateway, robot)")
                .serviceLevelObjectives(ANSWER_BUCKETS).register(registry).record(answer);
        switch (after.status()) {
            case SENT -> sent(after, channel, latency);
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
    public void checked(Delivery after, Duration latency) {
        String channel = after.target().medium().id();
        switch (after.status()) {
            case SENT -> {
                inDoubt(channel, "arrived");
                sent(after, channel, latency);
            }
            case IN_DOUBT -> inDoubt(channel, "not_resent");
            case SENDING -> inDoubt(channel, "ask_again");
            default -> inDoubt(channel, "resent");
        }
    }

    private void sent(Delivery after, String channel, Duration latency) {
        Counter.builder("yq.alerting.sent").tag("channel", channel).tag("purpose", after.purpose().name().toLowerCase(Locale.ROOT))
                .description("notifications the channel took").register(registry).increment();
        Timer.builder("yq.alerting.delivery.latency").tag("channel", channel)
                .description("from a notification's making to its sending, group wait included")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry).record(latency);
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

    /** Stops listening to the JVM's garbage collection notifications. */
    @Override
    public void close() {
        gc.close();
    }
}
