package org.yqsentinel.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.SampleAlerts;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.Medium;
import org.yqsentinel.alerting.delivery.Purpose;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.alerting.delivery.Target;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.rules.RuleFiles;

class SendersTest {

    @Test
    void theKibanaLinkOpensTheCaseViewFilteredToTheCaseOverADayEitherSideOfTheEvent() {
        SentinelConfig config = new ConfigLoader(Map.of("YQ_ALERTING_KIBANA_URL", "http://kibana.example:5601")::get).read(null);
        Senders senders = new Senders(config.alerting(), RoutingRules.load(RuleFiles.bundled()),
                new AckTokens("s".repeat(32).getBytes(StandardCharsets.UTF_8)), name -> null, Clock.systemUTC());
        Alert alert = SampleAlerts.alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW);
        Target target = new Target("江城市教育局", "王晓明", Medium.EMAIL, "wang@edu.example.gov.cn");
        Delivery delivery = new Delivery(Delivery.idOf(Purpose.NOTICE, alert.id(), target, 0), Purpose.NOTICE, alert.caseId(), alert,
                List.of(alert.id()), "/", target, Status.PENDING, 0, alert.windowEnd(), alert.windowEnd(), alert.windowEnd(), null);

        String link = senders.links(delivery).kibana();

        assertThat(link).startsWith("http://kibana.example:5601/app/dashboards#/view/yq-case-view?_g=");
        assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8)).contains("caseId:\"" + alert.caseId() + "\"",
                "policyLinks.policyId:\"" + alert.subjectId() + "\"", "from:'" + alert.windowStart().minus(Duration.ofDays(1)) + "'",
                "to:'" + alert.windowEnd().plus(Duration.ofDays(1)) + "'");
    }
}
