package org.yqsentinel.rules.risk;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;

/**
 * Turns a policy's window scores into alert events. The tier follows {@link TierTracker}; every change
 * becomes an {@link Alert} with a deterministic id (policy, type, tier, window end), the factor
 * breakdown, the top posts, the responsible department, the policy's topic and region (for routing), and
 * — when it opens or escalates — a respond-by time from the tier. The first alert of an episode opens its
 * case; every later alert of the episode carries that case's id. Plain logic: the caller keeps the
 * {@link Episode} per policy.
 */
public final class AlertMaker {

    /** Where a policy stands: its tier state, and the case of its current episode (null between episodes). */
    public record Episode(TierTracker.State tiers, String caseId) {
        public static final Episode NONE = new Episode(TierTracker.State.NONE, null);
    }

    /** What a policy's alerts are about: its id, its title, who responds, its main topic and its region (the last three may be null). */
    public record Subject(String id, String title, String responsibleDepartment, String topic, Region region) {}

    /** The episode after a window, and the alert event the window raised, or null. */
    public record Outcome(Episode episode, Alert alert) {}

    private final TierTracker tracker;
    private final RiskRules rules;

    public AlertMaker(RiskRules rules) {
        this.rules = rules;
        this.tracker = new TierTracker(rules);
    }

    /** The outcome of one window's score; windows must come in event-time order. */
    public Outcome next(Episode episode, Subject subject, RiskScorer.Score score, Instant windowStart, Instant windowEnd,
                        List<PostRef> topItems) {
        return next(episode, subject, score, windowStart, windowEnd, topItems, List.of());
    }

    /** The same, the event (if any) of these response classes. */
    public Outcome next(Episode episode, Subject subject, RiskScorer.Score score, Instant windowStart, Instant windowEnd,
                        List<PostRef> topItems, List<ResponseClass> responseClasses) {
        return next(episode, subject, score, windowStart, windowEnd, () -> topItems, responseClasses);
    }

    /** The same, the top posts quoted only when the window raises an event (quoting masks personal data: not free). */
    public Outcome next(Episode episode, Subject subject, RiskScorer.Score score, Instant windowStart, Instant windowEnd,
                        Supplier<List<PostRef>> topItems, List<ResponseClass> responseClasses) {
        TierTracker.Step step = tracker.next(episode.tiers(), score.value(), windowEnd);
        TierTracker.Change change = step.change();
        if (change == null) {
            return new Outcome(new Episode(step.state(), episode.caseId()), null);
        }
        Tier tier = change.to() != null ? change.to() : change.from();  // a resolution names the tier it ends
        String id = Alert.idOf(subject.id(), change.type(), tier, windowEnd);
        String caseId = change.type() == AlertEventType.OPENED ? CaseRecord.idOf(id) : episode.caseId();
        boolean demandsResponse = change.type() == AlertEventType.OPENED || change.type() == AlertEventType.ESCALATED;
        Instant respondBy = demandsResponse ? windowEnd.plus(rules.tiers().get(tier).respondWithin()) : null;
        Alert alert = new Alert(id, change.type(), subject.id(), subject.title(), caseId, tier, change.from(), score.value(),
                windowStart, windowEnd, score.factors(), topItems.get(), subject.responsibleDepartment(), subject.topic(), subject.region(),
                respondBy, responseClasses);
        Episode next = change.type() == AlertEventType.RESOLVED ? Episode.NONE : new Episode(step.state(), caseId);
        return new Outcome(next, alert);
    }
}
