package org.yqsentinel.alerting.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;

/**
 * Retries: what becomes of a notification after an attempt, or after the receipt of an attempt in doubt was asked
 * for. A failed attempt is tried again after the backoff ({@link DeliveryBook#backoff}), until the attempts run out;
 * an attempt that went out unanswered is checked after the same wait; what a channel refuses for good is given up
 * at once.
 */
final class Retries {

    private final int maxAttempts;
    private final IntFunction<Duration> backoff;

    /** @param backoff the wait after the n-th failed attempt, or after the n-th time a receipt could not be asked for */
    Retries(int maxAttempts, IntFunction<Duration> backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** How an attempt in doubt was settled, and the notification as it then stands. */
    record Checked(InDoubt decision, Delivery delivery) {}

    /** The notification after its channel answered an attempt (counted when the attempt began). */
    Delivery attempted(Delivery d, SendResult result, Instant now) {
        int attempts = d.attempts();
        return switch (result.outcome()) {
            case SENT -> d.with(Status.SENT, attempts, d.dueAt(), now, result.detail());
            case GIVE_UP -> d.with(Status.FAILED, attempts, d.dueAt(), now, "given up: " + result.detail());
            case RETRY -> retried(d, now, now.plus(backoff.apply(attempts)), result.detail(), "will retry: ");
            case IN_DOUBT -> {
                Instant ask = now.plus(backoff.apply(attempts));
                yield d.with(Status.SENDING, attempts, ask, now, "in doubt: " + result.detail() + "; its receipt is checked at " + ask
                        + " before anything is sent again");
            }
        };
    }

    /**
     * The notification after its channel told what it knows of the receipt of an attempt in doubt, the {@code asked}-th
     * time it was asked: a channel that cannot be reached is asked again, up to as many times as there are attempts,
     * after which it counts as one that cannot tell.
     */
    Checked checked(Delivery d, Receipt receipt, int asked, Instant now) {
        InDoubt decision = InDoubt.decide(d.target().medium(), receipt.answer());
        if (decision == InDoubt.ASK_AGAIN && asked >= maxAttempts) {
            decision = InDoubt.decide(d.target().medium(), Receipt.Answer.UNKNOWN);
        }
        String why = "attempt " + d.attempts() + " was in doubt; " + receipt.detail();
        Delivery next = switch (decision) {
            case ARRIVED -> d.with(Status.SENT, d.attempts(), d.dueAt(), now, why + ": not sent again");
            case SEND_AGAIN -> retried(d, now, now, why + (d.target().medium() == Medium.EMAIL && receipt.answer() != Receipt.Answer.MISSING
                    ? ": sent again under the same Message-ID" : ": sent again"), "");
            case NOT_AGAIN -> d.with(Status.IN_DOUBT, d.attempts(), d.dueAt(), now, why + ": not sent again, so it arrived at most once");
            case ASK_AGAIN -> {
                Instant ask = now.plus(backoff.apply(asked));
                yield d.with(Status.SENDING, d.attempts(), ask, now, why + "; asked again at " + ask);
            }
        };
        return new Checked(decision, next);
    }

    /** Pending again, due at {@code due}, or given up when out of attempts. */
    private Delivery retried(Delivery d, Instant now, Instant due, String why, String prefix) {
        int attempts = d.attempts();
        return attempts >= maxAttempts
                ? d.with(Status.FAILED, attempts, d.dueAt(), now, "given up after " + attempts + " attempts: " + why)
                : d.with(Status.PENDING, attempts, due, now, prefix + why);
    }
}
