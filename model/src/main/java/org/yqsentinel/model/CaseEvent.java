package org.yqsentinel.model;

import java.time.Instant;

/**
 * One entry of a case's timeline: an alert event, a person's step (acknowledged, responded, closed, reopened,
 * assigned), or the effect of a response measured.
 *
 * @param kind   an alert event type ({@code ESCALATED}) or a step ({@code ACKNOWLEDGED}, {@code RESPONDED},
 *               {@code EVALUATED}, {@code CLOSED}, {@code REOPENED}, {@code ASSIGNED})
 * @param status the case's status after the entry
 * @param by     who took the step, null for the job's entries
 */
public record CaseEvent(Instant at, String kind, String alertId, Tier tier, CaseStatus status, String note, String by) {

    /** An entry of the job's. */
    public CaseEvent(Instant at, String kind, String alertId, Tier tier, CaseStatus status, String note) {
        this(at, kind, alertId, tier, status, note, null);
    }
}
