package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.RuleFiles;

class RiskRulesTest {

    private static final String BUNDLED = RuleFiles.bundled().read(RiskRules.FILE).text();

    @Test
    void bundledRulesLoadWithTheDocumentedDefaults() {
        RiskRules rules = RiskRules.load(RuleFiles.bundled());
        assertThat(rules.windows().size()).isEqualTo(Duration.ofHours(1));
        assertThat(rules.windows().slide()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rules.windows().baseline()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.watchDays()).isEqualTo(30);
        assertThat(rules.weights()).containsOnlyKeys(RiskFactor.values());
        assertThat(rules.fullAt()).doesNotContainKey(RiskFactor.PRE_ISSUANCE).hasSize(RiskFactor.values().length - 1);
        assertThat(rules.tiers().get(Tier.I_RED).respondWithin()).isEqualTo(Duration.ofHours(5));
        assertThat(rules.tiers().get(Tier.II_ORANGE).respondWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.tiers().get(Tier.III_YELLOW).respondWithin()).isEqualTo(Duration.ofHours(48));
        assertThat(rules.tiers().get(Tier.IV_BLUE).respondWithin()).isEqualTo(Duration.ofHours(48));
        assertThat(rules.sensitiveTopics()).containsExactly("政府公信力");
        assertThat(rules.preIssuance().livelihoodAreas()).contains("教育", "医疗", "住房保障", "安全生产", "防灾减灾救灾",
                "食品药品安全", "养老服务");
        assertThat(rules.preIssuance().grievanceWords()).containsKeys("收费", "取消", "补贴", "拆迁", "征收", "限购", "学区");
        assertThat(rules.linking()).extracting(RiskRules.Linking::coreWordFrequency, RiskRules.Linking::subjectWordFrequency,
                RiskRules.Linking::fullConfidenceWords).containsExactly(14L, 24L, 4);
        assertThat(rules.linking().reactionWords()).contains("涨价", "贵", "费", "新规");
    }

    @Test
    void linkingThatWouldNameASubjectByCommonerWordsThanTellOfItIsRefusedWithItsLine() {
        refused(BUNDLED.replace("core-word-frequency: 14 ", "core-word-frequency: 40 "), "core-word-frequency: 40",
                "core-word-frequency (40) must not be above subject-word-frequency (24)");
        refused(BUNDLED.replace("full-confidence-words: 4 ", "full-confidence-words: 1 "), "full-confidence-words: 1",
                "full-confidence-words must be a whole number of at least 2, not 1");
        refused(BUNDLED.replace("  reaction-words: [涨价,", "  reaction-words: [\"\", 涨价,"), "reaction-words:",
                "reaction-words must hold words");
        refused(BUNDLED.replace("  core-word-frequency: 14 ", "  keywords-per-policy: 12 "), "keywords-per-policy: 12",
                "unknown field 'keywords-per-policy'");
    }

    private static String lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        assertThat(at).as("fragment %s in the bundled file", fragment).isNotNegative();
        return String.valueOf(text.substring(0, at).split("\n", -1).length);
    }

    private static void refused(String text, String fragment, String message) {
        assertThatThrownBy(() -> RiskRules.parse("risk.yaml", text))
                .isInstanceOf(RuleException.class)
                .hasMessageStartingWith("risk.yaml:" + lineOf(text, fragment) + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void theBundledResponseClassesLoadAndMistakesInThemAreRefusedWithTheirLine() {
        RiskRules rules = RiskRules.parse("risk.yaml", BUNDLED);
        assertThat(rules.responseClasses()).extracting(ResponseClassRule::name)
                .containsExactly("涉及切身利益", "误解误读", "冲击道德底线", "突发事件", "社会热点", "上级交办");
        assertThat(rules.responseClasses()).filteredOn(ResponseClassRule::setByPerson).extracting(ResponseClassRule::name)
                .containsExactly("上级交办");
        assertThat(rules.responseClasses()).allSatisfy(c -> assertThat(c.advice()).isNotBlank());
        assertThat(rules.responseCueWords()).contains("涨价", "谣言", "爆炸").doesNotHaveDuplicates();

        refused(BUNDLED.replace("    factors: {reach: 0.8,", "    factors: {reech: 0.8,"), "factors: {reech", "unknown factor 'reech'");
        refused(BUNDLED.replace("    factors: {reach: 0.8,", "    factors: {reach: 8,"), "factors: {reach: 8", "must be a number from 0.0 to 1.0");
        refused(BUNDLED.replace("    advice: 存在误解误读", "    advise: 存在误解误读"), "advise: 存在误解误读", "unknown field 'advise'");
        refused(BUNDLED.replace("    min-posts: 2\n    advice: 存在误解误读", "    min-posts: 0\n    advice: 存在误解误读"), "min-posts: 0",
                "min-posts must be a whole number of at least 1");
        String noCondition = BUNDLED.replace("    words: [谣言, 不实, 误读, 误解, 澄清, 辟谣, 假消息, 假新闻, 断章取义, 以讹传讹, 不是真的]\n"
                + "    min-posts: 2\n", "");
        refused(noCondition, "    advice: 存在误解误读", "response class 误解误读 needs a condition: topics, words or factors (or set-by: person)");
        refused(BUNDLED.replaceFirst("    advice: 突发事件：[^\n]*", "    advice: \"\""), "advice: \"\"", "advice must be the text");
    }

    @Test
    void rulesWithoutResponseClassesClassifyNothing() {
        String without = BUNDLED.substring(0, BUNDLED.indexOf("\n# Response classes"));
        assertThat(RiskRules.parse("risk.yaml", without).responseClasses()).isEmpty();
    }

    @Test
    void aLeaveThresholdNotBelowEnterIsRefusedWithItsLine() {
        String text = BUNDLED.replace("II:  {enter: 65, leave: 58", "II:  {enter: 65, leave: 70");
        refused(text, "II:  {enter: 65, leave: 70", "must be below enter");
    }

    @Test
    void tiersOutOfOrderAreRefused() {
        refused(BUNDLED.replace("III: {enter: 50, leave: 44", "III: {enter: 20, leave: 15"),
                "III: {enter: 20", "must be above that of the tier below it");
        refused(BUNDLED.replace("II:  {enter: 65, leave: 58", "II:  {enter: 65, leave: 40"),
                "II:  {enter: 65, leave: 40", "leave of tier II (40.0) must be above that of the tier below it (44.0)");
    }

    @Test
    void anUnknownFactorOrAMissingOneIsRefused() {
        refused(BUNDLED.replace("  influential: 10\n  negative-share: 60", "  influencers: 10\n  negative-share: 60"),
                "influencers: 10", "unknown factor 'influencers'");
        refused(BUNDLED.replace("  reach: 1000000 ", "  # reach: 1000000 "),
                "volume: 200", "full-at has no value for 'reach'");
    }

    @Test
    void aSlideThatDoesNotDivideTheWindowIsRefused() {
        refused(BUNDLED.replace("slide-minutes: 5 ", "slide-minutes: 7 "), "slide-minutes: 7", "must divide size-minutes (60)");
        refused(BUNDLED.replace("recent-minutes: 15 ", "recent-minutes: 12 "), "recent-minutes: 12",
                "recent-minutes must be a multiple of slide-minutes (5) and at most size-minutes (60)");
    }

    @Test
    void wrongTypesSayWhatIsExpected() {
        refused(BUNDLED.replace("watch-days: 30 ", "watch-days: thirty "), "watch-days: thirty",
                "watch-days must be a whole number of at least 1, not \"thirty\"");
        refused(BUNDLED.replace("    拆迁: 0.25", "    拆迁: 2.5"), "拆迁: 2.5", "must be a number from 0.0 to 1.0");
        refused(BUNDLED.replace("quiet-minutes: 120", "quiet-minute: 120"), "quiet-minute: 120", "unknown field 'quiet-minute'");
    }

    @Test
    void aGroupWithoutWeightIsRefused() {
        String text = BUNDLED.replace("  negative-share: 60\n  alarm: 30\n  sensitive: 20\n  pre-issuance: 20",
                "  negative-share: 0\n  alarm: 0\n  sensitive: 0\n  pre-issuance: 0");
        refused(text, "volume: 30", "at least one concern factor needs a weight above 0");
    }

    @Test
    void theBundledCaseWorkflowMeasuresSixHoursEitherSideAndKeepsCasesThirtyDays() {
        RiskRules.CaseWorkflow workflow = RiskRules.load(RuleFiles.bundled()).caseWorkflow();
        assertThat(workflow.effectBefore()).isEqualTo(Duration.ofHours(6));
        assertThat(workflow.effectAfter()).isEqualTo(Duration.ofHours(6));
        assertThat(workflow.keep()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theCaseWorkflowIsReadAsWritten() {
        RiskRules.CaseWorkflow workflow = RiskRules.parse("risk.yaml", BUNDLED.replace("effect-before-hours: 6", "effect-before-hours: 3")
                .replace("keep-days: 30 ", "keep-days: 7 ")).caseWorkflow();
        assertThat(workflow).isEqualTo(new RiskRules.CaseWorkflow(Duration.ofHours(3), Duration.ofHours(6), Duration.ofDays(7)));
    }

    @Test
    void rulesWithoutACaseWorkflowTakeTheDefault() {
        String without = BUNDLED.replaceAll("(?s)case-workflow:\n.*?keep-days: 30[^\n]*\n", "");
        assertThat(without).doesNotContain("case-workflow:").doesNotContain("keep-days");
        assertThat(RiskRules.parse("risk.yaml", without).caseWorkflow()).isEqualTo(RiskRules.CaseWorkflow.DEFAULT);
        assertThat(RiskRules.CaseWorkflow.DEFAULT)
                .isEqualTo(new RiskRules.CaseWorkflow(Duration.ofHours(6), Duration.ofHours(6), Duration.ofDays(30)));
    }

    @Test
    void effectPeriodsLongerThanTheBaselineAreRefusedWithTheLineOfTheAfterPeriod() {
        String tooLong = BUNDLED.replace("effect-before-hours: 6", "effect-before-hours: 12")
                .replace("effect-after-hours: 6", "effect-after-hours: 13");
        refused(tooLong, "effect-after-hours: 13",
                "effect-before-hours + effect-after-hours must be at most window/baseline-hours (24");
        refused(tooLong, "effect-after-hours: 13", "not 25");
        String wholeBaseline = BUNDLED.replace("effect-before-hours: 6", "effect-before-hours: 12")
                .replace("effect-after-hours: 6", "effect-after-hours: 12");
        assertThat(RiskRules.parse("risk.yaml", wholeBaseline).caseWorkflow().effectAfter()).isEqualTo(Duration.ofHours(12));
        String longerBaseline = tooLong.replace("baseline-hours: 24 ", "baseline-hours: 48 ");
        assertThat(RiskRules.parse("risk.yaml", longerBaseline).caseWorkflow().effectBefore()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void mistakesInTheCaseWorkflowAreRefusedWithTheirLine() {
        refused(BUNDLED.replace("keep-days: 30 ", "keep-day: 30 "), "keep-day: 30", "unknown field 'keep-day'");
        refused(BUNDLED.replace("keep-days: 30 ", "keep-days: 0 "), "keep-days: 0", "keep-days must be a whole number of at least 1");
        refused(BUNDLED.replace("effect-after-hours: 6", "effect-after-hours: six"), "effect-after-hours: six",
                "effect-after-hours must be a whole number of at least 1");
    }

    @Test
    void aClassCanOnlyBeSetByAPersonAndThenHasNoConditions() {
        refused(BUNDLED.replace("    set-by: person", "    set-by: robot"), "    set-by: robot",
                "set-by can only be 'person'");
        refused(BUNDLED.replace("    set-by: person", "    set-by: robot"), "    set-by: robot", "not \"robot\"");
        refused(BUNDLED.replace("    set-by: person\n", "    set-by: person\n    words: [交办, 督办]\n"), "    set-by: person",
                "response class 上级交办 is set by a person; it cannot also have topics, words or factors");
        refused(BUNDLED.replace("    set-by: person\n", "    set-by: person\n    topics: [教育]\n"), "    set-by: person",
                "is set by a person");
    }

    @Test
    void aClassSetByAPersonIsNeverFoundByTheClassifier() {
        RiskRules rules = RiskRules.load(RuleFiles.bundled());
        ResponseClassRule assigned = rules.responseClasses().stream().filter(ResponseClassRule::setByPerson).findFirst().orElseThrow();
        assertThat(assigned.topics()).isEmpty();
        assertThat(assigned.words()).isEmpty();
        assertThat(assigned.factors()).isEmpty();
        assertThat(ResponseClassifier.classify(List.of(assigned), "教育", Map.of("交办", 10L), List.of())).isEmpty();
    }
}
