package org.yqsentinel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.ROUTING;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.T;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.alert;
import static org.yqsentinel.alerting.delivery.DeliveryBookTest.opened;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

class GroupingTest {

    static final Route TOP = ROUTING.root();
    static final Route URGENT = TOP.routes().get(0);  // Ⅰ/Ⅱ: desk and edu, no group wait
    static final Route EDU = TOP.routes().get(1);     // 江城市教育局: edu, 30 s
    static final Target EDU_MAIL = new Target("edu", "王晓明", Medium.EMAIL, "wang@edu.jc.example.gov.cn");
    static final Target EDU_SMS = new Target("edu", "王晓明", Medium.SMS, "13800138001");

    static Delivery notice(Alert alert, Route route, Target target) {
        return Grouping.notice(alert, route, target, T).pending(T);
    }

    @Test
    void aNewNoticeIsDueAfterItsRoutesGroupWait() {
        Draft draft = Grouping.notice(opened(Tier.IV_BLUE, T), EDU, EDU_MAIL, T);

        assertThat(draft.due()).isEqualTo(T.plusSeconds(30));
        assertThat(draft.why()).isEqualTo("waiting 30 s for more events of the case");
        assertThat(draft.pending(T).status()).isEqualTo(Status.PENDING);
        assertThat(draft.pending(T).route()).isEqualTo(EDU.path());
    }

    @Test
    void anEventJoinsOnlyANoticeToTheSameTargetThatWasNeverTried() {
        Delivery sms = notice(opened(Tier.IV_BLUE, T), EDU, EDU_SMS);
        Delivery tried = notice(opened(Tier.IV_BLUE, T), EDU, EDU_MAIL).with(Status.PENDING, 1, T.plusSeconds(10), T, "will retry");
        Delivery fresh = notice(opened(Tier.IV_BLUE, T), EDU, EDU_MAIL);

        assertThat(Grouping.waiting(List.of(sms, tried), EDU_MAIL, Set.of())).as("tried once: it tells what it told").isEmpty();
        assertThat(Grouping.waiting(List.of(sms, tried, fresh), EDU_MAIL, Set.of())).contains(fresh);
        assertThat(Grouping.waiting(List.of(fresh.with(Status.SENT, 1, T, T, "ok")), EDU_MAIL, Set.of())).isEmpty();
        assertThat(Grouping.waiting(List.of(fresh), EDU_MAIL, Set.of(fresh.id()))).isEmpty();
    }

    @Test
    void aJoinedNoticeTellsTheLaterEventAndIsDueByTheSoonerGroupWait() {
        Alert blue = opened(Tier.IV_BLUE, T);
        Alert orange = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, T.plusSeconds(600), "江城市教育局");
        Delivery waiting = notice(blue, EDU, EDU_MAIL);

        Delivery joined = Grouping.join(waiting, orange, URGENT, T.plusSeconds(10));

        assertThat(joined.id()).isEqualTo(waiting.id());
        assertThat(joined.alert()).isEqualTo(orange);
        assertThat(joined.alertIds()).containsExactly(blue.id(), orange.id());
        assertThat(joined.dueAt()).isEqualTo(T.plusSeconds(10));
        assertThat(Grouping.join(waiting, orange, EDU, T.plusSeconds(10)).dueAt()).as("a later due keeps the earlier").isEqualTo(T.plusSeconds(30));
    }

    @Test
    void aTargetReachedByTwoRoutesIsToldOnceByTheRouteThatWaitsLeast() {
        Map<Target, Route> targets = new Targets(ROUTING).of(List.of(EDU, URGENT));

        assertThat(targets.keySet()).extracting(t -> t.receiver() + " " + t.medium().id())
                .containsExactly("edu email", "edu sms", "desk email", "desk dingtalk");
        assertThat(targets.get(EDU_MAIL)).isEqualTo(URGENT);
    }
}
