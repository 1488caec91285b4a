package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleFiles;

/** Bundled thresholds: Ⅳ 30/25, Ⅲ 50/44, Ⅱ 65/58, Ⅰ 80/72 (enter/leave), quiet period 120 minutes. */
class TierTrackerTest {

    private static final TierTracker TRACKER = new TierTracker(RiskRules.load(RuleFiles.bundled()));
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final Duration SLIDE = Duration.ofMinutes(5);

    /** The changes a series of scores makes, one score per slide from START. */
    private static List<TierTracker.Change> changes(double... scores) {
        List<TierTracker.Change> changes = new ArrayList<>();
        TierTracker.State state = TierTracker.State.NONE;
        for (int i = 0; i < scores.length; i++) {
            TierTracker.Step step = TRACKER.next(state, scores[i], START.plus(SLIDE.multipliedBy(i)));
            state = step.state();
            if (step.change() != null) {
                changes.add(step.change());
            }
        }
        return changes;
    }

    private static double[] repeat(double score, int times) {
        double[] scores = new double[times];
        Arrays.fill(scores, score);
        return scores;
    }

    private static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void quietScoresOpenNothing() {
        assertThat(changes(repeat(20, 300))).isEmpty();
    }

    @Test
    void aTierRisesAtOnceAndMaySkipTiers() {
        assertThat(changes(10, 35, 70, 81)).containsExactly(
                new TierTracker.Change(AlertEventType.OPENED, null, Tier.IV_BLUE),
                new TierTracker.Change(AlertEventType.ESCALATED, Tier.IV_BLUE, Tier.II_ORANGE),
                new TierTracker.Change(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.I_RED));
    }

    @Test
    void aTierFallsOnlyAfterTheQuietPeriodBelowItsLeaveThreshold() {
        // Ⅱ at 70; then 55 (below Ⅱ's leave 58) for 115 minutes: still Ⅱ; at 120 minutes: down to Ⅲ (55 ≥ 44)
        assertThat(changes(concat(new double[] {70}, repeat(55, 24)))).containsExactly(
                new TierTracker.Change(AlertEventType.OPENED, null, Tier.II_ORANGE));
        assertThat(changes(concat(new double[] {70}, repeat(55, 25)))).containsExactly(
                new TierTracker.Change(AlertEventType.OPENED, null, Tier.II_ORANGE),
                new TierTracker.Change(AlertEventType.DEESCALATED, Tier.II_ORANGE, Tier.III_YELLOW));
    }

    @Test
    void scoresAroundAThresholdDoNotFlap() {
        double[] hovering = new double[200];
        for (int i = 0; i < hovering.length; i++) {
            hovering[i] = i % 2 == 0 ? 66 : 56;  // above Ⅱ's enter, then below its leave, every other slide
        }
        assertThat(changes(hovering)).containsExactly(new TierTracker.Change(AlertEventType.OPENED, null, Tier.II_ORANGE));
    }

    @Test
    void anEpisodeIsResolvedAfterTheQuietPeriodBelowTheLowestTierAndCanOpenAgain() {
        List<TierTracker.Change> changes = changes(concat(new double[] {85}, repeat(10, 25), new double[] {40}));
        assertThat(changes).containsExactly(
                new TierTracker.Change(AlertEventType.OPENED, null, Tier.I_RED),
                new TierTracker.Change(AlertEventType.RESOLVED, Tier.I_RED, null),
                new TierTracker.Change(AlertEventType.OPENED, null, Tier.IV_BLUE));
    }

    @Test
    void thePeakOfAnEpisodeIsKeptUntilItIsResolved() {
        TierTracker.State state = TierTracker.State.NONE;
        double[] scores = concat(new double[] {82}, repeat(60, 25));
        for (int i = 0; i < scores.length; i++) {
            state = TRACKER.next(state, scores[i], START.plus(SLIDE.multipliedBy(i))).state();
        }
        assertThat(state.tier()).isEqualTo(Tier.II_ORANGE);
        assertThat(state.peak()).isEqualTo(Tier.I_RED);
    }
}
