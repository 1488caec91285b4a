package org.yqsentinel.alerting.channel;

import java.util.Objects;

/**
 * What a channel can tell of a message whose attempt is in doubt (under way when the service stopped, or
 * unanswered): whether the provider has it. Asked before anything is sent again.
 *
 * @param detail what the provider answered, or why it could not be asked, for the ledger and the log
 */
public record Receipt(Answer answer, String detail) {

    public enum Answer {
        /** The provider has the message: it is not sent again. */
        ARRIVED,
        /** The provider has no such message: it is sent again. */
        MISSING,
        /** The channel has no way to ask (SMTP, chat robots, a gateway without a status query). */
        UNKNOWN,
        /** The provider could not be asked just now (unreachable, an error): asked again later. */
        UNANSWERED
    }

    public Receipt {
        Objects.requireNonNull(answer, "answer");
        detail = detail == null ? "" : detail;
    }

    public static Receipt arrived(String detail) {
        return new Receipt(Answer.ARRIVED, detail);
    }

    public static Receipt missing(String detail) {
        return new Receipt(Answer.MISSING, detail);
    }

    public static Receipt unknown(String detail) {
        return new Receipt(Answer.UNKNOWN, detail);
    }

    public static Receipt unanswered(String detail) {
        return new Receipt(Answer.UNANSWERED, detail);
    }
}
