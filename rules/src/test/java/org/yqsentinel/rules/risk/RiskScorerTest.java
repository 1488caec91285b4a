package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Factor;
import org.yqsentinel.rules.RuleFiles;

/** The bundled weights and thresholds: Ⅳ from 30, Ⅲ from 50, Ⅱ from 65, Ⅰ from 80. */
class RiskScorerTest {

    private static final RiskScorer SCORER = new RiskScorer(RiskRules.load(RuleFiles.bundled()));

    /** A window whose latest part went at the window's own pace, without angry posts or government accounts. */
    static WindowStats stats(long posts, double baseline, long negative, long reach, int channels, int regions,
                             int influential, long sensitive, double preIssuance) {
        return new WindowStats(posts, posts, baseline, negative, 0, reach, channels, regions, influential, sensitive, preIssuance, 0);
    }

    private static double score(long posts, double baseline, long negative, long reach, int channels, int regions,
                                int influential, long sensitive, double preIssuance) {
        return SCORER.score(stats(posts, baseline, negative, reach, channels, regions, influential, sensitive, preIssuance)).value();
    }

    @Test
    void anAngryOutcryReachesRedEvenWhenThePolicyTextLookedHarmless() {
        WindowStats outcry = new WindowStats(250, 250, 10, 200, 120, 1_200_000, 3, 6, 5, 0, 0.0, 0);
        assertThat(SCORER.score(outcry).value()).isGreaterThanOrEqualTo(80);
        WindowStats withoutAnger = new WindowStats(250, 250, 10, 200, 0, 1_200_000, 3, 6, 5, 0, 0.0, 0);
        assertThat(SCORER.score(withoutAnger).value()).isLessThan(80);  // the old ceiling, 77.5, without the emotions
    }

    @Test
    void aSurgeCountsAtThePaceItsLatestQuarterHourReached() {
        WindowStats filling = new WindowStats(60, 200, 5, 45, 20, 300_000, 2, 4, 3, 0, 0.3, 0);
        RiskScorer.Score score = SCORER.score(filling);
        Factor volume = score.factors().get(0);
        assertThat(volume.raw()).isEqualTo(200.0);
        assertThat(volume.normalized()).isEqualTo(1.0);
        assertThat(volume.explanation()).isEqualTo("声量：公众发帖 60 条，最近时段折合每窗口 200 条，满分 200");
        assertThat(score.value()).isGreaterThan(SCORER.score(new WindowStats(60, 60, 5, 45, 20, 300_000, 2, 4, 3, 0, 0.3, 0)).value());
    }

    @Test
    void governmentAccountsAreNamedApartInTheVolume() {
        Factor volume = SCORER.score(new WindowStats(30, 30, 5, 10, 0, 3_000, 2, 3, 1, 0, 0.3, 4)).factors().get(0);
        assertThat(volume.explanation()).isEqualTo("声量：公众发帖 30 条（另有政府账号 4 条，不计入），满分 200");
    }

    @Test
    void aLoudNegativeOutcryScoresRed() {
        assertThat(score(300, 10, 240, 2_000_000, 3, 6, 6, 12, 0.6)).isGreaterThanOrEqualTo(80);
    }

    @Test
    void aLoudWelcomeStaysBelowYellow() {
        double welcome = score(300, 10, 15, 2_000_000, 3, 6, 6, 0, 0.6);
        assertThat(welcome).isLessThan(50);
    }

    @Test
    void anUnheardGrumbleAndQuietBackgroundRaiseNoTier() {
        assertThat(score(8, 6, 2, 20_000, 1, 2, 0, 0, 0.6)).isLessThan(30);
        assertThat(score(6, 5, 6, 5_000, 1, 1, 0, 1, 1.0)).isLessThan(30);
    }

    @Test
    void tooFewPostsScoreZeroButStillShowTheirFactors() {
        RiskScorer.Score score = SCORER.score(stats(4, 0, 4, 10_000_000, 3, 9, 9, 40, 1.0));
        assertThat(score.value()).isZero();
        assertThat(score.factors()).hasSize(RiskFactor.values().length);
    }

    @Test
    void moreNegativeMeansMoreRiskAllElseEqualFromTheBackgroundShareUntilTheShareCountsInFull() {
        assertThat(score(100, 20, 15, 300_000, 2, 4, 2, 3, 0.4)).isEqualTo(score(100, 20, 0, 300_000, 2, 4, 2, 3, 0.4));
        double previous = -1;
        for (long negative = 20; negative <= 60; negative += 10) {
            double score = score(100, 20, negative, 300_000, 2, 4, 2, 3, 0.4);
            assertThat(score).isGreaterThan(previous);
            previous = score;
        }
        assertThat(score(100, 20, 100, 300_000, 2, 4, 2, 3, 0.4)).isEqualTo(previous);  // full at 60 %
    }

    @Test
    void everyFactorIsExplainedWithItsRawAndNormalizedValue() {
        RiskScorer.Score score = SCORER.score(stats(120, 10, 72, 500_000, 2, 5, 3, 4, 0.5));
        Factor negative = score.factors().stream().filter(f -> f.name().equals("negative-share")).findFirst().orElseThrow();
        assertThat(negative.raw()).isEqualTo(0.6);
        assertThat(negative.normalized()).isEqualTo(1.0);
        assertThat(negative.weight()).isEqualTo(60);
        assertThat(negative.explanation()).isEqualTo("负面占比：负面 72 条，占 60%，15% 以上计分，满分 60%");
        Factor volume = score.factors().get(0);
        assertThat(volume.name()).isEqualTo("volume");
        assertThat(volume.normalized()).isEqualTo(0.6);
        assertThat(volume.explanation()).isEqualTo("声量：公众发帖 120 条，满分 200");
        assertThat(score.value()).isBetween(0.0, 100.0);
    }

    @Test
    void aHandfulOfPostsAfterASilenceIsNotAFivefoldRise() {
        RiskScorer.Score afterSilence = SCORER.score(stats(8, 0.5, 4, 2_000, 2, 3, 1, 0, 0.5));
        Factor growth = afterSilence.factors().get(1);
        assertThat(growth.name()).isEqualTo("growth");
        assertThat(growth.raw()).isEqualTo(1.6);  // 8 posts against the floor of minimum-posts (5), not against 0.5
        assertThat(growth.explanation()).isEqualTo("增速：较基线 1.6 倍（基线每窗口 0.5 条，不足 5 条按 5 条计），满分 5");
        Factor overBusyBaseline = SCORER.score(stats(80, 16, 40, 2_000, 2, 3, 1, 0, 0.5)).factors().get(1);
        assertThat(overBusyBaseline.raw()).isEqualTo(5.0);
        assertThat(overBusyBaseline.explanation()).isEqualTo("增速：较基线 5.0 倍（基线每窗口 16.0 条），满分 5");
    }
}
