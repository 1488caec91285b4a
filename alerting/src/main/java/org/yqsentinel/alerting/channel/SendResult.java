package org.yqsentinel.alerting.channel;

import java.util.Objects;

/**
 * What became of one attempt to hand a message to a channel: accepted (with the id the server or provider
 * gave it), worth trying again later (the server is down, busy or throttling), refused for good (a bad
 * address, a rejected template, wrong credentials), so that retrying would only repeat the refusal, or in
 * doubt: the request went out and no answer came, so the message may have arrived (its receipt is checked
 * before anything is sent again).
 *
 * @param detail the provider's message id when sent; otherwise why, for the delivery record and the log
 */
public record SendResult(Outcome outcome, String detail) {

    public enum Outcome { SENT, RETRY, GIVE_UP, IN_DOUBT }

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    public static SendResult sent(String providerId) {
        return new SendResult(Outcome.SENT, providerId);
    }

    public static SendResult retry(String reason) {
        return new SendResult(Outcome.RETRY, reason);
    }

    public static SendResult giveUp(String reason) {
        return new SendResult(Outcome.GIVE_UP, reason);
    }

    public static SendResult inDoubt(String reason) {
        return new SendResult(Outcome.IN_DOUBT, reason);
    }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
