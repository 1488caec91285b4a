package org.yqsentinel.rules.control;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.risk.RiskRules;

/**
 * The risk rules in force over event time: the rules the job started with, and each update published to
 * {@code yq.control} from its {@code at} on. A file that passes validation applies to the windows that end
 * at or after its time; a file that fails is refused with its errors (file, line, what to fix) and the
 * rules in force stay. The slide of the windows cannot change at run time (the counted buckets are cut
 * by it); such an update is refused too. Deterministic: the same updates give the same rules for every
 * window, whatever order they arrive in. Not thread-safe: one per task, rebuilt from Flink broadcast state.
 */
public final class LiveRules {

    /** What became of an update: accepted or refused, and a line for the operator's log. */
    public record Outcome(boolean accepted, String message) {}

    private final RiskRules initial;
    private final TreeMap<Instant, RiskRules> updates = new TreeMap<>();

    public LiveRules(RiskRules initial) {
        this.initial = initial;
    }

    /** The rules of a window ending at {@code windowEnd} (or of a post published then). */
    public RiskRules riskAt(Instant windowEnd) {
        Map.Entry<Instant, RiskRules> update = updates.floorEntry(windowEnd);
        return update == null ? initial : update.getValue();
    }

    /** The rules of the latest update, or the initial rules. */
    public RiskRules latest() {
        return updates.isEmpty() ? initial : updates.lastEntry().getValue();
    }

    public Outcome apply(ControlMessage.RulesUpdate update) {
        String name = update.file() + " (yq.control, " + update.at() + ")";
        if (!update.file().equals(RiskRules.FILE)) {
            return new Outcome(false, "refused " + name + ": only " + RiskRules.FILE + " can be updated at run time");
        }
        RiskRules rules;
        try {
            rules = RiskRules.parse(name, update.text());
        } catch (RuleException e) {
            return new Outcome(false, "refused, the rules in force stay: " + e.getMessage());
        }
        if (!rules.windows().slide().equals(initial.windows().slide())) {
            return new Outcome(false, "refused, the rules in force stay: " + name + ": window.slide-minutes cannot change"
                    + " at run time (it is " + initial.windows().slide().toMinutes() + "); restart the job to change it");
        }
        updates.put(update.at(), rules);
        return new Outcome(true, "in force for windows ending from " + update.at() + " on: " + name);
    }
}
