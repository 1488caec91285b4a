package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.model.Alert;

/**
 * Grouping: events of one case for one target within the route's group wait go out as one notification, telling
 * the latest. An event joins its case's notice to the target that is still waiting and was never tried; otherwise it
 * makes a new notice, due after the group wait.
 */
final class Grouping {

    private Grouping() {}

    /** The notice of the case to this target that a new event joins: still waiting, never tried, not being checked. */
    static Optional<Delivery> waiting(Collection<Delivery> ofCase, Target target, Set<String> inFlight) {
        return ofCase.stream()
                .filter(d -> d.purpose() == Purpose.NOTICE && d.target().equals(target) && d.status() == Status.PENDING
                        && d.attempts() == 0 && !inFlight.contains(d.id()))
                .findFirst();
    }

    /** The waiting notice with the event joined: due by the event's group wait when that is sooner. */
    static Delivery join(Delivery waiting, Alert alert, Route route, Instant now) {
        return waiting.grouped(alert, now.plus(route.options().groupWait()), now);
    }

    /** A new notice of the event to the target, due after the route's group wait. */
    static Draft notice(Alert alert, Route route, Target target, Instant now) {
        return new Draft(Delivery.idOf(Purpose.NOTICE, alert.id(), target, 0), Purpose.NOTICE, alert, List.of(alert.id()), route, target,
                now.plus(route.options().groupWait()), "waiting " + route.options().groupWait().toSeconds() + " s for more events of the case");
    }
}
