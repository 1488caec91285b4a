package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_MAIL;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_SMS;
import static org.yqsentinel.alerting.delivery.GroupingTest.notice;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.model.Tier;

class RetriesTest {

    /** Three attempts; the n-th wait is n minutes, so the tests tell which attempt a wait belongs to. */
    static final Retries RETRIES = new Retries(3, n -> Duration.ofMinutes(n));
    static final Instant NOW = T.plusSeconds(60);

    static Delivery attempt(Target target, int number) {
        return notice(opened(Tier.II_ORANGE, T), EDU, target).with(Status.SENDING, number, T, T, "attempt " + number + " under way");
    }

    @Test
    void aFailedAttemptIsTriedAgainAfterItsBackoffAndTheLastIsGivenUp() {
        Delivery second = RETRIES.attempted(attempt(EDU_MAIL, 2), SendResult.retry("451 busy"), NOW);
        Delivery third = RETRIES.attempted(attempt(EDU_MAIL, 3), SendResult.retry("451 busy"), NOW);

        assertThat(second.status()).isEqualTo(Status.PENDING);
        assertThat(second.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(second.detail()).isEqualTo("will retry: 451 busy");
        assertThat(third.status()).isEqualTo(Status.FAILED);
        assertThat(third.detail()).isEqualTo("given up after 3 attempts: 451 busy");
    }

    @Test
    void aRefusalIsGivenUpAtOnceAndASendingIsSent() {
        assertThat(RETRIES.attempted(attempt(EDU_SMS, 1), SendResult.giveUp("isv.MOBILE_NUMBER_ILLEGAL"), NOW))
                .extracting(Delivery::status, Delivery::detail).containsExactly(Status.FAILED, "given up: isv.MOBILE_NUMBER_ILLEGAL");
        assertThat(RETRIES.attempted(attempt(EDU_SMS, 1), SendResult.sent("biz-1"), NOW))
                .extracting(Delivery::status, Delivery::attempts, Delivery::updatedAt).containsExactly(Status.SENT, 1, NOW);
    }

    @Test
    void anUnansweredAttemptStaysUnderWayToBeCheckedAfterItsBackoff() {
        Delivery after = RETRIES.attempted(attempt(EDU_SMS, 1), SendResult.inDoubt("no answer within 10 s"), NOW);

        assertThat(after.status()).isEqualTo(Status.SENDING);
        assertThat(after.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(after.detail()).startsWith("in doubt: no answer within 10 s; its receipt is checked at");
    }

    @Test
    void aReceiptThatCannotBeAskedForIsAskedAgainUntilTheAttemptsRunOutThenCountsAsUntold() {
        Retries.Checked again = RETRIES.checked(attempt(EDU_SMS, 1), Receipt.unanswered("HTTP 502"), 2, NOW);
        Retries.Checked last = RETRIES.checked(attempt(EDU_SMS, 1), Receipt.unanswered("HTTP 502"), 3, NOW);
        Retries.Checked mail = RETRIES.checked(attempt(EDU_MAIL, 1), Receipt.unanswered("HTTP 502"), 3, NOW);

        assertThat(again.decision()).isEqualTo(InDoubt.ASK_AGAIN);
        assertThat(again.delivery().dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(last.decision()).as("an SMS nobody can tell of is not sent again").isEqualTo(InDoubt.NOT_AGAIN);
        assertThat(last.delivery().status()).isEqualTo(Status.IN_DOUBT);
        assertThat(mail.decision()).as("an e-mail is, under the same Message-ID").isEqualTo(InDoubt.SEND_AGAIN);
        assertThat(mail.delivery().detail()).isEqualTo("attempt 1 was in doubt; HTTP 502: sent again under the same Message-ID");
    }

    @Test
    void aMessageTheProviderHasIsSentAndOneItHasNotIsSentAgainNowUnlessOutOfAttempts() {
        Retries.Checked arrived = RETRIES.checked(attempt(EDU_SMS, 1), Receipt.arrived("DELIVERED"), 1, NOW);
        Retries.Checked missing = RETRIES.checked(attempt(EDU_SMS, 1), Receipt.missing("no such request"), 1, NOW);
        Retries.Checked spent = RETRIES.checked(attempt(EDU_SMS, 3), Receipt.missing("no such request"), 1, NOW);

        assertThat(arrived.delivery()).extracting(Delivery::status, Delivery::detail)
                .containsExactly(Status.SENT, "attempt 1 was in doubt; DELIVERED: not sent again");
        assertThat(missing.delivery()).extracting(Delivery::status, Delivery::dueAt, Delivery::detail)
                .containsExactly(Status.PENDING, NOW, "attempt 1 was in doubt; no such request: sent again");
        assertThat(spent.delivery().status()).isEqualTo(Status.FAILED);
    }
}
