package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.alert;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_MAIL;
import static org.yqsentinel.alerting.delivery.GroupingTest.EDU_SMS;
import static org.yqsentinel.alerting.delivery.GroupingTest.notice;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

class InhibitionTest {

    static final Alert ORANGE = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, T.plusSeconds(600), "江城市教育局");

    @Test
    void anEscalationInhibitsTheWaitingNotificationsOfLowerTiersOnly() {
        Delivery blue = notice(opened(Tier.IV_BLUE, T), EDU, EDU_MAIL);
        Delivery sameTier = notice(opened(Tier.II_ORANGE, T), EDU, EDU_SMS);
        Delivery underWay = notice(opened(Tier.III_YELLOW, T), EDU, EDU_SMS).with(Status.SENDING, 1, T, T, "attempt 1");

        List<Delivery> inhibited = Inhibition.inhibited(ORANGE, List.of(blue, sameTier, underWay), id -> false, T.plusSeconds(5));

        assertThat(inhibited).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(blue.id());
            assertThat(d.status()).isEqualTo(Status.INHIBITED);
            assertThat(d.updatedAt()).isEqualTo(T.plusSeconds(5));
            assertThat(d.detail()).isEqualTo("inhibited: the case escalated to Ⅱ级橙色（重大） (" + ORANGE.id()
                    + ") before this Ⅳ级蓝色（一般） notification went out");
        });
    }

    @Test
    void aNotificationTheEscalationJustJoinedOrOneBeingCheckedIsLeftAlone() {
        Delivery blue = notice(opened(Tier.IV_BLUE, T), EDU, EDU_MAIL);

        assertThat(Inhibition.inhibited(ORANGE, List.of(blue), blue.id()::equals, T)).isEmpty();
    }

    @Test
    void onlyAnEscalationInhibits() {
        Delivery blue = notice(opened(Tier.IV_BLUE, T), EDU, EDU_MAIL);

        assertThat(Inhibition.inhibited(opened(Tier.I_RED, T), List.of(blue), id -> false, T)).isEmpty();
        assertThat(Inhibition.inhibited(alert(AlertEventType.DEESCALATED, Tier.III_YELLOW, T, "江城市教育局"), List.of(blue), id -> false, T))
                .isEmpty();
    }
}
