package org.yqsentinel.rules.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

/**
 * Tiers with hysteresis, over a policy's scores in event-time order. A tier rises as soon as a score
 * reaches its {@code enter} threshold (straight to the highest tier reached: Ⅳ to Ⅱ in one step if the
 * score says so). It falls only after the score has stayed below the current tier's {@code leave}
 * threshold for the quiet period, and then to the highest tier whose {@code leave} the score still
 * reaches; when there is none, the episode is resolved. Scores that hover around a threshold therefore
 * do not flap. Plain logic: the caller keeps the {@link State} (in Flink, keyed state per policy).
 */
public final class TierTracker {

    /**
     * Where an episode stands: its tier (null when none is open), since when the score has stayed below
     * that tier's leave threshold (null while it has not), and the highest tier of the episode.
     */
    public record State(Tier tier, Instant belowSince, Tier peak) {
        public static final State NONE = new State(null, null, null);
    }

    /** A change of tier; {@code to} is null when the episode is resolved, {@code from} when it opens. */
    public record Change(AlertEventType type, Tier from, Tier to) {}

    /** The state after a score, and the change it made, if any (else null). */
    public record Step(State state, Change change) {}

    private final Map<Tier, RiskRules.Threshold> tiers;
    private final Duration quiet;

    public TierTracker(RiskRules rules) {
        this.tiers = rules.tiers();
        this.quiet = rules.quiet();
    }

    /** The state after {@code score} at event time {@code at}; scores must come in event-time order. */
    public Step next(State state, double score, Instant at) {
        Tier current = state.tier();
        Tier reached = highest(score, true);
        if (reached != null && reached.isMoreSevereThan(current)) {
            Change change = new Change(current == null ? AlertEventType.OPENED : AlertEventType.ESCALATED, current, reached);
            Tier peak = reached.isMoreSevereThan(state.peak()) ? reached : state.peak();
            return new Step(new State(reached, null, peak), change);
        }
        if (current == null) {
            return new Step(state, null);
        }
        if (score >= tiers.get(current).leave()) {
            return new Step(state.belowSince() == null ? state : new State(current, null, state.peak()), null);
        }
        if (state.belowSince() == null) {
            return new Step(new State(current, at, state.peak()), null);
        }
        if (Duration.between(state.belowSince(), at).compareTo(quiet) < 0) {
            return new Step(state, null);
        }
        Tier lower = highest(score, false);
        if (lower == null) {
            return new Step(State.NONE, new Change(AlertEventType.RESOLVED, current, null));
        }
        return new Step(new State(lower, null, state.peak()), new Change(AlertEventType.DEESCALATED, current, lower));
    }

    /** The most severe tier whose enter (or leave) threshold the score reaches, or null. */
    private Tier highest(double score, boolean enter) {
        Tier found = null;
        for (Tier tier : Tier.values()) {
            RiskRules.Threshold threshold = tiers.get(tier);
            if (score >= (enter ? threshold.enter() : threshold.leave())) {
                found = tier;
            }
        }
        return found;
    }
}
