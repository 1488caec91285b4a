package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleFiles;

class AlertMakerTest {

    private static final AlertMaker MAKER = new AlertMaker(RiskRules.load(RuleFiles.bundled()));
    private static final AlertMaker.Subject POLICY = new AlertMaker.Subject("江教发〔2026〕18号",
            "江城市教育局关于调整中小学课后服务收费标准的通知", "江城市教育局", "教育", new Region("湖北", "江城", null));
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final Duration SLIDE = Duration.ofMinutes(5);

    /** The alerts of one score per slide; window i ends at START + (i + 1) slides. */
    private static List<Alert> alerts(double... scores) {
        List<Alert> alerts = new ArrayList<>();
        AlertMaker.Episode episode = AlertMaker.Episode.NONE;
        for (int i = 0; i < scores.length; i++) {
            Instant end = START.plus(SLIDE.multipliedBy(i + 1));
            AlertMaker.Outcome outcome = MAKER.next(episode, POLICY, new RiskScorer.Score(scores[i], List.of()),
                    end.minus(Duration.ofHours(1)), end, List.of());
            episode = outcome.episode();
            if (outcome.alert() != null) {
                alerts.add(outcome.alert());
            }
        }
        return alerts;
    }

    private static double[] withQuiet(double first, double quiet, int slides, double then) {
        double[] scores = new double[slides + 2];
        Arrays.fill(scores, quiet);
        scores[0] = first;
        scores[slides + 1] = then;
        return scores;
    }

    @Test
    void anEpisodeOpensEscalatesAndIsResolvedUnderOneCase() {
        List<Alert> alerts = alerts(withQuiet(35, 10, 25, 10));
        assertThat(alerts).extracting(Alert::type).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED);
        List<Alert> surge = alerts(35, 70, 85);
        assertThat(surge).extracting(Alert::type).containsExactly(AlertEventType.OPENED, AlertEventType.ESCALATED,
                AlertEventType.ESCALATED);
        assertThat(surge).extracting(Alert::tier).containsExactly(Tier.IV_BLUE, Tier.II_ORANGE, Tier.I_RED);
        assertThat(surge).extracting(Alert::previousTier).containsExactly(null, Tier.IV_BLUE, Tier.II_ORANGE);
        assertThat(surge).extracting(Alert::caseId).containsOnly("case:" + surge.get(0).id());
        assertThat(surge.get(0).id()).isEqualTo("江教发〔2026〕18号/opened/iv_blue/" + START.plus(SLIDE).toEpochMilli());
    }

    @Test
    void respondByFollowsTheTierAndOnlyOpeningAndEscalationSetIt() {
        List<Alert> alerts = alerts(withQuiet(70, 10, 25, 10));
        Alert opened = alerts.get(0);
        assertThat(opened.respondBy()).isEqualTo(opened.windowEnd().plus(Duration.ofHours(24)));
        assertThat(alerts(85).get(0).respondBy()).isEqualTo(START.plus(SLIDE).plus(Duration.ofHours(5)));
        Alert resolved = alerts.get(alerts.size() - 1);
        assertThat(resolved.type()).isEqualTo(AlertEventType.RESOLVED);
        assertThat(resolved.tier()).isEqualTo(Tier.II_ORANGE);
        assertThat(resolved.respondBy()).isNull();
    }

    @Test
    void everyAlertCarriesThePolicysDepartmentTopicAndRegionForRouting() {
        assertThat(alerts(withQuiet(70, 10, 25, 10))).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.responsibleDepartment()).isEqualTo("江城市教育局");
            assertThat(alert.topic()).isEqualTo("教育");
            assertThat(alert.region()).isEqualTo(new Region("湖北", "江城", null));
        });
    }

    @Test
    void theSameScoresGiveTheSameAlertIds() {
        assertThat(alerts(35, 70, 20, 90)).extracting(Alert::id).isEqualTo(alerts(35, 70, 20, 90).stream().map(Alert::id).toList());
    }

    @Test
    void aNewEpisodeOpensANewCase() {
        double[] twoEpisodes = withQuiet(40, 5, 25, 40);
        List<Alert> alerts = alerts(twoEpisodes);
        assertThat(alerts).extracting(Alert::type).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED,
                AlertEventType.OPENED);
        assertThat(alerts.get(1).caseId()).isEqualTo(alerts.get(0).caseId());
        assertThat(alerts.get(2).caseId()).isNotEqualTo(alerts.get(0).caseId()).isEqualTo("case:" + alerts.get(2).id());
    }
}
