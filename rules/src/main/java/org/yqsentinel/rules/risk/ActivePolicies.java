package org.yqsentinel.rules.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Zones;

/**
 * The policies being watched at an event time: a policy becomes active at the start of its 发布日期
 * (Beijing time; its 成文日期 when no 发布日期 is given), stays active for the watch period, and ends
 * earlier when a retirement for it takes effect. A newer version of a policy (same id) replaces the
 * older. Mutable; in Flink, broadcast state.
 */
public final class ActivePolicies {


    private final int watchDays;
    private final Map<String, PolicyDocument> policies = new TreeMap<>();
    private final Map<String, Instant> retiredAt = new HashMap<>();

    public ActivePolicies(int watchDays) {
        this.watchDays = watchDays;
    }

    public void add(PolicyDocument policy) {
        policies.put(policy.id(), policy);
    }

    /** The policy is not watched from {@code at} on (earlier retirements of it stand). */
    public void retire(String policyId, Instant at) {
        retiredAt.merge(policyId, at, (old, now) -> old.isBefore(now) ? old : now);
    }

    /** When the policy starts being watched, or null when it has no date to start from. */
    public static Instant activeFrom(PolicyDocument policy) {
        LocalDate day = policy.publishedOn() != null ? policy.publishedOn() : policy.writtenOn();
        return day == null ? null : day.atStartOfDay(Zones.BEIJING).toInstant();
    }

    /** The policies active at {@code at}, in id order. */
    public List<PolicyDocument> at(Instant at) {
        List<PolicyDocument> active = new ArrayList<>();
        for (PolicyDocument policy : policies.values()) {
            Instant from = activeFrom(policy);
            Instant retired = retiredAt.get(policy.id());
            if (from != null && !at.isBefore(from) && at.isBefore(from.plus(Duration.ofDays(watchDays)))
                    && (retired == null || at.isBefore(retired))) {
                active.add(policy);
            }
        }
        return active;
    }

    /** Forgets the policies no event at or after {@code at} can reach any more. */
    public void forgetBefore(Instant at) {
        policies.values().removeIf(p -> {
            Instant from = activeFrom(p);
            Instant retired = retiredAt.get(p.id());
            return from == null || !from.plus(Duration.ofDays(watchDays)).isAfter(at)
                    || retired != null && !retired.isAfter(at);
        });
        retiredAt.keySet().retainAll(policies.keySet());
    }
}
