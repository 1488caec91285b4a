package org.yqsentinel.model;

import java.time.Instant;

/** One entry of a case's timeline: an alert event, a status change, an acknowledgement. */
public record CaseEvent(Instant at, String kind, String alertId, Tier tier, CaseStatus status, String note) {}
