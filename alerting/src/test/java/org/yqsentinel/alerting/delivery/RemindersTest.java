package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.CASE;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_MAIL;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_SMS;
import static org.yqsentinel.alerting.delivery.GroupingTest.TOP;
import static org.yqsentinel.alerting.delivery.GroupingTest.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Tier;

class RemindersTest {

    static final Reminders REMINDERS = new Reminders(path -> path.equals(EDU.path()) ? EDU : TOP);
    static final Alert BLUE = opened(Tier.IV_BLUE, T);
    /** Edu's repeat interval (inherited from the top route). */
    static final Duration REPEAT = Duration.ofMinutes(240);

    final CaseView view = new CaseView();

    RemindersTest() {
        view.latest = BLUE;
    }

    static Delivery sent(Target target, Purpose purpose, Instant at) {
        Delivery d = notice(BLUE, EDU, target);
        return new Delivery(Delivery.idOf(purpose, BLUE.id(), target, 0), purpose, d.caseId(), d.alert(), d.alertIds(), d.route(), target,
                Status.SENT, 1, T, at, at, "ok");
    }

    @Test
    void aTargetIsRemindedItsRoutesRepeatIntervalAfterItWasLastTold() {
        Instant told = T.plusSeconds(30);
        List<Delivery> made = List.of(sent(EDU_MAIL, Purpose.NOTICE, told));

        Reminders.Due before = REMINDERS.due(view, made, told.plus(REPEAT).minusSeconds(1));
        assertThat(before.reminders()).isEmpty();
        assertThat(before.next()).isEqualTo(told.plus(REPEAT));

        Reminders.Due due = REMINDERS.due(view, made, told.plus(REPEAT));
        assertThat(due.reminders()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(Delivery.idOf(Purpose.REPEAT, BLUE.id(), EDU_MAIL, 1));
            assertThat(d.purpose()).isEqualTo(Purpose.REPEAT);
            assertThat(d.alert()).isEqualTo(BLUE);
            assertThat(d.route()).isEqualTo(EDU);
            assertThat(d.why()).isEqualTo("nobody acknowledged the case 240 min after it was last told");
        });
        assertThat(due.next()).as("nothing else to wait for").isEqualTo(Instant.MAX);
    }

    @Test
    void theNextReminderOfATargetHasTheNextNumberAndCountsFromTheLastOne() {
        Instant first = T.plus(REPEAT);
        List<Delivery> made = List.of(sent(EDU_MAIL, Purpose.NOTICE, T), sent(EDU_MAIL, Purpose.REPEAT, first));

        assertThat(REMINDERS.due(view, made, first.plus(REPEAT).minusSeconds(1)).reminders()).isEmpty();
        assertThat(REMINDERS.due(view, made, first.plus(REPEAT)).reminders()).extracting(Draft::id)
                .containsExactly(Delivery.idOf(Purpose.REPEAT, BLUE.id(), EDU_MAIL, 2));
    }

    @Test
    void aTargetWithANotificationUnderWayOrNeverToldIsNotReminded() {
        Delivery waiting = notice(BLUE, EDU, EDU_SMS);
        Delivery failed = sent(EDU_MAIL, Purpose.NOTICE, T).with(Status.FAILED, 6, T, T, "given up");
        Instant late = T.plus(Duration.ofDays(1));

        assertThat(REMINDERS.due(view, List.of(sent(EDU_SMS, Purpose.NOTICE, T), waiting), late).reminders()).isEmpty();
        assertThat(REMINDERS.due(view, List.of(failed), late).reminders()).isEmpty();
        assertThat(REMINDERS.due(view, List.of(sent(EDU_MAIL, Purpose.ESCALATION, T)), late).reminders()).as("reports do not count").isEmpty();
    }

    @Test
    void anAcknowledgedCaseOrOneNotYetDueIsNotLookedAt() {
        assertThat(Reminders.looksAt(view, T)).isTrue();
        view.nextRepeat = T.plusSeconds(60);
        assertThat(Reminders.looksAt(view, T)).isFalse();
        assertThat(Reminders.looksAt(view, T.plusSeconds(60))).isTrue();
        view.acks.add(new Acknowledgement("ack-1", CASE, BLUE.id(), "王晓明（edu）", T));
        assertThat(Reminders.looksAt(view, T.plusSeconds(60))).isFalse();
    }
}
