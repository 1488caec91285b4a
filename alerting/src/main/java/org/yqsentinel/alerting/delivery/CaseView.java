package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;

/** What the book knows of one case: its latest event, the events that ask for a response, who acknowledged it, its notifications. */
final class CaseView {

    Alert latest;
    final List<Escalation.Demand> demands = new ArrayList<>();
    final List<Acknowledgement> acks = new ArrayList<>();
    /** The ids of its notifications, in the order they were made. */
    final List<String> deliveries = new ArrayList<>();
    /** No reminder of the case is due before this; null when its notifications changed since it was worked out. */
    Instant nextRepeat;

    boolean open() {
        return latest != null && latest.type() != AlertEventType.RESOLVED;
    }

    boolean acknowledgedSince(Instant at) {
        return acks.stream().anyMatch(a -> !a.at().isBefore(at));
    }

    /** Acknowledged after the last event that asked for a response (or at all, when none did). */
    boolean acknowledged() {
        Instant lastDemand = demands.stream().map(d -> d.acceptedAt).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        return acknowledgedSince(lastDemand);
    }
}
