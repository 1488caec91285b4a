package org.yqsentinel.pipeline.offline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.yqsentinel.model.Alert;

/**
 * The difference between the alert events of two runs over the same records (the rules in force, and changed rules):
 * which events the change removes, adds, or moves to another tier, time or score. Events are paired in three passes,
 * each over what the earlier passes left: the same id (subject, type, tier and window all equal: changed only if the
 * score differs); then the same subject, type and window (a changed tier); then the same subject, type and tier at the
 * nearest window no more than {@link #NEAREST} apart (a changed time). What stays unpaired was removed or added.
 * Deterministic: the changes come by event time (the earlier run's, else the later's), then id.
 */
public final class AlertDiff {

    /** How far apart in event time two events of one subject, type and tier may be to count as one event moved. */
    public static final Duration NEAREST = Duration.ofHours(6);
    private static final double SCORE_EPSILON = 1e-9;

    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One difference. {@code before} is the event under the rules in force (null when added), {@code after} under the
     * changed rules (null when removed); {@code fields} names what changed of a changed event: tier, time, score.
     */
    public record Change(Kind change, Alert before, Alert after, List<String> fields) {

        public Change {
            fields = List.copyOf(fields);
        }

        /** The event as it was, else as it is. */
        public Alert either() {
            return before != null ? before : after;
        }
    }

    private AlertDiff() {}

    public static List<Change> between(List<Alert> before, List<Alert> after) {
        List<Alert> left = new ArrayList<>(before);
        List<Alert> right = new ArrayList<>(after);
        List<Change> changes = new ArrayList<>();
        pair(left, right, Alert::id, changes);
        pair(left, right, a -> a.subjectId() + "\u0000" + a.type() + "\u0000" + a.windowEnd(), changes);
        pairNearest(left, right, changes);
        left.forEach(a -> changes.add(new Change(Kind.REMOVED, a, null, List.of())));
        right.forEach(a -> changes.add(new Change(Kind.ADDED, null, a, List.of())));
        changes.sort(Comparator.comparing((Change c) -> c.either().windowEnd()).thenComparing(c -> c.either().id()));
        return changes;
    }

    /** Pairs events with equal keys, in order; removes the paired ones from both lists. */
    private static void pair(List<Alert> left, List<Alert> right, Function<Alert, String> key, List<Change> changes) {
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        right.forEach(a -> byKey.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
        List<Alert> unpaired = new ArrayList<>();
        for (Alert a : left) {
            List<Alert> candidates = byKey.get(key.apply(a));
            if (candidates == null || candidates.isEmpty()) {
                unpaired.add(a);
                continue;
            }
            Alert b = candidates.remove(0);
            right.remove(b);
            compare(a, b, changes);
        }
        left.retainAll(unpaired);
    }

    private static void pairNearest(List<Alert> left, List<Alert> right, List<Change> changes) {
        List<Alert> unpaired = new ArrayList<>();
        for (Alert a : left) {
            Alert nearest = null;
            for (Alert b : right) {
                if (b.subjectId().equals(a.subjectId()) && b.type() == a.type() && b.tier() == a.tier()
                        && distance(a, b).compareTo(NEAREST) <= 0 && (nearest == null || distance(a, b).compareTo(distance(a, nearest)) < 0)) {
                    nearest = b;
                }
            }
            if (nearest == null) {
                unpaired.add(a);
            } else {
                right.remove(nearest);
                compare(a, nearest, changes);
            }
        }
        left.retainAll(unpaired);
    }

    private static Duration distance(Alert a, Alert b) {
        return Duration.between(a.windowEnd(), b.windowEnd()).abs();
    }

    private static void compare(Alert a, Alert b, List<Change> changes) {
        List<String> fields = new ArrayList<>();
        if (a.tier() != b.tier() || !Objects.equals(a.previousTier(), b.previousTier())) {
            fields.add("tier");
        }
        if (!a.windowEnd().equals(b.windowEnd())) {
            fields.add("time");
        }
        if (Math.abs(a.score() - b.score()) > SCORE_EPSILON) {
            fields.add("score");
        }
        if (!fields.isEmpty()) {
            changes.add(new Change(Kind.CHANGED, a, b, fields));
        }
    }

    /** How many changes of each kind. */
    public static Map<Kind, Long> counts(List<Change> changes) {
        Map<Kind, Long> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, changes.stream().filter(c -> c.change() == kind).count());
        }
        return counts;
    }
}
