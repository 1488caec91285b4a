package org.yqsentinel.alerting.delivery;

/** Where a delivery stands. Every status but {@code PENDING} and {@code SENDING} is final. */
public enum Status {
    /** Waiting: for its group wait, a retry, or room under the rate limit. */
    PENDING,
    /**
     * An attempt is under way: recorded before the channel is called, so that a restart knows what may have gone
     * out. Found so at a restart, or left so by a channel whose answer never came, the attempt is in doubt: its
     * receipt is checked, where the channel can tell, before anything is sent again.
     */
    SENDING,
    /** The channel took it. */
    SENT,
    /** Given up: refused for good, or out of attempts. */
    FAILED,
    /** A later escalation of the same case made it stale before it went out. */
    INHIBITED,
    /** A silence matched it. */
    SILENCED,
    /** An SMS below Ⅰ红 in the route's quiet hours; the other channels still tell. */
    QUIET,
    /**
     * An attempt was under way when the service stopped (or its answer never came), and the channel can neither
     * tell whether it arrived nor take a repeat harmlessly (a chat robot, an SMS gateway without a status query):
     * not sent again, so it arrived at most once.
     */
    IN_DOUBT;

    public boolean isFinal() {
        return this != PENDING && this != SENDING;
    }
}
