package org.yqsentinel.alerting.delivery;

/** Why a notification is sent. */
public enum Purpose {
    /** An alert event, as its routes say. */
    NOTICE,
    /** A reminder of a case still open and not acknowledged, after the route's repeat interval. */
    REPEAT,
    /** The respond-by time approaches and nobody acknowledged: the route's escalation receivers are told. */
    ESCALATION
}
