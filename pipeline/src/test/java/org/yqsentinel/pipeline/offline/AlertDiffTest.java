package org.yqsentinel.pipeline.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;
import org.yqsentinel.pipeline.offline.AlertDiff.Change;
import org.yqsentinel.pipeline.offline.AlertDiff.Kind;

class AlertDiffTest {

    private static final Instant T = Instant.parse("2026-11-20T11:00:00Z");

    private static Alert alert(String subject, AlertEventType type, Tier tier, Tier previous, double score, int minutes) {
        Instant end = T.plusSeconds(60L * minutes);
        return new Alert(Alert.idOf(subject, type, tier, end), type, subject, "通知", null, tier, previous, score, end.minusSeconds(3600), end,
                List.of(), List.of(), "市教育局", "教育", null, null);
    }

    private static final Alert OPENED = alert("p", AlertEventType.OPENED, Tier.IV_BLUE, null, 34, 0);
    private static final Alert TO_II = alert("p", AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.IV_BLUE, 66, 30);
    private static final Alert TO_I = alert("p", AlertEventType.ESCALATED, Tier.I_RED, Tier.II_ORANGE, 91, 35);
    private static final Alert RESOLVED_I = alert("p", AlertEventType.RESOLVED, Tier.I_RED, Tier.I_RED, 19, 440);

    @Test
    void theSameEventsMakeNoChange() {
        assertThat(AlertDiff.between(List.of(OPENED, TO_II, TO_I), List.of(TO_I, OPENED, TO_II))).isEmpty();
    }

    @Test
    void aHigherTopThresholdRemovesTheEscalationAndMovesTheResolutionToTheTierBelow() {
        Alert resolvedII = alert("p", AlertEventType.RESOLVED, Tier.II_ORANGE, Tier.II_ORANGE, 19, 440);

        List<Change> changes = AlertDiff.between(List.of(OPENED, TO_II, TO_I, RESOLVED_I), List.of(OPENED, TO_II, resolvedII));

        assertThat(changes).extracting(Change::change, Change::before, Change::after)
                .containsExactly(tuple(Kind.REMOVED, TO_I, null),
                        tuple(Kind.CHANGED, RESOLVED_I, resolvedII));
        assertThat(changes.get(1).fields()).containsExactly("tier");
    }

    @Test
    void anEventAFewWindowsLaterIsMovedNotRemovedAndAdded() {
        Alert later = alert("p", AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.IV_BLUE, 67.5, 45);

        List<Change> changes = AlertDiff.between(List.of(OPENED, TO_II), List.of(OPENED, later));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.change()).isEqualTo(Kind.CHANGED);
            assertThat(c.fields()).containsExactly("time", "score");
            assertThat(c.after()).isEqualTo(later);
        });
    }

    @Test
    void eventsFarApartOrOfAnotherSubjectAreRemovedAndAdded() {
        Alert nextDay = alert("p", AlertEventType.OPENED, Tier.IV_BLUE, null, 34, 60 * 24);
        Alert other = alert("q", AlertEventType.OPENED, Tier.IV_BLUE, null, 34, 0);

        List<Change> changes = AlertDiff.between(List.of(OPENED), List.of(other, nextDay));

        assertThat(changes).extracting(Change::change, c -> c.either().id())
                .containsExactly(tuple(Kind.REMOVED, OPENED.id()), tuple(Kind.ADDED, other.id()),
                        tuple(Kind.ADDED, nextDay.id()));
        assertThat(AlertDiff.counts(changes)).containsEntry(Kind.ADDED, 2L).containsEntry(Kind.REMOVED, 1L).containsEntry(Kind.CHANGED, 0L);
    }

    @Test
    void onlyTheScoreOfTheSameEventChanged() {
        Alert rescored = alert("p", AlertEventType.OPENED, Tier.IV_BLUE, null, 35, 0);

        assertThat(AlertDiff.between(List.of(OPENED), List.of(rescored))).singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly("score"));
    }
}
