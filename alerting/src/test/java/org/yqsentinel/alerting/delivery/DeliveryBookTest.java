package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

class DeliveryBookTest {

    static final RoutingRules ROUTING = RoutingRules.parse("routing.yaml", """
            receivers:
              desk:
                members: [{name: 值班室, email: desk@jc.example.gov.cn}]
                webhooks: [{kind: dingtalk, url: "http://127.0.0.1:1/robot"}]
              edu:
                members: [{name: 王晓明, email: wang@edu.jc.example.gov.cn, mobile: "13800138001"}]
              leaders:
                members: [{name: 赵副秘书长, email: zhao@jc.example.gov.cn, mobile: "13900139001"}]
            route:
              receivers: [desk]
              group-wait-seconds: 30
              repeat-interval-minutes: 240
              quiet-hours: "22:00-07:00"
              escalate-before-minutes: 60
              escalate-to: [leaders]
              routes:
                - match: {tier: [I, II]}
                  receivers: [desk, edu]
                  group-wait-seconds: 0
                - match: {department: [江城市教育局]}
                  receivers: [edu]
            """);
    static final DeliveryBook.Settings SETTINGS = new DeliveryBook.Settings(3, Duration.ofSeconds(10), Duration.ofSeconds(25), Map.of());
    /** 10:00 in Beijing. */
    static final Instant T = Instant.parse("2026-11-20T02:00:00Z");
    static final String CASE = "case:p/opened/iv/1";

    static Alert alert(AlertEventType type, Tier tier, Instant end, String department) {
        Instant respondBy = type == AlertEventType.OPENED || type == AlertEventType.ESCALATED ? end.plus(Duration.ofHours(2)) : null;
        return new Alert(Alert.idOf("p", type, tier, end), type, "p", "关于调整课后服务收费标准的通知", CASE, tier,
                type == AlertEventType.OPENED ? null : Tier.IV_BLUE, 60, end.minus(Duration.ofHours(1)), end, List.of(), List.of(),
                department, "教育", null, respondBy);
    }

    static Alert opened(Tier tier, Instant end) {
        return alert(AlertEventType.OPENED, tier, end, "江城市教育局");
    }

    static List<String> where(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> d.target().receiver() + " " + d.target().medium().id() + " " + d.status()).sorted().toList();
    }

    static List<Delivery> sendAll(DeliveryBook book, Instant now) {
        List<Delivery> sent = new ArrayList<>();
        for (Delivery d : book.plan(now, List.of()).send()) {
            sent.add(book.finished(d, SendResult.sent("250 ok"), now));
        }
        return sent;
    }

    @Test
    void anEventReachesTheTargetsOfItsDeepestMatchingRouteAfterTheGroupWait() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        DeliveryBook.Acceptance accepted = book.accept(opened(Tier.IV_BLUE, T), T);

        assertThat(accepted.duplicate()).isFalse();
        assertThat(where(accepted.changed())).containsExactly("edu email PENDING", "edu sms PENDING");
        assertThat(book.plan(T.plusSeconds(29), List.of()).send()).isEmpty();
        assertThat(where(sendAll(book, T.plusSeconds(30)))).containsExactly("edu email SENT", "edu sms SENT");
        assertThat(book.pending()).isZero();
    }

    @Test
    void aDuplicatedEventChangesNothingAndIdsAreTheSameInEveryBook() {
        DeliveryBook one = new DeliveryBook(ROUTING, SETTINGS);
        DeliveryBook two = new DeliveryBook(ROUTING, SETTINGS);
        Alert event = opened(Tier.II_ORANGE, T);

        List<Delivery> first = one.accept(event, T).changed();
        assertThat(one.accept(event, T.plusSeconds(5))).isEqualTo(new DeliveryBook.Acceptance(true, List.of()));
        assertThat(two.accept(event, T.plusSeconds(99)).changed()).extracting(Delivery::id)
                .containsExactlyElementsOf(first.stream().map(Delivery::id).toList());
    }

    @Test
    void eventsOfACaseWithinTheGroupWaitGoOutAsOneNotificationTellingTheLatest() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Alert blue = opened(Tier.IV_BLUE, T);
        Alert orange = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, T.plusSeconds(600), "江城市教育局");
        List<Delivery> made = book.accept(blue, T).changed();
        List<Delivery> then = book.accept(orange, T.plusSeconds(10)).changed();

        // edu's two pending notifications now tell Ⅱ橙 and go at once (the Ⅰ/Ⅱ route waits 0 s); the desk is new
        assertThat(then).filteredOn(d -> d.target().receiver().equals("edu")).extracting(Delivery::id)
                .containsExactlyInAnyOrderElementsOf(made.stream().map(Delivery::id).toList());
        assertThat(then).filteredOn(d -> d.target().receiver().equals("edu"))
                .allSatisfy(d -> {
                    assertThat(d.alert()).isEqualTo(orange);
                    assertThat(d.alertIds()).containsExactly(blue.id(), orange.id());
                    assertThat(d.dueAt()).isEqualTo(T.plusSeconds(10));
                });
        assertThat(where(sendAll(book, T.plusSeconds(10))))
                .containsExactly("desk dingtalk SENT", "desk email SENT", "edu email SENT", "edu sms SENT");
    }

    @Test
    void anEscalationInhibitsTheLowerTierNotificationsOfItsCaseStillWaiting() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Alert blue = opened(Tier.IV_BLUE, T);
        book.accept(blue, T);
        // edu's e-mail was tried and is waiting for a retry: it cannot take another event any more
        for (Delivery d : book.plan(T.plusSeconds(30), List.of()).send()) {
            book.finished(d, d.target().medium() == Medium.EMAIL ? SendResult.retry("451 try later") : SendResult.sent("ok"), T.plusSeconds(30));
        }
        Alert orange = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, T.plusSeconds(600), "江城市教育局");
        List<Delivery> changed = book.accept(orange, T.plusSeconds(35)).changed();

        assertThat(changed).filteredOn(d -> d.status() == Status.INHIBITED).singleElement().satisfies(d -> {
            assertThat(d.alert()).isEqualTo(blue);
            assertThat(d.target().medium()).isEqualTo(Medium.EMAIL);
            assertThat(d.detail()).contains("escalated to Ⅱ级橙色");
        });
        assertThat(where(sendAll(book, T.plusSeconds(35))))
                .containsExactly("desk dingtalk SENT", "desk email SENT", "edu email SENT", "edu sms SENT");
        assertThat(book.plan(T.plusSeconds(1800), List.of()).send()).isEmpty();
    }

    @Test
    void noSmsBelowRedInQuietHoursButRedStillGoes() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Instant night = Instant.parse("2026-11-20T15:00:00Z");  // 23:00 in Beijing
        List<Delivery> orange = book.accept(opened(Tier.II_ORANGE, night), night).changed();
        assertThat(orange).filteredOn(d -> d.target().medium() == Medium.SMS).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(Status.QUIET);
                    assertThat(d.detail()).contains("22:00-07:00");
                });
        assertThat(orange).filteredOn(d -> d.target().medium() == Medium.EMAIL).allMatch(d -> d.status() == Status.PENDING);

        Alert red = alert(AlertEventType.ESCALATED, Tier.I_RED, night.plusSeconds(600), "江城市教育局");
        assertThat(book.accept(red, night.plusSeconds(600)).changed()).filteredOn(d -> d.target().medium() == Medium.SMS)
                .singleElement().extracting(Delivery::status).isEqualTo(Status.PENDING);
    }

    @Test
    void anActiveSilenceMutesWhatItMatchesAndRecordsIt() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        book.accept(opened(Tier.II_ORANGE, T), T);
        Silence edu = new Silence("silence-1", null, null, null, "edu", T.minusSeconds(60), T.plusSeconds(3600), "值班员", "已电话通知");
        Silence over = new Silence("silence-0", CASE, null, null, null, T.minusSeconds(7200), T.minusSeconds(60), "值班员", null);

        DeliveryBook.Plan plan = book.plan(T, List.of(over, edu));

        assertThat(where(plan.send())).containsExactly("desk dingtalk SENDING", "desk email SENDING");
        assertThat(plan.changed()).extracting(Delivery::status).containsOnly(Status.SILENCED).hasSize(2);
        assertThat(plan.changed().get(0).detail()).contains("silence-1", "receiver edu", "已电话通知");
    }

    @Test
    void theRateLimitHoldsANotificationUntilThereIsRoom() {
        DeliveryBook book = new DeliveryBook(ROUTING, new DeliveryBook.Settings(3, Duration.ofSeconds(10), Duration.ofMinutes(1),
                Map.of(Medium.SMS, new DeliveryBook.RateLimit(1, Duration.ofHours(1)))));
        book.accept(opened(Tier.II_ORANGE, T), T);
        sendAll(book, T);
        Alert other = new Alert(Alert.idOf("q", AlertEventType.OPENED, Tier.II_ORANGE, T), AlertEventType.OPENED, "q", "另一文件",
                "case:q", Tier.II_ORANGE, null, 70, T.minusSeconds(3600), T, List.of(), List.of(), "江城市教育局", "教育", null,
                T.plus(Duration.ofHours(2)));
        book.accept(other, T.plusSeconds(60));

        DeliveryBook.Plan plan = book.plan(T.plusSeconds(60), List.of());
        assertThat(plan.send()).noneMatch(d -> d.target().medium() == Medium.SMS);
        assertThat(plan.changed()).filteredOn(d -> d.purpose() == Purpose.NOTICE).singleElement().satisfies(d -> {
            assertThat(d.dueAt()).isEqualTo(T.plus(Duration.ofHours(1)));
            assertThat(d.detail()).contains("rate limit of 1 sms per PT1H to 138****8001");
        });
        plan.send().forEach(d -> book.finished(d, SendResult.sent("ok"), T.plusSeconds(60)));
        assertThat(book.plan(T.plus(Duration.ofHours(1)), List.of()).send()).filteredOn(d -> d.target().receiver().equals("edu"))
                .singleElement().satisfies(d -> assertThat(d.caseId()).isEqualTo("case:q"));
    }

    @Test
    void retriesBackOffExponentiallyUpToABoundAndThenGiveUp() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        assertThat(List.of(book.backoff(1), book.backoff(2), book.backoff(3), book.backoff(40)))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofSeconds(25));

        book.accept(alert(AlertEventType.OPENED, Tier.IV_BLUE, T, "交通局"), T);  // the desk only
        Instant now = T.plusSeconds(30);
        List<Delivery> ends = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Delivery d : book.plan(now, List.of()).send()) {
                ends.add(book.finished(d, d.target().medium() == Medium.EMAIL ? SendResult.retry("451 busy") : SendResult.giveUp("310000 keywords"), now));
            }
            now = now.plusSeconds(25);
        }
        List<String> outcomes = ends.stream().map(d -> d.target().medium().id() + " " + d.status() + " " + d.attempts()).toList();
        assertThat(outcomes.subList(0, 2)).as("the first round").containsExactlyInAnyOrder("email PENDING 1", "dingtalk FAILED 1");
        assertThat(outcomes.subList(2, 4)).containsExactly("email PENDING 2", "email FAILED 3");
        assertThat(ends.get(3).detail()).isEqualTo("given up after 3 attempts: 451 busy");
        assertThat(ends.get(outcomes.indexOf("email PENDING 1")).dueAt()).isEqualTo(T.plusSeconds(40));
    }

    @Test
    void escalatesBeforeTheRespondByTimeUnlessAcknowledged() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Alert orange = opened(Tier.II_ORANGE, T);  // respond by T + 2 h; escalate 60 min before
        book.accept(orange, T);
        sendAll(book, T);

        assertThat(book.plan(T.plus(Duration.ofMinutes(59)), List.of()).send()).isEmpty();
        DeliveryBook.Plan due = book.plan(T.plus(Duration.ofMinutes(60)), List.of());
        assertThat(where(due.send())).containsExactly("leaders email SENDING", "leaders sms SENDING");
        assertThat(due.send()).allSatisfy(d -> {
            assertThat(d.purpose()).isEqualTo(Purpose.ESCALATION);
            assertThat(d.alert()).isEqualTo(orange);
        });
        assertThat(book.plan(T.plus(Duration.ofMinutes(61)), List.of()).changed()).isEmpty();

        DeliveryBook acknowledged = new DeliveryBook(ROUTING, SETTINGS);
        acknowledged.accept(orange, T);
        sendAll(acknowledged, T);
        acknowledged.acknowledge(new AckTokens.Claim(CASE, orange.id(), "王晓明（edu）", T.plus(Duration.ofDays(1))), T.plusSeconds(600));
        assertThat(acknowledged.plan(T.plus(Duration.ofMinutes(60)), List.of()).send()).isEmpty();
        assertThat(acknowledged.acknowledged(CASE)).isTrue();
    }

    @Test
    void whoeverWasToldOfACaseHearsItCalmDownEvenWhereItsRoutesNoLongerReach() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        book.accept(opened(Tier.II_ORANGE, T), T);
        assertThat(where(sendAll(book, T))).containsExactly("desk dingtalk SENT", "desk email SENT", "edu email SENT", "edu sms SENT");
        assertThat(where(sendAll(book, T.plus(Duration.ofMinutes(60))))).as("nobody acknowledged: the leaders are paged")
                .containsExactly("leaders email SENT", "leaders sms SENT");

        // a rise reaches only its routes' receivers (the Ⅰ/Ⅱ route: desk and edu), not the leaders
        Instant later = T.plus(Duration.ofMinutes(70));
        assertThat(where(book.accept(alert(AlertEventType.ESCALATED, Tier.I_RED, later, "江城市教育局"), later).changed()))
                .containsExactly("desk dingtalk PENDING", "desk email PENDING", "edu email PENDING", "edu sms PENDING");
        sendAll(book, later);

        // Ⅳ reaches only edu by its routes; the desk (told by the Ⅰ/Ⅱ route) and the paged leaders hear of it as well
        Instant calmer = T.plus(Duration.ofMinutes(90));
        DeliveryBook.Acceptance lowered = book.accept(alert(AlertEventType.DEESCALATED, Tier.IV_BLUE, calmer, "江城市教育局"), calmer);

        assertThat(where(lowered.changed())).containsExactly("desk dingtalk PENDING", "desk email PENDING", "edu email PENDING",
                "edu sms PENDING", "leaders email PENDING", "leaders sms PENDING");
        assertThat(lowered.changed()).allSatisfy(d -> assertThat(d.purpose()).isEqualTo(Purpose.NOTICE));
        assertThat(where(sendAll(book, calmer.plusSeconds(30)))).hasSize(6);
    }

    @Test
    void escalationsOfACaseComingDueWithinTheGroupWaitGoOutAsOneReportTellingTheLatestEvent() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Alert blue = opened(Tier.IV_BLUE, T);  // escalates at T + 60 min by the department route (group wait 30 s)
        Alert orange = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, T.plusSeconds(10), "江城市教育局");  // 10 s later
        List<Delivery> ledger = new ArrayList<>(book.accept(blue, T).changed());
        ledger.addAll(book.accept(orange, T.plusSeconds(10)).changed());
        ledger.addAll(sendAll(book, T.plusSeconds(40)));

        Instant due = T.plus(Duration.ofMinutes(60));
        List<Delivery> reports = sendAll(book, due);
        assertThat(where(reports)).containsExactly("leaders email SENT", "leaders sms SENT");
        assertThat(reports).allSatisfy(d -> {
            assertThat(d.alert()).isEqualTo(orange);
            assertThat(d.alertIds()).containsExactly(blue.id(), orange.id());
        });
        assertThat(book.plan(due.plusSeconds(10), List.of()).send()).as("the orange's own escalation is covered").isEmpty();
        assertThat(book.escalationDue(CASE)).isEmpty();
        ledger.addAll(reports);

        DeliveryBook restored = new DeliveryBook(ROUTING, SETTINGS);
        Map<String, Delivery> latest = new LinkedHashMap<>();
        ledger.forEach(d -> latest.put(d.id(), d));
        restored.restore(List.of(new DeliveryBook.Accepted(blue, T), new DeliveryBook.Accepted(orange, T.plusSeconds(10))), latest.values(),
                List.of());
        assertThat(restored.escalationDue(CASE)).as("a restart does not report again").isEmpty();
        assertThat(restored.plan(due.plusSeconds(30), List.of()).send()).isEmpty();
    }

    @Test
    void anEventLearnedLateGetsItsWholeResponseTimeFromWhenItWasLearned() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Instant late = T.plus(Duration.ofHours(5));
        book.accept(opened(Tier.II_ORANGE, T), late);
        assertThat(book.escalationDue(CASE)).contains(late.plus(Duration.ofMinutes(60)));
    }

    @Test
    void anOpenCaseNobodyAcknowledgedIsToldAgainAfterTheRepeatInterval() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        Alert blue = opened(Tier.IV_BLUE, T);
        book.accept(blue, T);
        sendAll(book, T.plusSeconds(30));
        assertThat(sendAll(book, T.plus(Duration.ofHours(1)))).allMatch(d -> d.purpose() == Purpose.ESCALATION);  // not a repeat
        Instant again = T.plusSeconds(30).plus(Duration.ofMinutes(240));

        assertThat(book.plan(again.minusSeconds(1), List.of()).send()).isEmpty();
        List<Delivery> repeats = book.plan(again, List.of()).send();
        assertThat(where(repeats)).containsExactly("edu email SENDING", "edu sms SENDING");
        assertThat(repeats).allMatch(d -> d.purpose() == Purpose.REPEAT && d.alert().equals(blue));

        repeats.forEach(d -> book.finished(d, SendResult.sent("ok"), again));
        book.accept(alert(AlertEventType.RESOLVED, Tier.IV_BLUE, T.plus(Duration.ofHours(5)), "江城市教育局"), again.plusSeconds(5));
        sendAll(book, again.plusSeconds(60));
        assertThat(book.plan(again.plus(Duration.ofHours(9)), List.of()).send()).isEmpty();
    }

    @Test
    void aRestoredBookNeitherSendsAgainNorForgetsWhatIsPending() {
        DeliveryBook before = new DeliveryBook(ROUTING, SETTINGS);
        Alert blue = opened(Tier.IV_BLUE, T);
        Alert orange = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, T.plusSeconds(600), "交通局");
        List<Delivery> ledger = new ArrayList<>(before.accept(blue, T).changed());
        ledger.addAll(sendAll(before, T.plusSeconds(30)));
        ledger.addAll(before.accept(orange, T.plusSeconds(40)).changed());  // desk and edu, due at once; the service stops here

        DeliveryBook after = new DeliveryBook(ROUTING, SETTINGS);
        Map<String, Delivery> latest = new LinkedHashMap<>();
        ledger.forEach(d -> latest.put(d.id(), d));
        after.restore(List.of(new DeliveryBook.Accepted(blue, T), new DeliveryBook.Accepted(orange, T.plusSeconds(40))), latest.values(),
                List.of());

        assertThat(after.accept(blue, T.plusSeconds(50)).duplicate()).isTrue();
        assertThat(after.accept(orange, T.plusSeconds(50)).duplicate()).isTrue();
        assertThat(where(sendAll(after, T.plusSeconds(50))))
                .containsExactly("desk dingtalk SENT", "desk email SENT", "edu email SENT", "edu sms SENT");
        assertThat(after.escalationDue(CASE)).contains(T.plus(Duration.ofMinutes(60)));  // Ⅳ蓝's respond-by, the earlier
    }

    /** The deliveries of an orange event (desk e-mail and robot, edu e-mail and SMS), planned and so under way, in the ledger of a stopped book. */
    static DeliveryBook restoredWithAttemptsUnderWay() {
        DeliveryBook before = new DeliveryBook(ROUTING, SETTINGS);
        Alert orange = opened(Tier.II_ORANGE, T);
        before.accept(orange, T);
        List<Delivery> underWay = before.plan(T, List.of()).send();  // recorded SENDING; the service is killed before any answer
        assertThat(underWay).hasSize(4).allMatch(d -> d.status() == Status.SENDING && d.attempts() == 1);

        DeliveryBook after = new DeliveryBook(ROUTING, SETTINGS);
        after.restore(List.of(new DeliveryBook.Accepted(orange, T)), underWay, List.of());
        return after;
    }

    static Delivery of(List<Delivery> deliveries, Medium medium) {
        return deliveries.stream().filter(d -> d.target().medium() == medium).findFirst().orElseThrow();
    }

    @Test
    void attemptsUnderWayAtAStopAreCheckedBeforeAnythingIsSentAgainAndSettledByWhatTheChannelCanTell() {
        DeliveryBook book = restoredWithAttemptsUnderWay();
        Instant now = T.plusSeconds(20);

        DeliveryBook.Plan plan = book.plan(now, List.of());
        assertThat(plan.send()).as("nothing is sent before it is checked").isEmpty();
        assertThat(where(plan.check())).containsExactly("desk dingtalk SENDING", "desk email SENDING", "edu email SENDING", "edu sms SENDING");
        assertThat(book.inDoubt()).isEqualTo(4);
        assertThat(book.plan(now, List.of()).check()).as("handed out once").isEmpty();

        Delivery sms = book.checked(of(plan.check(), Medium.SMS), Receipt.arrived("the gateway has request dlv-1"), now);
        Delivery robot = book.checked(of(plan.check(), Medium.DINGTALK), Receipt.unknown("a chat robot cannot be asked"), now);
        List<Delivery> mails = plan.check().stream().filter(d -> d.target().medium() == Medium.EMAIL)
                .map(d -> book.checked(d, Receipt.unknown("an SMTP server cannot be asked"), now)).toList();

        assertThat(sms.status()).isEqualTo(Status.SENT);
        assertThat(sms.detail()).contains("the gateway has request dlv-1", "not sent again");
        assertThat(robot.status()).isEqualTo(Status.IN_DOUBT);
        assertThat(robot.detail()).contains("not sent again, so it arrived at most once");
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.status()).isEqualTo(Status.PENDING);
            assertThat(mail.dueAt()).isEqualTo(now);
            assertThat(mail.detail()).contains("sent again under the same Message-ID");
        });
        List<Delivery> again = book.plan(now, List.of()).send();
        assertThat(where(again)).containsExactly("desk email SENDING", "edu email SENDING");
        assertThat(again).allMatch(d -> d.attempts() == 2);
        again.forEach(d -> book.finished(d, SendResult.sent("250 ok"), now));
        assertThat(book.pending()).isZero();
        assertThat(book.inDoubt()).isZero();
        assertThat(book.plan(now.plus(Duration.ofHours(1)), List.of()).send()).as("the robot post in doubt is never repeated")
                .noneMatch(d -> d.target().medium() == Medium.DINGTALK && d.purpose() == Purpose.NOTICE);
    }

    @Test
    void anSmsInDoubtThatDidNotArriveIsSentAgainAndOneWhoseGatewayCannotBeAskedIsAskedAgainUpToTheAttempts() {
        DeliveryBook missing = restoredWithAttemptsUnderWay();
        Delivery sms = of(missing.plan(T, List.of()).check(), Medium.SMS);
        assertThat(missing.checked(sms, Receipt.missing("no SMS of request " + sms.id()), T).status()).isEqualTo(Status.PENDING);
        assertThat(where(missing.plan(T, List.of()).send())).containsExactly("edu sms SENDING");

        DeliveryBook unanswered = restoredWithAttemptsUnderWay();
        Delivery asked = of(unanswered.plan(T, List.of()).check(), Medium.SMS);
        Instant now = T;
        for (int i = 1; i < SETTINGS.maxAttempts(); i++) {
            Delivery still = unanswered.checked(asked, Receipt.unanswered("HTTP 502"), now);
            assertThat(still.status()).isEqualTo(Status.SENDING);
            assertThat(unanswered.plan(still.dueAt().minusSeconds(1), List.of()).check()).isEmpty();
            now = still.dueAt();
            asked = of(unanswered.plan(now, List.of()).check(), Medium.SMS);
        }
        Delivery last = unanswered.checked(asked, Receipt.unanswered("HTTP 502"), now);
        assertThat(last.status()).as("after as many questions as attempts, what cannot be told is not sent again").isEqualTo(Status.IN_DOUBT);
        assertThat(unanswered.plan(now.plus(Duration.ofHours(1)), List.of()).check()).noneMatch(d -> d.target().medium() == Medium.SMS);
    }

    @Test
    void anAttemptThatGotNoAnswerIsInDoubtAndCheckedAfterTheRetryWaitNotRetried() {
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS);
        book.accept(opened(Tier.II_ORANGE, T), T);
        Delivery robot = of(book.plan(T, List.of()).send(), Medium.DINGTALK);

        Delivery after = book.finished(robot, SendResult.inDoubt("no answer from the robot within 10 s"), T);

        assertThat(after.status()).isEqualTo(Status.SENDING);
        assertThat(after.dueAt()).isEqualTo(T.plus(SETTINGS.firstRetry()));
        assertThat(book.plan(T.plus(SETTINGS.firstRetry()), List.of()).send()).noneMatch(d -> d.id().equals(robot.id()));
        assertThat(book.plan(T.plus(SETTINGS.firstRetry()), List.of()).check()).isEmpty();  // handed out by the plan before
        DeliveryBook fresh = new DeliveryBook(ROUTING, SETTINGS);
        fresh.accept(opened(Tier.II_ORANGE, T), T);
        Delivery unanswered = fresh.finished(of(fresh.plan(T, List.of()).send(), Medium.DINGTALK), SendResult.inDoubt("no answer"), T);
        assertThat(fresh.plan(T.plus(SETTINGS.firstRetry()), List.of()).check()).extracting(Delivery::id).containsExactly(unanswered.id());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "EMAIL,    ARRIVED,    ARRIVED",
            "EMAIL,    MISSING,    SEND_AGAIN",
            "EMAIL,    UNKNOWN,    SEND_AGAIN",
            "EMAIL,    UNANSWERED, ASK_AGAIN",
            "SMS,      ARRIVED,    ARRIVED",
            "SMS,      MISSING,    SEND_AGAIN",
            "SMS,      UNKNOWN,    NOT_AGAIN",
            "SMS,      UNANSWERED, ASK_AGAIN",
            "DINGTALK, UNKNOWN,    NOT_AGAIN",
            "WECOM,    UNKNOWN,    NOT_AGAIN"})
    void whatCannotBeToldIsSentAgainOnlyByEmailUnderItsMessageId(Medium medium, Receipt.Answer answer, InDoubt decision) {
        assertThat(InDoubt.decide(medium, answer)).isEqualTo(decision);
    }

    @Test
    void shortLinkCodesAreKeyedSoOnlyTheirSecretFindsTheDelivery() {
        AckTokens tokens = new AckTokens("0123456789abcdef0123456789abcdef-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DeliveryBook book = new DeliveryBook(ROUTING, SETTINGS, tokens::shortCode);
        Delivery made = book.accept(opened(Tier.IV_BLUE, T), T).changed().get(0);

        assertThat(book.byShortCode(tokens.shortCode(made.id()))).contains(made);
        assertThat(book.byShortCode(made.id().substring(4, 12))).as("the old unkeyed code").isEmpty();
    }
}
