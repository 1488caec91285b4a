package org.yqsentinel.alerting.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Tier;

/**
 * One node of the route tree in {@code routing.yaml}, its options already merged with its parents'.
 *
 * @param path      where it is in the file, e.g. {@code route/routes/0}: names the route in logs and deliveries
 * @param match     what an alert event must satisfy to enter it; the root matches everything
 * @param receivers names from the file's {@code receivers}
 * @param proceed   {@code continue: true}: after this route, later sibling routes are tried too
 */
public record Route(String path, Match match, List<String> receivers, Options options, boolean proceed, List<Route> routes) {

    public Route {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
    }

    /**
     * Conditions on an alert event; each set that is not empty must contain the event's value.
     *
     * @param departments the responsible department (涉事责任部门)
     * @param policies    policy ids
     */
    public record Match(Set<Tier> tiers, Set<String> departments, Set<String> policies) {

        public static final Match ALL = new Match(Set.of(), Set.of(), Set.of());

        public Match {
            tiers = Set.copyOf(tiers);
            departments = Set.copyOf(departments);
            policies = Set.copyOf(policies);
        }

        public boolean test(Alert alert) {
            return (tiers.isEmpty() || tiers.contains(alert.tier()))
                    && among(departments, alert.responsibleDepartment())
                    && among(policies, alert.policyId());
        }

        private static boolean among(Set<String> values, String value) {
            return values.isEmpty() || value != null && values.contains(value);
        }
    }

    /**
     * How a route notifies.
     *
     * @param groupWait      events of one case within this time go out as one notification
     * @param repeatInterval a case still open is notified again after this long
     * @param quietHours     no SMS then, except for Ⅰ红; null for none
     * @param escalateBefore escalate this long before the respond-by time when nobody has acknowledged
     * @param escalateTo     receivers told then; empty for no escalation
     */
    public record Options(Duration groupWait, Duration repeatInterval, QuietHours quietHours, Duration escalateBefore,
                          List<String> escalateTo) {

        public Options {
            escalateTo = List.copyOf(escalateTo);
        }
    }

    /**
     * The routes that deliver an event, in file order: the deepest matching routes below this one, or this
     * one when none of its children matches. Empty when this route does not match.
     */
    public List<Route> resolve(Alert alert) {
        if (!match.test(alert)) {
            return List.of();
        }
        List<Route> found = new ArrayList<>();
        for (Route child : routes) {
            List<Route> below = child.resolve(alert);
            found.addAll(below);
            if (!below.isEmpty() && !child.proceed()) {
                break;
            }
        }
        return found.isEmpty() ? List.of(this) : found;
    }
}
