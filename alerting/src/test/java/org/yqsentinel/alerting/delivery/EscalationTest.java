package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.CASE;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.ROUTING;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.alert;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

class EscalationTest {

    final Escalation escalation = new Escalation(ROUTING, new Targets(ROUTING));
    final CaseView view = new CaseView();

    void learn(Alert alert, Instant at) {
        view.latest = alert;
        escalation.learn(view, alert, at);
    }

    static List<String> where(List<Draft> reports) {
        return reports.stream().map(d -> d.target().receiver() + " " + d.target().medium().id()).toList();
    }

    @Test
    void nobodyAcknowledgingBeforeEscalateBeforeTellsTheEscalationReceiversOnce() {
        Alert orange = opened(Tier.II_ORANGE, T);  // respond by T + 2 h; its routes escalate 60 min before
        learn(orange, T);

        assertThat(escalation.due(T.plus(Duration.ofMinutes(59)))).isEmpty();
        List<Draft> reports = escalation.due(T.plus(Duration.ofMinutes(60)));
        assertThat(where(reports)).containsExactly("leaders email", "leaders sms");
        assertThat(reports).allSatisfy(d -> {
            assertThat(d.purpose()).isEqualTo(Purpose.ESCALATION);
            assertThat(d.covers()).containsExactly(orange.id());
            assertThat(d.due()).isEqualTo(T.plus(Duration.ofMinutes(60)));
            assertThat(d.why()).isEqualTo("nobody acknowledged the case 60 min before its respond-by time");
        });
        assertThat(escalation.due(T.plus(Duration.ofMinutes(61)))).isEmpty();
        assertThat(Escalation.due(view)).isEmpty();
    }

    @Test
    void onlyAnAcknowledgementAfterTheEventLearnedSettlesIt() {
        view.acks.add(new Acknowledgement("ack-1", CASE, "earlier", "王晓明（edu）", T.minusSeconds(60)));
        learn(opened(Tier.II_ORANGE, T), T);
        assertThat(escalation.due(T.plus(Duration.ofMinutes(60)))).as("acknowledged before the event").isNotEmpty();

        CaseView acknowledged = new CaseView();
        acknowledged.latest = opened(Tier.II_ORANGE, T);
        escalation.learn(acknowledged, acknowledged.latest, T);
        acknowledged.acks.add(new Acknowledgement("ack-2", CASE, acknowledged.latest.id(), "王晓明（edu）", T.plusSeconds(60)));
        assertThat(escalation.due(T.plus(Duration.ofMinutes(60)))).isEmpty();
        assertThat(Escalation.due(acknowledged)).isEmpty();
    }

    @Test
    void aResolvedCaseEscalatesNothing() {
        learn(opened(Tier.II_ORANGE, T), T);
        view.latest = alert(AlertEventType.RESOLVED, Tier.II_ORANGE, T.plusSeconds(600), "江城市教育局");

        assertThat(escalation.due(T.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(Escalation.due(view)).isEmpty();
    }

    @Test
    void theResponseTimeOfAnEventLearnedLateCountsFromWhenItWasLearned() {
        Instant late = T.plus(Duration.ofHours(5));
        learn(opened(Tier.II_ORANGE, T), late);

        assertThat(Escalation.due(view)).contains(late.plus(Duration.ofMinutes(60)));
    }

    @Test
    void anEventThatAsksNoResponseMakesNoDemand() {
        learn(alert(AlertEventType.DEESCALATED, Tier.III_YELLOW, T, "江城市教育局"), T);  // no respond-by

        assertThat(view.demands).isEmpty();
        assertThat(escalation.due(T.plus(Duration.ofDays(1)))).isEmpty();
    }
}
