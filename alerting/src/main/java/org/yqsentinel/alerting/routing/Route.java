package org.yqsentinel.alerting.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Region;
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
     * @param topics      the policy's main topic from the topic rules (教育, 住房, …)
     * @param regions     places the policy applies to, each a province or a city; written short (湖北, 武汉) or in
     *                    full (湖北省, 武汉市, 广西壮族自治区)
     * @param departments the responsible department (涉事责任部门)
     * @param policies    policy ids
     */
    public record Match(Set<Tier> tiers, Set<String> topics, Set<String> regions, Set<String> departments, Set<String> policies) {

        public static final Match ALL = new Match(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        /** Full names of provinces ending so, as opposed to cities; 北京市, 上海市, 天津市 and 重庆市 are both. */
        private static final List<String> PROVINCE_SUFFIXES = List.of("省", "自治区", "特别行政区");
        private static final Set<String> MUNICIPALITIES = Set.of("北京", "上海", "天津", "重庆");
        private static final List<String> CITY_SUFFIXES = List.of("市", "地区", "盟", "自治州");

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
         * Whether a place as written in {@code routing.yaml} is the region's province or city. The region holds short
         * names (湖北, 武汉); a written name is either that short name or it with its administrative suffix (湖北省,
         * 武汉市, 广西壮族自治区, 恩施土家族苗族自治州). So 吉林市 is the city and 吉林省 the province.
         */
        static boolean inRegion(String written, Region region) {
            return names(written, region.province(), PROVINCE_SUFFIXES, MUNICIPALITIES.contains(region.province()))
                    || region.city() != null && names(written, region.city(), CITY_SUFFIXES, false);
        }

        private static boolean names(String written, String place, List<String> suffixes, boolean orCity) {
            if (written.equals(place)) {
                return true;
            }
            if (!written.startsWith(place)) {
                return false;
            }
            String suffix = written.substring(place.length());
            if (orCity && suffix.equals("市")) {
                return true;
            }
            // 自治区 and 自治州 may carry the peoples' names before them: 广西壮族自治区, 恩施土家族苗族自治州
            return suffixes.stream().anyMatch(s -> suffix.equals(s) || s.startsWith("自治") && suffix.endsWith("族" + s));
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
