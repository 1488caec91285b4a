package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.CASE;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_MAIL;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_SMS;
import static org.yqsentinel.alerting.delivery.GroupingTest.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Tier;

class MutingTest {

    static final Muting BEIJING = new Muting(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest(name = "{0} {1} at {2} UTC → {3}")
    @CsvSource({
            "SMS,   II_ORANGE, 2026-11-20T15:00:00Z, QUIET",    // 23:00 in Beijing
            "SMS,   IV_BLUE,   2026-11-20T22:59:00Z, QUIET",    // 06:59
            "SMS,   IV_BLUE,   2026-11-20T23:00:00Z, PENDING",  // 07:00: the end is not inside
            "SMS,   I_RED,     2026-11-20T15:00:00Z, PENDING",  // Ⅰ红 still goes
            "EMAIL, II_ORANGE, 2026-11-20T15:00:00Z, PENDING",
            "SMS,   II_ORANGE, 2026-11-20T02:00:00Z, PENDING"}) // 10:00
    void noSmsBelowRedIsMadeInTheQuietHoursOfTheRoutingsTimeZone(Medium medium, Tier tier, Instant now, Status status) {
        Delivery made = notice(opened(tier, now), EDU, medium == Medium.SMS ? EDU_SMS : EDU_MAIL);

        Delivery after = BEIJING.quiet(made, EDU, now);

        assertThat(after.status()).isEqualTo(status);
        assertThat(after.detail()).isEqualTo(status == Status.QUIET
                ? "no SMS below Ⅰ级红色（特别重大） in the quiet hours 22:00-07:00 (Asia/Shanghai); e-mail and robots still tell" : made.detail());
    }

    @Test
    void quietHoursAreReadInTheRoutingsTimeZone() {
        Instant night = Instant.parse("2026-11-20T15:00:00Z");  // 23:00 in Beijing, 15:00 in London
        Delivery made = notice(opened(Tier.II_ORANGE, night), EDU, EDU_SMS);

        assertThat(new Muting(ZoneId.of("Europe/London")).quiet(made, EDU, night).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void theFirstActiveSilenceThatMatchesMutesAndIsNamed() {
        Delivery due = notice(opened(Tier.II_ORANGE, T), EDU, EDU_MAIL);
        Silence over = new Silence("silence-0", CASE, null, null, null, T.minusSeconds(7200), T, "值班员", null);
        Silence other = new Silence("silence-1", null, null, null, "desk", T.minusSeconds(60), T.plusSeconds(3600), "值班员", null);
        Silence edu = new Silence("silence-2", null, null, "江城市教育局", "edu", T.minusSeconds(60), T.plusSeconds(3600), "值班员", "已电话通知");
        Silence later = new Silence("silence-3", CASE, null, null, null, T.minusSeconds(60), T.plusSeconds(3600), "值班员", null);

        assertThat(Muting.silenced(due, List.of(over, other), T)).as("ended, or another receiver's").isEmpty();
        assertThat(Muting.silenced(due, List.of(over, other, edu, later), T)).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(Status.SILENCED);
            assertThat(d.detail()).isEqualTo("silenced by silence-2 (department 江城市教育局 · receiver edu) until " + T.plusSeconds(3600)
                    + ": 已电话通知");
        });
    }
}
