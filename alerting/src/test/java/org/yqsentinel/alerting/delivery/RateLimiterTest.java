package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_MAIL;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_SMS;
import static org.yqsentinel.alerting.delivery.GroupingTest.notice;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Tier;

class RateLimiterTest {

    static final Delivery SMS = notice(opened(Tier.II_ORANGE, T), EDU, EDU_SMS);
    static final Delivery MAIL = notice(opened(Tier.II_ORANGE, T), EDU, EDU_MAIL);

    static RateLimiter twoSmsAnHour() {
        return new RateLimiter(Map.of(Medium.SMS, new DeliveryBook.RateLimit(2, Duration.ofHours(1))));
    }

    @Test
    void anAddressThatHadItsFillIsHeldUntilItsOldestNotificationLeavesThePeriod() {
        RateLimiter limiter = twoSmsAnHour();
        limiter.told(EDU_SMS, T);
        limiter.told(EDU_SMS, T.plusSeconds(600));

        assertThat(limiter.tick().hold(SMS, T.plusSeconds(900))).hasValueSatisfying(held -> {
            assertThat(held.status()).isEqualTo(Status.PENDING);
            assertThat(held.dueAt()).isEqualTo(T.plus(Duration.ofHours(1)));
            assertThat(held.detail()).isEqualTo("held by the rate limit of 2 sms per PT1H to 138****8001 until " + T.plus(Duration.ofHours(1)));
        });
        assertThat(limiter.tick().hold(SMS, T.plus(Duration.ofHours(1)))).as("the first left the period").isEmpty();
    }

    @Test
    void whatATickHandsOutCountsBeforeItsAnswerComes() {
        RateLimiter.Tick tick = twoSmsAnHour().tick();

        assertThat(tick.hold(SMS, T)).isEmpty();
        assertThat(tick.hold(SMS, T)).isEmpty();
        assertThat(tick.hold(SMS, T)).hasValueSatisfying(held -> assertThat(held.dueAt()).isEqualTo(T.plus(Duration.ofHours(1))));
    }

    @Test
    void aMediumWithoutALimitIsNeverHeld() {
        RateLimiter limiter = twoSmsAnHour();
        for (int i = 0; i < 5; i++) {
            limiter.told(EDU_MAIL, T);
        }

        assertThat(limiter.tick().hold(MAIL, T)).isEmpty();
        assertThat(limiter.tick().hold(SMS, T)).as("another address").isEmpty();
    }
}
