package org.yqsentinel.alerting.delivery;

import org.yqsentinel.alerting.channel.Receipt;

/**
 * What becomes of an attempt in doubt (under way when the service stopped, or unanswered), by what its channel
 * can tell of its receipt: a message the provider has is not sent again; one it has not is sent again; when
 * nobody can tell, only e-mail is sent again, under the same Message-ID (mail clients that thread by it show it
 * once, and the local outbox keeps it once), while SMS and chat robots are not: at most once rather than twice.
 */
public enum InDoubt {
    /** The provider has it: settled as sent. */
    ARRIVED,
    /** Sent again, now. */
    SEND_AGAIN,
    /** Not sent again, recorded as {@link Status#IN_DOUBT}. */
    NOT_AGAIN,
    /** The provider could not be asked: asked again after the retry wait. */
    ASK_AGAIN;

    public static InDoubt decide(Medium medium, Receipt.Answer answer) {
        return switch (answer) {
            case ARRIVED -> ARRIVED;
            case MISSING -> SEND_AGAIN;
            case UNKNOWN -> medium == Medium.EMAIL ? SEND_AGAIN : NOT_AGAIN;
            case UNANSWERED -> ASK_AGAIN;
        };
    }
}
