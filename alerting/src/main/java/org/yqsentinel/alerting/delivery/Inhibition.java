package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;

/**
 * Inhibition: an {@code ESCALATED} event makes the notifications of its case still waiting that tell a lower tier
 * stale: they are recorded {@link Status#INHIBITED} instead of going out after the escalation.
 */
final class Inhibition {

    private Inhibition() {}

    /**
     * The case's waiting notifications this event inhibits, in the case's order; none unless it is an escalation.
     *
     * @param exempt notifications left as they are: being checked, or just made or grouped by this event
     */
    static List<Delivery> inhibited(Alert alert, Collection<Delivery> ofCase, Predicate<String> exempt, Instant now) {
        if (alert.type() != AlertEventType.ESCALATED) {
            return List.of();
        }
        return ofCase.stream()
                .filter(d -> d.status() == Status.PENDING && !exempt.test(d.id()) && alert.tier().isMoreSevereThan(d.alert().tier()))
                .map(d -> d.with(Status.INHIBITED, d.attempts(), d.dueAt(), now, "inhibited: the case escalated to " + alert.tier().label()
                        + " (" + alert.id() + ") before this " + d.alert().tier().label() + " notification went out"))
                .toList();
    }
}
