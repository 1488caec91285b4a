package org.yqsentinel.alerting.delivery;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;

/**
 * People kept informed: when a case calms down (an event that lowers its tier or resolves it), everyone already told
 * about the case is told too, also those its routes no longer reach: the leader an escalation report woke, the
 * receivers of a route for the higher tiers. Each gets a notice through the route that told them before, so it is
 * grouped, muted and rate-limited like any other.
 */
final class KeepInformed {

    private KeepInformed() {}

    /**
     * The targets told about the case before, by the route that told them first, that the event's own routes do not
     * reach; nothing for an event that does not calm the case.
     *
     * @param routed  the targets the event's routes reach
     * @param routeOf the route of a delivery's route path
     */
    static Map<Target, Route> alsoTell(Alert alert, Collection<Delivery> ofCase, Set<Target> routed, Function<String, Route> routeOf) {
        if (alert.type() != AlertEventType.DEESCALATED && alert.type() != AlertEventType.RESOLVED) {
            return Map.of();
        }
        Map<Target, Route> informed = new LinkedHashMap<>();
        ofCase.stream().filter(DeliveryBook::told).filter(d -> !routed.contains(d.target()))
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id))
                .forEach(d -> informed.putIfAbsent(d.target(), routeOf.apply(d.route())));
        return informed;
    }
}
