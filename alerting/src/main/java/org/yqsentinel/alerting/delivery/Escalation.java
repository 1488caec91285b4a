package org.yqsentinel.alerting.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Alert;

/**
 * Escalation: when the respond-by time of an event approaches (its route's {@code escalate-before}) and nobody
 * acknowledged the case since the service learned of the event, the route's {@code escalate-to} receivers are told.
 * The response time counts from when the service learned of the event, so an event that arrives late (a backlog)
 * does not escalate at once. What of a case comes due within the route's group wait goes out as one report telling
 * the case's latest event. A case resolved, or acknowledged after the event, settles its escalation.
 */
final class Escalation {

    /** An event that asks for a response by a time, through one route that escalates, and whether that is settled. */
    static final class Demand {
        final Alert alert;
        final Instant acceptedAt;
        final Instant escalateAt;
        final Route route;
        boolean settled;

        Demand(Alert alert, Instant acceptedAt, Instant escalateAt, Route route) {
            this.alert = alert;
            this.acceptedAt = acceptedAt;
            this.escalateAt = escalateAt;
            this.route = route;
        }
    }

    private final RoutingRules routing;
    private final Targets targets;
    /** Cases with escalations not yet settled: the only ones a planning tick looks at. */
    private final Set<CaseView> demanding = new LinkedHashSet<>();

    Escalation(RoutingRules routing, Targets targets) {
        this.routing = routing;
        this.targets = targets;
    }

    /** Takes the demands of an event the service learned of at {@code at}: one per route of it that escalates. */
    void learn(CaseView view, Alert alert, Instant at) {
        if (alert.respondBy() == null) {
            return;
        }
        Duration late = Duration.between(alert.windowEnd(), at);
        Instant respondBy = late.isNegative() ? alert.respondBy() : alert.respondBy().plus(late);
        for (Route route : routing.routesFor(alert)) {
            if (!route.options().escalateTo().isEmpty()) {
                view.demands.add(new Demand(alert, at, respondBy.minus(route.options().escalateBefore()), route));
                demanding.add(view);
            }
        }
    }

    /** At a restart: a report in the ledger settles the demands of the events it covers. */
    static void settledBy(CaseView view, Delivery report) {
        view.demands.stream().filter(d -> report.alertIds().contains(d.alert.id())).forEach(d -> d.settled = true);
    }

    /** When the case's first unsettled escalation is due, if one is. */
    static Optional<Instant> due(CaseView view) {
        return view.demands.stream().filter(d -> !d.settled).map(d -> d.escalateAt).min(Comparator.naturalOrder());
    }

    /** The reports due at {@code now}; the demands they cover, and those a resolution or an acknowledgement settled, are settled. */
    List<Draft> due(Instant now) {
        List<Draft> reports = new ArrayList<>();
        for (Iterator<CaseView> it = demanding.iterator(); it.hasNext(); ) {
            CaseView view = it.next();
            for (Demand demand : view.demands) {
                if (!demand.settled && (!view.open() || view.acknowledgedSince(demand.acceptedAt))) {
                    demand.settled = true;
                }
            }
            for (Demand demand : view.demands) {
                if (demand.settled || now.isBefore(demand.escalateAt)) {
                    continue;
                }
                // what comes due within the group wait goes out as one report telling the case's latest event
                Instant until = now.plus(demand.route.options().groupWait());
                List<Demand> together = view.demands.stream().filter(d -> !d.settled && !d.escalateAt.isAfter(until)).toList();
                Set<String> receivers = new LinkedHashSet<>();
                together.forEach(d -> {
                    d.settled = true;
                    receivers.addAll(d.route.options().escalateTo());
                });
                List<String> covered = together.stream().map(d -> d.alert.id()).distinct().toList();
                for (Target target : targets.ofReceivers(List.copyOf(receivers))) {
                    reports.add(new Draft(Delivery.idOf(Purpose.ESCALATION, demand.alert.id(), target, 0), Purpose.ESCALATION, view.latest,
                            covered, demand.route, target, now, "nobody acknowledged the case " + demand.route.options().escalateBefore().toMinutes()
                                    + " min before its respond-by time"));
                }
            }
            if (view.demands.stream().allMatch(d -> d.settled)) {
                it.remove();
            }
        }
        return reports;
    }
}
