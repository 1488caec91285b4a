package org.yqsentinel.rules.control;

import java.time.Instant;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.topic.TopicRules;

/**
 * The risk and topic rules in force, and the updates that arrive on {@code yq.control}: a file that
 * passes validation replaces its rules (the caller applies them from the next window on); a file that
 * fails is refused with its errors (file, line, what to fix) and the rules in force stay. Not
 * thread-safe: one per task, as Flink broadcast state.
 */
public final class LiveRules {

    /** What became of an update: accepted or refused, and a line for the operator's log. */
    public record Outcome(boolean accepted, String message) {}

    private RiskRules risk;
    private TopicRules topics;

    public LiveRules(RiskRules risk, TopicRules topics) {
        this.risk = risk;
        this.topics = topics;
    }

    public RiskRules risk() {
        return risk;
    }

    public TopicRules topics() {
        return topics;
    }

    public Outcome apply(ControlMessage.RulesUpdate update) {
        String name = update.file() + " (yq.control, " + update.at() + ")";
        try {
            switch (update.file()) {
                case "risk.yaml" -> risk = RiskRules.parse(name, update.text());
                case "topics.yaml" -> topics = TopicRules.parse(name, update.text());
                default -> {
                    return new Outcome(false, "refused " + name + ": this file cannot be updated at run time");
                }
            }
        } catch (RuleException e) {
            return new Outcome(false, "refused, the rules in force stay: " + e.getMessage());
        }
        return new Outcome(true, "in force from the next window: " + name);
    }

    /** When {@code update} takes effect for a window ending at {@code windowEnd}: not before its own time. */
    public static boolean inForceFor(ControlMessage update, Instant windowEnd) {
        return !windowEnd.isBefore(update.at());
    }
}
