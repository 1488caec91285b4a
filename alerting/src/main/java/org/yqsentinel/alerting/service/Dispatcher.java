package org.yqsentinel.alerting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Purpose;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.alerting.ledger.LedgerDocuments;

/**
 * The planning tick: every 200 ms asks the book what is due and hands it to the channels on a small pool. Every
 * attempt is written to the ledger as under way before the channel is called, and its outcome after, so a restart
 * knows what may have gone out; an attempt in doubt has its receipt checked by its channel instead of being sent
 * again. Silences are read from the ledger every {@code silence-refresh-seconds}.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final int SENDERS = 4;

    private final SharedBook book;
    private final Channels channels;
    private final Ledger ledger;
    private final LedgerWrites writes;
    private final AlertingMetrics metrics;
    private final Clock clock;
    private final long silenceRefreshSeconds;
    private ScheduledExecutorService ticking;
    private ExecutorService sending;
    private volatile List<Silence> silences = List.of();
    private volatile Instant silencesReadAt = Instant.EPOCH;

    /** Reads the silences at once; dispatches nothing before {@link #start}. */
    Dispatcher(SharedBook book, Channels channels, Ledger ledger, LedgerWrites writes, AlertingMetrics metrics, Clock clock,
               long silenceRefreshSeconds) {
        this.book = book;
        this.channels = channels;
        this.ledger = ledger;
        this.writes = writes;
        this.metrics = metrics;
        this.clock = clock;
        this.silenceRefreshSeconds = silenceRefreshSeconds;
        refreshSilences(clock.instant());
    }

    void start() {
        sending = Executors.newFixedThreadPool(SENDERS, AlertingService.daemon("alerting-send"));
        ticking = Executors.newSingleThreadScheduledExecutor(AlertingService.daemon("alerting-dispatch"));
        ticking.scheduleWithFixedDelay(this::dispatch, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Plans no more; attempts under way go on. */
    void stopPlanning() {
        ticking.shutdown();
    }

    /** After {@link #stopPlanning}: waits for the tick under way (up to 5 s), then for the attempts under way (up to 15 s). */
    void awaitAttempts() throws InterruptedException {
        ticking.awaitTermination(5, TimeUnit.SECONDS);
        sending.shutdown();
        sending.awaitTermination(15, TimeUnit.SECONDS);
    }

    /** Stops at once: attempts under way are abandoned, not interrupted, so they never go on to record an outcome. */
    void halt() {
        ticking.shutdownNow();
        sending.shutdown();
    }

    private void dispatch() {
        try {
            Instant now = clock.instant();
            if (Duration.between(silencesReadAt, now).toSeconds() >= silenceRefreshSeconds) {
                refreshSilences(now);
            }
            List<Silence> active = silences;
            DeliveryBook.Plan plan = book.with(b -> b.plan(now, active));
            if (!plan.changed().isEmpty()) {
                List<LedgerDocuments.Doc> docs = new ArrayList<>();
                for (Delivery d : plan.changed()) {
                    docs.add(writes.of(d));
                    metrics.changed(d);
                    if (d.purpose() == Purpose.ESCALATION && d.attempts() == 0 && d.createdAt().equals(d.updatedAt())) {
                        metrics.escalation();
                        LOG.warn("alerting: case {} not acknowledged {} min before it must be answered: escalating to {} {}", d.caseId(),
                                Duration.between(now, d.alert().respondBy()).toMinutes(), d.target().who(), d.target().medium().id());
                    } else if (d.status().isFinal()) {
                        LOG.info("alerting: {} to {} {} for case {}: {}", d.status(), d.target().who(), d.target().medium().id(), d.caseId(),
                                d.detail());
                    }
                }
                writes.write(docs);
            }
            for (Delivery d : plan.send()) {
                sending.execute(() -> attempt(d));
            }
            for (Delivery d : plan.check()) {
                sending.execute(() -> check(d));
            }
        } catch (RuntimeException e) {
            LOG.warn("alerting: dispatch failed, trying again: {}", e.toString());
        }
    }

    private void attempt(Delivery d) {
        // recorded under way right before the channel is called, so a restart knows what may have gone out. Elasticsearch
        // answers a write only once it is in its translog on disk, and a restart refreshes before it reads: no refresh waited for
        writes.write(List.of(writes.of(d), LedgerDocuments.underWay(d)));
        Instant start = clock.instant();
        SendResult result;
        try {
            result = channels.send(d, start);
        } catch (RuntimeException e) {
            result = SendResult.retry("unexpected failure: " + e);
        }
        Instant end = clock.instant();
        SendResult answer = result;
        Delivery after = book.with(b -> b.finished(d, answer, end));
        metrics.attempted(after, Duration.between(after.createdAt(), end), Duration.between(start, end));
        writes.write(List.of(writes.of(after), LedgerDocuments.attempt(after, result, end, Duration.between(start, end))));
        String line = "alerting: {} {} to {} <{}> for case {} ({} {}), attempt {}: {}";
        Object[] args = {after.purpose().name().toLowerCase(Locale.ROOT), after.target().medium().id(), after.target().who(),
                after.target().shown(), after.caseId(), after.alert().tier().label(), after.alert().type(), after.attempts(),
                after.status() == Status.SENT ? "sent " + result.detail() : after.detail()};
        if (after.status() == Status.SENT) {
            LOG.info(line, args);
        } else {
            LOG.warn(line, args);
        }
    }

    /** Asks the channel whether the message of an attempt in doubt arrived, and settles it as the book decides. */
    private void check(Delivery d) {
        Instant start = clock.instant();
        Receipt receipt;
        try {
            receipt = channels.receipt(d);
        } catch (RuntimeException e) {
            receipt = Receipt.unanswered("unexpected failure: " + e);
        }
        Instant end = clock.instant();
        Receipt answer = receipt;
        Delivery after = book.with(b -> b.checked(d, answer, end));
        metrics.checked(after, Duration.between(after.createdAt(), end));
        writes.write(List.of(writes.of(after), LedgerDocuments.checked(after, receipt, end, Duration.between(start, end))));
        String line = "alerting: {} {} to {} <{}> for case {}, attempt {} in doubt, {}: {}";
        Object[] args = {after.purpose().name().toLowerCase(Locale.ROOT), after.target().medium().id(), after.target().who(),
                after.target().shown(), after.caseId(), after.attempts(), receipt.answer().name().toLowerCase(Locale.ROOT), after.detail()};
        if (after.status() == Status.IN_DOUBT) {
            LOG.warn(line, args);
        } else {
            LOG.info(line, args);
        }
    }

    private void refreshSilences(Instant now) {
        try {
            silences = ledger.silences(now);
            silencesReadAt = now;
        } catch (RuntimeException e) {
            LOG.warn("alerting: cannot read the silences, keeping the {} known: {}", silences.size(), e.toString());
        }
    }
}
