package org.yqsentinel.alerting.delivery;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.alerting.routing.RoutingRules;

/**
 * Where a receiver of {@code routing.yaml} is told: each member by e-mail and by SMS where the member has them, and
 * each of its robots. A target reached by several routes is told once, by the route that waits least for it.
 */
final class Targets {

    private final RoutingRules routing;

    Targets(RoutingRules routing) {
        this.routing = routing;
    }

    /** The targets of these routes, each once, with the route that waits least for it. */
    Map<Target, Route> of(List<Route> routes) {
        Map<Target, Route> targets = new LinkedHashMap<>();
        for (Route route : routes) {
            for (Target target : ofReceivers(route.receivers())) {
                targets.merge(target, route, (a, b) -> b.options().groupWait().compareTo(a.options().groupWait()) < 0 ? b : a);
            }
        }
        return targets;
    }

    /** The targets of these receivers, each once, in the order of the file. */
    Set<Target> ofReceivers(List<String> receiverNames) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String name : receiverNames) {
            RoutingRules.Receiver receiver = routing.receivers().get(name);
            for (RoutingRules.Member member : receiver.members()) {
                if (member.email() != null) {
                    targets.add(new Target(name, member.name(), Medium.EMAIL, member.email()));
                }
                if (member.mobile() != null) {
                    targets.add(new Target(name, member.name(), Medium.SMS, member.mobile()));
                }
            }
            for (RoutingRules.Webhook webhook : receiver.webhooks()) {
                Medium medium = webhook.kind() == RoutingRules.Webhook.Kind.DINGTALK ? Medium.DINGTALK : Medium.WECOM;
                targets.add(new Target(name, null, medium, webhook.url().toString()));
            }
        }
        return targets;
    }
}
