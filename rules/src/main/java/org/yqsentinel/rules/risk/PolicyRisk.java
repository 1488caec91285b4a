package org.yqsentinel.rules.risk;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.RiskPoint;

/**
 * Closes one window of one policy: merges its tallies into the window and its baseline, scores it,
 * moves the tier, makes the alert event if the tier changed, and brings the case up to date. What a
 * Flink timer at a slide end does, as plain logic. Immutable and thread-safe; one per version of the rules.
 */
public final class PolicyRisk {

    /**
     * What a closed window gives: the point of the risk time series, the alert event (or null), the case
     * after it (null while no episode has opened one), and the episode to keep.
     */
    public record Window(RiskPoint point, Alert alert, CaseRecord caseRecord, AlertMaker.Episode episode) {}

    private final RiskRules rules;
    private final RiskScorer scorer;
    private final AlertMaker alerts;
    private final List<String> cueWords;

    public PolicyRisk(RiskRules rules) {
        this.rules = rules;
        this.scorer = new RiskScorer(rules);
        this.alerts = new AlertMaker(rules);
        this.cueWords = rules.responseCueWords();
    }

    /** The response classes' words a window counts the posts of (made once per rule set). */
    public List<String> cueWords() {
        return cueWords;
    }

    public RiskRules rules() {
        return rules;
    }

    /**
     * The window of {@code policy} ending at {@code end}; windows must be closed in event-time order.
     *
     * @param current the case of the episode so far, or null
     * @param quote   how a top post is quoted (de-identified) in the alert and the case
     */
    public Window close(WatchedPolicy policy, SlidingTallies tallies, AlertMaker.Episode episode, CaseRecord current,
                        Instant end, Function<Item, PostRef> quote) {
        WindowTally window = tallies.window(end);
        RiskScorer.Score score = scorer.score(window.stats(tallies.recentPerWindow(end), tallies.baselinePerWindow(end), policy.preIssuance()));
        Instant start = end.minus(rules.windows().size());
        List<PostRef> top = window.topPosts().stream().map(quote).toList();
        List<ResponseClass> classes = ResponseClassifier.classify(rules.responseClasses(), policy.subject().topic(), window.cueWords(),
                score.factors());
        AlertMaker.Outcome outcome = alerts.next(episode, policy.subject(), score, start, end, top, classes);
        Alert alert = outcome.alert();
        CaseRecord record = current;
        if (alert != null) {
            record = CaseBook.apply(alert.type() == AlertEventType.OPENED ? null : current, alert);
        }
        RiskPoint point = new RiskPoint(RiskPoint.idOf(policy.id(), end), policy.id(), policy.document().title(), start, end,
                score.value(), outcome.episode().tiers().tier(), window.posts(), score.factors());
        return new Window(point, alert, record, outcome.episode());
    }
}
