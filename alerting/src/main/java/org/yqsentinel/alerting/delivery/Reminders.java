package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yqsentinel.alerting.routing.Route;

/**
 * Reminders (repeats): a case still open and not acknowledged is told again, target by target, its route's repeat
 * interval after it was last told there, telling its latest event. A target with a notification still under way is
 * not reminded; escalation reports do not count.
 */
final class Reminders {

    private final Function<String, Route> routeByPath;

    /** @param routeByPath the route of a path in {@code routing.yaml}; the top route for a path no longer in it */
    Reminders(Function<String, Route> routeByPath) {
        this.routeByPath = routeByPath;
    }

    /** The reminders due for a case, and when it needs looking at again (never, until its notifications change). */
    record Due(List<Draft> reminders, Instant next) {}

    /** Whether a case is to be looked at now: open cases only, not acknowledged, and not before they need to be. */
    static boolean looksAt(CaseView view, Instant now) {
        return !view.acknowledged() && (view.nextRepeat == null || !now.isBefore(view.nextRepeat));
    }

    /** The reminders of an open case due at {@code now}, given its notifications in the order they were made. */
    Due due(CaseView view, List<Delivery> ofCase, Instant now) {
        Map<Target, List<Delivery>> byTarget = new LinkedHashMap<>();
        for (Delivery d : ofCase) {
            if (d.purpose() != Purpose.ESCALATION) {
                byTarget.computeIfAbsent(d.target(), t -> new ArrayList<>()).add(d);
            }
        }
        List<Draft> reminders = new ArrayList<>();
        Instant next = Instant.MAX;  // a change of the case's notifications (a pending one settling) works it out again
        for (Map.Entry<Target, List<Delivery>> entry : byTarget.entrySet()) {
            List<Delivery> made = entry.getValue();
            if (made.stream().anyMatch(d -> !d.status().isFinal())) {
                continue;
            }
            Optional<Delivery> last = made.stream().filter(DeliveryBook::told).max(Comparator.comparing(Delivery::updatedAt));
            if (last.isEmpty()) {
                continue;
            }
            Route route = routeByPath.apply(last.get().route());
            Instant due = last.get().updatedAt().plus(route.options().repeatInterval());
            if (now.isBefore(due)) {
                next = due.isBefore(next) ? due : next;
                continue;
            }
            int number = (int) made.stream().filter(d -> d.purpose() == Purpose.REPEAT).count() + 1;
            reminders.add(new Draft(Delivery.idOf(Purpose.REPEAT, view.latest.id(), entry.getKey(), number), Purpose.REPEAT, view.latest,
                    List.of(view.latest.id()), route, entry.getKey(), now, "nobody acknowledged the case "
                    + route.options().repeatInterval().toMinutes() + " min after it was last told"));
        }
        return new Due(reminders, next);
    }
}
