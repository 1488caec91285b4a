package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseEvent;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseResponse;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.control.CaseStep;

class CaseBookTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final String CASE = "case:p/opened/iv_blue/1";

    private static PostRef post(String id) {
        return new PostRef(id, Channel.WEIBO, "微博", null, T0, "网友张**称……", 10);
    }

    private static Alert alert(String id, AlertEventType type, Tier tier, Tier previous, int minutes, Duration respond, String... posts) {
        Instant end = T0.plus(Duration.ofMinutes(minutes));
        return new Alert(id, type, "p", "关于调整收费标准的通知", CASE, tier, previous, 50, end.minus(Duration.ofHours(1)), end,
                List.of(), List.of(posts).stream().map(CaseBookTest::post).toList(), "江城市教育局", "教育",
                new Region("湖北", "江城", null), respond == null ? null : end.plus(respond));
    }

    @Test
    void aCaseFollowsItsEpisodeFromCollectingToEvaluating() {
        CaseRecord opened = CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0,
                Duration.ofHours(48), "a", "b"));
        assertThat(opened.id()).isEqualTo(CASE);
        assertThat(opened.status()).isEqualTo(CaseStatus.COLLECTING);
        assertThat(opened.respondBy()).isEqualTo(T0.plus(Duration.ofHours(48)));

        CaseRecord escalated = CaseBook.apply(opened, alert("p/escalated/ii_orange/2", AlertEventType.ESCALATED, Tier.II_ORANGE,
                Tier.IV_BLUE, 30, Duration.ofHours(24), "b", "c"));
        assertThat(escalated.status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(escalated.currentTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(escalated.respondBy()).isEqualTo(T0.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(24)));
        assertThat(escalated.quotedPosts()).extracting(PostRef::itemId).containsExactly("a", "b", "c");

        CaseRecord lower = CaseBook.apply(escalated, alert("p/deescalated/iii_yellow/3", AlertEventType.DEESCALATED,
                Tier.III_YELLOW, Tier.II_ORANGE, 200, null));
        assertThat(lower.currentTier()).isEqualTo(Tier.III_YELLOW);
        assertThat(lower.peakTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(lower.respondBy()).isEqualTo(escalated.respondBy());

        CaseRecord resolved = CaseBook.apply(lower, alert("p/resolved/iii_yellow/4", AlertEventType.RESOLVED, Tier.III_YELLOW,
                Tier.III_YELLOW, 400, null));
        assertThat(resolved.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(resolved.currentTier()).isNull();
        assertThat(resolved.peakTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(resolved.openedAt()).isEqualTo(T0);
        assertThat(resolved.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(400)));
        assertThat(resolved.timeline()).extracting(e -> e.kind()).containsExactly("OPENED", "ESCALATED", "DEESCALATED", "RESOLVED");
        assertThat(resolved.timeline().get(3).note()).isEqualTo("风险回落，Ⅲ级黄色（较大）解除");
    }

    @Test
    void theSameAlertTwiceChangesNothing() {
        Alert opening = alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0, Duration.ofHours(48), "a");
        Alert escalation = alert("p/escalated/ii_orange/2", AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.IV_BLUE, 30,
                Duration.ofHours(24), "b");
        CaseRecord once = CaseBook.apply(CaseBook.apply(null, opening), escalation);
        assertThat(CaseBook.apply(once, escalation)).isSameAs(once);
        assertThat(CaseBook.apply(once, opening)).isSameAs(once);
    }

    @Test
    void quotedPostsStopAtTheLimit() {
        String[] many = new String[30];
        for (int i = 0; i < many.length; i++) {
            many[i] = "post" + i;
        }
        CaseRecord opened = CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0,
                Duration.ofHours(48), many));
        assertThat(opened.quotedPosts()).hasSize(CaseBook.QUOTED_POSTS);
    }

    @Test
    void anAlertOfAnotherCaseIsRefused() {
        CaseRecord opened = CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0,
                Duration.ofHours(48)));
        Alert other = new Alert("q/opened/ii_orange/9", AlertEventType.OPENED, "q", "另一文件", "case:q/opened/ii_orange/9",
                Tier.II_ORANGE, null, 70, T0, T0, List.of(), List.of(), "住建局", "住房保障", null, T0);
        assertThatThrownBy(() -> CaseBook.apply(opened, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to case case:q/opened/ii_orange/9");
    }

    private static final String WANG = "王晓明（江城市教育局）";
    private static final String LI = "李娜（江城市委网信办）";
    private static final String URL = "https://weibo.com/1/2";

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static CaseStep step(CaseStep.Step kind, int minutes, String by, String text) {
        return kind == CaseStep.Step.RESPOND
                ? new CaseStep(kind, CASE, "p", by, at(minutes), "官方微博", URL, text, null)
                : new CaseStep(kind, CASE, "p", by, at(minutes), null, null, text, null);
    }

    private static CaseRecord opened() {
        return CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0, Duration.ofHours(48), "a"));
    }

    private static CaseRecord assessing() {
        return CaseBook.apply(opened(), alert("p/escalated/ii_orange/2", AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.IV_BLUE, 30,
                Duration.ofHours(24), "b"));
    }

    /** 120 posts in the 6 hours before (54 negative), 30 in the 6 hours after (6 negative). */
    private static ResponseEffect effect(Instant response) {
        Instant start = response.minus(Duration.ofHours(6));
        Instant end = response.plus(Duration.ofHours(6));
        return new ResponseEffect(
                new ResponseEffect.Period(start, response, 120, 54, 0.45, Map.of("ANGRY", 40L, "SAD", 14L)),
                new ResponseEffect.Period(response, end, 30, 6, 0.2, Map.of("ANGRY", 3L, "NEUTRAL", 20L)));
    }

    @Test
    void aCaseGoesThroughEveryStageByItsAlertsAndAPersonsSteps() {
        CaseRecord opened = opened();
        assertThat(opened.status()).isEqualTo(CaseStatus.COLLECTING);
        CaseRecord escalated = assessing();
        assertThat(escalated.status()).isEqualTo(CaseStatus.ASSESSING);

        CaseRecord acked = CaseBook.apply(escalated, step(CaseStep.Step.ACK, 40, WANG, null), List.of());
        assertThat(acked.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(acked.acknowledgedAt()).isEqualTo(at(40));
        assertThat(acked.acknowledgedBy()).isEqualTo(WANG);
        assertThat(acked.updatedAt()).isEqualTo(at(40));

        CaseRecord ackedAgain = CaseBook.apply(acked, step(CaseStep.Step.ACK, 50, LI, null), List.of());
        assertThat(ackedAgain.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(ackedAgain.acknowledgedAt()).as("the first acknowledgement stands").isEqualTo(at(40));
        assertThat(ackedAgain.acknowledgedBy()).isEqualTo(WANG);
        assertThat(ackedAgain.timeline()).hasSize(acked.timeline().size() + 1);

        CaseRecord higher = CaseBook.apply(ackedAgain, alert("p/escalated/i_red/3", AlertEventType.ESCALATED, Tier.I_RED, Tier.II_ORANGE,
                60, Duration.ofHours(5)));
        assertThat(higher.status()).as("an alert does not undo a person's status").isEqualTo(CaseStatus.HANDLING);
        assertThat(higher.currentTier()).isEqualTo(Tier.I_RED);
        assertThat(higher.peakTier()).isEqualTo(Tier.I_RED);
        assertThat(higher.respondBy()).isEqualTo(at(60).plus(Duration.ofHours(5)));
        CaseRecord lower = CaseBook.apply(higher, alert("p/deescalated/ii_orange/4", AlertEventType.DEESCALATED, Tier.II_ORANGE,
                Tier.I_RED, 120, null));
        assertThat(lower.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(lower.currentTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(lower.acknowledgedBy()).isEqualTo(WANG);

        CaseStep respond = new CaseStep(CaseStep.Step.RESPOND, CASE, "p", WANG, at(150), "官方微博", URL, "关于收费标准的说明", at(160));
        CaseRecord responded = CaseBook.apply(lower, respond, List.of());
        assertThat(responded.status()).isEqualTo(CaseStatus.RESPONDED);
        assertThat(responded.responses()).containsExactly(new CaseResponse(at(150), WANG, "官方微博", URL, "关于收费标准的说明", at(160),
                null));
        assertThat(CaseBook.unmeasured(responded)).containsExactly(0);
        assertThat(responded.timeline().get(responded.timeline().size() - 1).note()).isEqualTo("通过官方微博回应：" + URL + "（关于收费标准的说明）");

        CaseRecord resolved = CaseBook.apply(responded, alert("p/resolved/ii_orange/5", AlertEventType.RESOLVED, Tier.II_ORANGE,
                Tier.II_ORANGE, 400, null));
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESPONDED);
        assertThat(resolved.currentTier()).isNull();
        assertThat(resolved.peakTier()).isEqualTo(Tier.I_RED);

        ResponseEffect effect = effect(at(150));
        CaseRecord evaluated = CaseBook.measured(resolved, 0, effect, at(150 + 360));
        assertThat(evaluated.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(evaluated.responses().get(0).effect()).isEqualTo(effect);
        assertThat(evaluated.responses().get(0).channel()).isEqualTo("官方微博");
        assertThat(CaseBook.unmeasured(evaluated)).isEmpty();
        CaseEvent measuredEntry = evaluated.timeline().get(evaluated.timeline().size() - 1);
        assertThat(measuredEntry.kind()).isEqualTo("EVALUATED");
        assertThat(measuredEntry.at()).isEqualTo(at(510));
        assertThat(measuredEntry.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(measuredEntry.by()).isNull();
        assertThat(measuredEntry.note()).isEqualTo(CaseBook.describe(effect));
        assertThat(evaluated.updatedAt()).isEqualTo(at(510));

        CaseRecord closed = CaseBook.apply(evaluated, step(CaseStep.Step.CLOSE, 600, WANG, "已回应，舆情平息"), List.of());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.conclusion()).isEqualTo("已回应，舆情平息");

        CaseRecord reopened = CaseBook.apply(closed, step(CaseStep.Step.REOPEN, 660, LI, "舆情再起"), List.of());
        assertThat(reopened.status()).as("back to the status before closing").isEqualTo(CaseStatus.EVALUATING);
        assertThat(reopened.conclusion()).isNull();
        assertThat(reopened.responses()).isEqualTo(evaluated.responses());

        CaseRecord closedAgain = CaseBook.apply(reopened, step(CaseStep.Step.CLOSE, 720, LI, "再次回应后平息"), List.of());
        assertThat(closedAgain.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closedAgain.conclusion()).isEqualTo("再次回应后平息");
        assertThat(closedAgain.updatedAt()).isEqualTo(at(720));
        assertThat(closedAgain.openedAt()).isEqualTo(T0);
        assertThat(closedAgain.timeline()).extracting(CaseEvent::kind).containsExactly("OPENED", "ESCALATED", "ACKNOWLEDGED",
                "ACKNOWLEDGED", "ESCALATED", "DEESCALATED", "RESPONDED", "RESOLVED", "EVALUATED", "CLOSED", "REOPENED", "CLOSED");
        assertThat(closedAgain.timeline()).extracting(CaseEvent::status).containsExactly(CaseStatus.COLLECTING, CaseStatus.ASSESSING,
                CaseStatus.HANDLING, CaseStatus.HANDLING, CaseStatus.HANDLING, CaseStatus.HANDLING, CaseStatus.RESPONDED,
                CaseStatus.RESPONDED, CaseStatus.EVALUATING, CaseStatus.CLOSED, CaseStatus.EVALUATING, CaseStatus.CLOSED);
        assertThat(closedAgain.timeline()).extracting(CaseEvent::by).containsExactly(null, null, WANG, LI, null, null, WANG, null, null,
                WANG, LI, LI);
    }

    @Test
    void theEffectIsDescribedPerPeriodWithItsRateAndNegativeShare() {
        ResponseEffect effect = effect(at(150));
        // 120 posts over 6 hours is 20.0 an hour, 0.45 negative is 45%; 30 over 6 hours is 5.0 an hour, 0.2 is 20%
        assertThat(CaseBook.describe(effect))
                .isEqualTo("回应前 6 小时 120 条（每小时 20.0 条，负面 45%），回应后 6 小时 30 条（每小时 5.0 条，负面 20%）");
    }

    @Test
    void eachStepAddsATimelineEntryWithItsKindPersonAndTheStatusAfterIt() {
        List<ResponseClassRule> none = List.of();
        CaseRecord record = assessing();
        record = CaseBook.apply(record, step(CaseStep.Step.ASSIGN, 35, LI, "市政府办公室交办"), none);
        record = CaseBook.apply(record, step(CaseStep.Step.ACK, 40, WANG, null), none);
        record = CaseBook.apply(record, step(CaseStep.Step.RESPOND, 50, WANG, "回应全文"), none);
        record = CaseBook.apply(record, step(CaseStep.Step.CLOSE, 60, LI, "已回应"), none);
        record = CaseBook.apply(record, step(CaseStep.Step.REOPEN, 70, WANG, null), none);
        List<CaseEvent> steps = record.timeline().subList(2, record.timeline().size());
        assertThat(steps).extracting(CaseEvent::kind).containsExactly(CaseStep.Step.ASSIGN.timelineKind(),
                CaseStep.Step.ACK.timelineKind(), CaseStep.Step.RESPOND.timelineKind(), CaseStep.Step.CLOSE.timelineKind(),
                CaseStep.Step.REOPEN.timelineKind());
        assertThat(steps).extracting(CaseEvent::kind).containsExactly("ASSIGNED", "ACKNOWLEDGED", "RESPONDED", "CLOSED", "REOPENED");
        assertThat(steps).extracting(CaseEvent::by).containsExactly(LI, WANG, WANG, LI, WANG);
        assertThat(steps).extracting(CaseEvent::at).containsExactly(at(35), at(40), at(50), at(60), at(70));
        assertThat(steps).extracting(CaseEvent::status).containsExactly(CaseStatus.ASSESSING, CaseStatus.HANDLING, CaseStatus.RESPONDED,
                CaseStatus.CLOSED, CaseStatus.RESPONDED);
        assertThat(steps).allSatisfy(e -> {
            assertThat(e.alertId()).isNull();
            assertThat(e.tier()).isNull();
        });
        assertThat(steps.get(3).note()).isEqualTo("结案：已回应");
        assertThat(steps.get(4).note()).isEqualTo("重新打开");
    }

    @Test
    void theSameStepTwiceChangesNothing() {
        CaseRecord record = assessing();
        for (CaseStep step : List.of(step(CaseStep.Step.ACK, 40, WANG, null), step(CaseStep.Step.RESPOND, 50, WANG, "回应全文"),
                step(CaseStep.Step.ASSIGN, 55, LI, "交办"), step(CaseStep.Step.CLOSE, 60, WANG, "已回应"))) {
            CaseRecord once = CaseBook.apply(record, step, List.of());
            assertThat(once).as(step.step().key()).isNotEqualTo(record);
            assertThat(CaseBook.apply(once, step, List.of())).as(step.step().key() + " again").isSameAs(once);
            record = once;
        }
        assertThat(record.responses()).hasSize(1);
        CaseRecord closed = record;
        assertThat(CaseBook.apply(closed, step(CaseStep.Step.ACK, 40, WANG, null), List.of()))
                .as("an old step read again after closing is not refused").isSameAs(closed);
    }

    @Test
    void twoResponsesGivenAtTheSameTimeThroughTwoChannelsAreBothRecorded() {
        CaseRecord acked = CaseBook.apply(assessing(), step(CaseStep.Step.ACK, 40, WANG, null), List.of());
        CaseStep weibo = new CaseStep(CaseStep.Step.RESPOND, CASE, "p", WANG, at(90), "官方微博", URL, "情况说明", null);
        CaseStep wechat = new CaseStep(CaseStep.Step.RESPOND, CASE, "p", WANG, at(90), "微信公众号", "https://mp.weixin.qq.com/s/abc",
                "情况说明", null);
        CaseRecord both = CaseBook.apply(CaseBook.apply(acked, weibo, List.of()), wechat, List.of());
        assertThat(both.responses()).extracting(CaseResponse::channel).containsExactly("官方微博", "微信公众号");
        assertThat(CaseBook.unmeasured(both)).containsExactly(0, 1);
    }

    @Test
    void aClosedCaseTakesNoStepButReopening() {
        CaseRecord closed = CaseBook.apply(assessing(), step(CaseStep.Step.CLOSE, 60, WANG, "误报，无需处置"), List.of());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        for (CaseStep.Step kind : List.of(CaseStep.Step.ACK, CaseStep.Step.RESPOND, CaseStep.Step.ASSIGN)) {
            assertThatThrownBy(() -> CaseBook.apply(closed, step(kind, 70, LI, "文字"), List.of()))
                    .as(kind.key()).isInstanceOf(CaseBook.StepRefused.class)
                    .hasMessageContaining("case " + CASE + " is closed (结案)")
                    .hasMessageContaining("reopen it before you " + kind.key() + " it");
        }
        assertThatThrownBy(() -> CaseBook.apply(closed, step(CaseStep.Step.CLOSE, 70, LI, "再次结案"), List.of()))
                .isInstanceOf(CaseBook.StepRefused.class).hasMessageContaining("reopen it before you close it again");
        CaseRecord reopened = CaseBook.apply(closed, step(CaseStep.Step.REOPEN, 80, LI, null), List.of());
        assertThat(reopened.status()).isEqualTo(CaseStatus.ASSESSING);
    }

    @Test
    void onlyAClosedCaseCanBeReopened() {
        CaseRecord record = assessing();
        assertThatThrownBy(() -> CaseBook.apply(record, step(CaseStep.Step.REOPEN, 60, WANG, null), List.of()))
                .isInstanceOf(CaseBook.StepRefused.class)
                .hasMessageContaining("is not closed (it is in 研判)")
                .hasMessageContaining("only a closed case can be reopened");
        CaseRecord handling = CaseBook.apply(record, step(CaseStep.Step.ACK, 40, WANG, null), List.of());
        assertThatThrownBy(() -> CaseBook.apply(handling, step(CaseStep.Step.REOPEN, 60, WANG, null), List.of()))
                .isInstanceOf(CaseBook.StepRefused.class).hasMessageContaining("(it is in 处置)");
    }

    @Test
    void aStepForAnotherCaseIsRefused() {
        CaseStep other = new CaseStep(CaseStep.Step.ACK, "case:q/opened/ii_orange/9", "q", WANG, at(40), null, null, null, null);
        assertThatThrownBy(() -> CaseBook.apply(assessing(), other, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case:q/opened/ii_orange/9");
    }

    @Test
    void acknowledgingACaseResolvedBeforeAnyResponseTakesItToHandling() {
        CaseRecord resolved = CaseBook.apply(opened(), alert("p/resolved/iv_blue/2", AlertEventType.RESOLVED, Tier.IV_BLUE, Tier.IV_BLUE,
                120, null));
        assertThat(resolved.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(resolved.responses()).isEmpty();
        CaseRecord acked = CaseBook.apply(resolved, step(CaseStep.Step.ACK, 150, WANG, null), List.of());
        assertThat(acked.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(acked.acknowledgedAt()).isEqualTo(at(150));
    }

    @Test
    void acknowledgingACaseWhoseResponseWasMeasuredKeepsItInEvaluating() {
        CaseRecord responded = CaseBook.apply(assessing(), step(CaseStep.Step.RESPOND, 60, WANG, "回应全文"), List.of());
        CaseRecord evaluated = CaseBook.measured(responded, 0, effect(at(60)), at(420));
        assertThat(evaluated.status()).isEqualTo(CaseStatus.EVALUATING);
        CaseRecord acked = CaseBook.apply(evaluated, step(CaseStep.Step.ACK, 430, LI, null), List.of());
        assertThat(acked.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(acked.acknowledgedBy()).isEqualTo(LI);
    }

    @Test
    void aResolutionDoesNotEndTheHandlingOfACase() {
        CaseRecord handling = CaseBook.apply(assessing(), step(CaseStep.Step.ACK, 40, WANG, null), List.of());
        CaseRecord resolved = CaseBook.apply(handling, alert("p/resolved/ii_orange/3", AlertEventType.RESOLVED, Tier.II_ORANGE,
                Tier.II_ORANGE, 300, null));
        assertThat(resolved.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(resolved.currentTier()).isNull();
        assertThat(resolved.timeline().get(resolved.timeline().size() - 1).status()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void anAssignmentAddsTheClassTheRulesSetByAPersonWithItsAdvice() {
        Alert classified = new Alert("p/opened/iii_yellow/1", AlertEventType.OPENED, "p", "关于调整收费标准的通知", CASE, Tier.III_YELLOW,
                null, 55, T0.minus(Duration.ofHours(1)), T0, List.of(), List.of(), "江城市教育局", "教育", null,
                T0.plus(Duration.ofHours(48)), List.of(new ResponseClass("涉及切身利益", "主题：教育", "主动回应")));
        CaseRecord record = CaseBook.apply(null, classified);
        List<ResponseClassRule> rules = List.of(
                new ResponseClassRule("涉及切身利益", List.of("教育"), List.of(), 1, Map.of(), "主动回应"),
                new ResponseClassRule("上级交办", List.of(), List.of(), 1, Map.of(), "按交办要求办理", true));
        CaseRecord assigned = CaseBook.apply(record, step(CaseStep.Step.ASSIGN, 30, LI, "市政府办公室交办，24小时内回应"), rules);
        assertThat(assigned.status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(assigned.responseClasses()).extracting(ResponseClass::name).containsExactly("涉及切身利益", "上级交办");
        ResponseClass added = assigned.responseClasses().get(1);
        assertThat(added.evidence()).contains(LI).contains("市政府办公室交办，24小时内回应");
        assertThat(added.advice()).isEqualTo("按交办要求办理");
        CaseEvent entry = assigned.timeline().get(assigned.timeline().size() - 1);
        assertThat(entry.kind()).isEqualTo("ASSIGNED");
        assertThat(entry.note()).contains("上级交办").contains("市政府办公室交办，24小时内回应");
    }

    @Test
    void anAssignmentWithoutAClassSetByAPersonInTheRulesAddsTheDefaultClassWithoutAdvice() {
        CaseRecord handling = CaseBook.apply(assessing(), step(CaseStep.Step.ACK, 40, WANG, null), List.of());
        List<ResponseClassRule> rules = List.of(new ResponseClassRule("误解误读", List.of(), List.of("谣言"), 2, Map.of(), "及时澄清"));
        CaseRecord assigned = CaseBook.apply(handling, step(CaseStep.Step.ASSIGN, 50, LI, "省厅交办"), rules);
        assertThat(assigned.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(assigned.responseClasses()).hasSize(1);
        ResponseClass added = assigned.responseClasses().get(0);
        assertThat(added.name()).isEqualTo(CaseBook.ASSIGNED);
        assertThat(added.evidence()).contains(LI).contains("省厅交办");
        assertThat(added.advice()).isNull();
        assertThat(assigned.acknowledgedBy()).isEqualTo(WANG);
    }

    @Test
    void measuringAnEarlierResponseLeavesTheCaseAwaitingTheLatest() {
        CaseRecord first = CaseBook.apply(assessing(), step(CaseStep.Step.RESPOND, 60, WANG, "初步回应"), List.of());
        CaseRecord second = CaseBook.apply(first, step(CaseStep.Step.RESPOND, 180, WANG, "详细说明"), List.of());
        assertThat(CaseBook.unmeasured(second)).containsExactly(0, 1);

        CaseRecord earlier = CaseBook.measured(second, 0, effect(at(60)), at(420));
        assertThat(earlier.status()).isEqualTo(CaseStatus.RESPONDED);
        assertThat(earlier.responses().get(0).effect()).isNotNull();
        assertThat(earlier.responses().get(1).effect()).isNull();
        assertThat(CaseBook.unmeasured(earlier)).containsExactly(1);
        assertThat(earlier.timeline().get(earlier.timeline().size() - 1).status()).isEqualTo(CaseStatus.RESPONDED);
        assertThat(CaseBook.measured(earlier, 0, effect(at(60)), at(430))).as("measured once").isSameAs(earlier);

        CaseRecord latest = CaseBook.measured(earlier, 1, effect(at(180)), at(540));
        assertThat(latest.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(CaseBook.unmeasured(latest)).isEmpty();
    }
}
