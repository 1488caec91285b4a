package org.yqsentinel.alerting.delivery;

/** Where a delivery stands. Every status but {@code PENDING} is final. */
public enum Status {
    /** Waiting: for its group wait, a retry, or room under the rate limit. */
    PENDING,
    /** The channel took it. */
    SENT,
    /** Given up: refused for good, or out of attempts. */
    FAILED,
    /** A later escalation of the same case made it stale before it went out. */
    INHIBITED,
    /** A silence matched it. */
    SILENCED,
    /** An SMS below Ⅰ红 in the route's quiet hours; the other channels still tell. */
    QUIET;

    public boolean isFinal() {
        return this != PENDING;
    }
}
