package org.yqsentinel.model;

/** What happened to the tier of a policy or topic episode. */
public enum AlertEventType {
    OPENED, ESCALATED, DEESCALATED, RESOLVED
}
