package org.yqsentinel.alerting.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.region.Level;
import org.yqsentinel.model.region.RegionTable;

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
     * @param topics      the policy's main topic from the topic rules (教育, 住房, …)
     * @param regions     places the policy applies to, each a province or a city; written short (湖北, 武汉) or in
     *                    full (湖北省, 武汉市, 广西壮族自治区)
     * @param departments the responsible department (涉事责任部门)
     * @param policies    policy ids
     */
    public record Match(Set<Tier> tiers, Set<String> topics, Set<String> regions, Set<String> departments, Set<String> policies) {

        public static final Match ALL = new Match(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        public Match {
            tiers = Set.copyOf(tiers);
            topics = Set.copyOf(topics);
            regions = Set.copyOf(regions);
            departments = Set.copyOf(departments);
            policies = Set.copyOf(policies);
        }

        public boolean test(Alert alert) {
            return (tiers.isEmpty() || tiers.contains(alert.tier()))
                    && among(topics, alert.topic())
                    && (regions.isEmpty() || alert.region() != null && regions.stream().anyMatch(written -> inRegion(written, alert.region())))
                    && among(departments, alert.responsibleDepartment())
                    && among(policies, alert.policyId());
        }

        /**
         * Whether a place as written in {@code routing.yaml} is the region's province or city, as the region table reads
         * the name: 湖北 and 湖北省 are the province, 武汉 and 武汉市 the city, 吉林 the province and 吉林市 the city,
         * 北京 and 北京市 the whole municipality. A name the table does not know matches nothing (loading refuses it).
         */
        static boolean inRegion(String written, Region region) {
            return RegionTable.bundled().place(written)
                    .filter(place -> place.province().equals(region.province()))
                    .filter(place -> place.level() == Level.PROVINCE || place.level() == Level.CITY && place.city().equals(region.city()))
                    .isPresent();
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
