package org.yqsentinel.pipeline.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.pipeline.control.ControlEvent;
import org.yqsentinel.rules.control.ControlMessage;
import org.yqsentinel.rules.control.LiveRules;
import org.yqsentinel.rules.risk.ActivePolicies;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * What the linking and risk operators know of the policies and the rules, as broadcast state (the same
 * on every subtask, checkpointed): the watched policies, their retirements, and the accepted updates of the
 * risk rules by the event time they take effect. Each operator keeps a {@link View} of it in memory,
 * rebuilt after a restore and kept in step with every broadcast event.
 */
public final class Watchlist {

    public static final MapStateDescriptor<String, WatchedPolicy> POLICIES =
            new MapStateDescriptor<>("watched-policies", Types.STRING, TypeInformation.of(WatchedPolicy.class));
    public static final MapStateDescriptor<String, Long> RETIREMENTS =
            new MapStateDescriptor<>("policy-retirements", Types.STRING, Types.LONG);
    public static final MapStateDescriptor<Long, String> RULES =
            new MapStateDescriptor<>("risk-rule-updates", Types.LONG, Types.STRING);

    /** A policy is forgotten this long after its watch period, so an episode still open then can finish. */
    private static final int KEEP_DAYS_AFTER_WATCH = 30;
    private static final Logger LOG = LoggerFactory.getLogger(Watchlist.class);

    private Watchlist() {}

    /** The policies, retirements and rules in force over event time, in memory. */
    public static final class View {
        private final LiveRules rules;
        private final Map<String, WatchedPolicy> policies = new HashMap<>();
        private ActivePolicies active;

        View(RiskRules initial) {
            this.rules = new LiveRules(initial);
        }

        public LiveRules rules() {
            return rules;
        }

        public WatchedPolicy policy(String id) {
            return policies.get(id);
        }

        /** The policies watched at {@code at}, by the watch period of the latest rules. */
        public ActivePolicies active() {
            if (active == null) {
                active = new ActivePolicies(rules.latest().watchDays());
                policies.values().forEach(p -> active.add(p.document()));
            }
            return active;
        }

        private void changed() {
            active = null;
        }
    }

    /** The view of the policies given to the job and of the broadcast state as restored (or empty at the first start). */
    public static View view(RiskRules initial, GivenPolicies given, ReadOnlyBroadcastState<String, WatchedPolicy> policies,
                            ReadOnlyBroadcastState<String, Long> retirements, ReadOnlyBroadcastState<Long, String> rules)
            throws Exception {
        View view = new View(initial);
        for (Map.Entry<Long, String> update : rules.immutableEntries()) {
            view.rules.apply(new ControlMessage.RulesUpdate(RiskRules.FILE, update.getValue(),
                    Instant.ofEpochMilli(update.getKey())));
        }
        for (WatchedPolicy policy : given.policies()) {
            view.policies.put(policy.id(), policy);
        }
        for (Map.Entry<String, WatchedPolicy> policy : policies.immutableEntries()) {
            view.policies.put(policy.getKey(), policy.getValue());
        }
        ActivePolicies active = view.active();
        for (Map.Entry<String, Long> retirement : retirements.immutableEntries()) {
            active.retire(retirement.getKey(), Instant.ofEpochMilli(retirement.getValue()));
        }
        return view;
    }

    /**
     * Applies a broadcast event to the state and the view. Every subtask applies the same events in the
     * same order, so their states agree. {@code log} is true on the one subtask that reports to the log.
     */
    public static void apply(ControlEvent event, View view, BroadcastState<String, WatchedPolicy> policies,
                             BroadcastState<String, Long> retirements, BroadcastState<Long, String> rules, boolean log)
            throws Exception {
        if (event.policy() != null) {
            WatchedPolicy policy = event.policy();
            policies.put(policy.id(), policy);
            view.policies.put(policy.id(), policy);
            forgetLongFinished(policy, view, policies, retirements);
            view.changed();
            reapplyRetirements(view, retirements);
            if (log) {
                LOG.info("watching policy {} 《{}》 from {} (pre-issuance risk {})", policy.id(), policy.document().title(),
                        policy.watchedFrom(), policy.preIssuance());
            }
        } else if (event.retirement() != null) {
            Long at = event.retirement().at().toEpochMilli();
            Long earlier = retirements.get(event.retirement().policyId());
            retirements.put(event.retirement().policyId(), earlier == null ? at : Math.min(earlier, at));
            view.active().retire(event.retirement().policyId(), event.retirement().at());
            if (log) {
                LOG.info("policy {} retired from {}{}", event.retirement().policyId(), event.retirement().at(),
                        event.retirement().reason() == null ? "" : " (" + event.retirement().reason() + ")");
            }
        } else if (event.rules() != null) {
            LiveRules.Outcome outcome = view.rules.apply(event.rules());
            if (outcome.accepted()) {
                rules.put(event.rules().at().toEpochMilli(), event.rules().text());
                view.changed();
                reapplyRetirements(view, retirements);
            }
            if (log) {
                if (outcome.accepted()) {
                    LOG.info("risk rules {}", outcome.message());
                } else {
                    LOG.warn("risk rules update {}", outcome.message());
                }
            }
        }
    }

    private static void reapplyRetirements(View view, BroadcastState<String, Long> retirements) throws Exception {
        ActivePolicies active = view.active();
        for (Map.Entry<String, Long> retirement : retirements.entries()) {
            active.retire(retirement.getKey(), Instant.ofEpochMilli(retirement.getValue()));
        }
    }

    /** Policies whose watch ended long before the newest one began are dropped from state. */
    private static void forgetLongFinished(WatchedPolicy newest, View view, BroadcastState<String, WatchedPolicy> policies,
                                           BroadcastState<String, Long> retirements) throws Exception {
        Instant from = newest.watchedFrom();
        if (from == null) {
            return;
        }
        int watchDays = view.rules.latest().watchDays();
        Instant horizon = from.minus(Duration.ofDays(KEEP_DAYS_AFTER_WATCH));
        List<String> finished = new ArrayList<>();
        for (Map.Entry<String, WatchedPolicy> entry : policies.entries()) {
            Instant until = entry.getValue().watchedUntil(watchDays);
            if (until == null || until.isBefore(horizon)) {
                finished.add(entry.getKey());
            }
        }
        for (String id : finished) {
            policies.remove(id);
            retirements.remove(id);
            view.policies.remove(id);
        }
    }
}
