package org.yqsentinel.rules.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.RiskRules;

class ControlMessageTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static final String RISK = RuleFiles.bundled().read(RiskRules.FILE).text();

    @Test
    void readsARulesUpdateAndARetirement() {
        ControlMessage update = ControlMessage.parse(json("{\"kind\":\"rules\",\"file\":\"risk.yaml\",\"at\":\"2026-11-21T08:00:00Z\",\"text\":"
                + quoted(RISK) + "}"));
        assertThat(update).isEqualTo(new ControlMessage.RulesUpdate("risk.yaml", RISK, Instant.parse("2026-11-21T08:00:00Z")));
        assertThat(ControlMessage.parse(json("{\"kind\":\"retire-policy\",\"policyId\":\"江教发〔2026〕18号\",\"at\":\"2026-11-25T00:00:00Z\","
                + "\"reason\":\"已废止\"}"))).isEqualTo(new ControlMessage.PolicyRetirement("江教发〔2026〕18号",
                Instant.parse("2026-11-25T00:00:00Z"), "已废止"));
    }

    @Test
    void aBrokenMessageIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> ControlMessage.parse(json("{not json"))).hasMessageStartingWith("not JSON:");
        assertThatThrownBy(() -> ControlMessage.parse(json("{\"kind\":\"reboot\",\"at\":\"2026-11-21T08:00:00Z\"}")))
                .hasMessage("unknown kind 'reboot'; expected rules, retire-policy or case");
        assertThatThrownBy(() -> ControlMessage.parse(json("{\"kind\":\"rules\",\"file\":\"../etc/passwd\",\"at\":\"2026-11-21T08:00:00Z\",\"text\":\"x\"}")))
                .hasMessageStartingWith("file '../etc/passwd' cannot be updated at run time");
        assertThatThrownBy(() -> ControlMessage.parse(json("{\"kind\":\"retire-policy\",\"policyId\":\"p\",\"at\":\"yesterday\"}")))
                .hasMessageContaining("is not an ISO-8601 UTC time");
    }

    @Test
    void aValidUpdateAppliesFromItsTimeOnAndAnInvalidOneIsRefusedKeepingTheRules() {
        RiskRules initial = RiskRules.load(RuleFiles.bundled());
        LiveRules live = new LiveRules(initial);
        Instant at = Instant.parse("2026-11-21T08:00:00Z");
        LiveRules.Outcome accepted = live.apply(new ControlMessage.RulesUpdate("risk.yaml",
                RISK.replace("II:  {enter: 65, leave: 58", "II:  {enter: 60, leave: 55"), at));
        assertThat(accepted.accepted()).isTrue();
        assertThat(live.riskAt(at).tiers().get(Tier.II_ORANGE).enter()).isEqualTo(60);
        assertThat(live.riskAt(at.minusSeconds(300))).isSameAs(initial);
        assertThat(live.latest()).isSameAs(live.riskAt(at));

        RiskRules inForce = live.latest();
        LiveRules.Outcome refused = live.apply(new ControlMessage.RulesUpdate("risk.yaml",
                RISK.replace("II:  {enter: 65, leave: 58", "II:  {enter: 65, leave: 90"), at.plusSeconds(600)));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.message()).isEqualTo("refused, the rules in force stay: risk.yaml (yq.control, 2026-11-21T08:10:00Z):57: "
                + "leave (90.0) must be below enter (65.0), or tier II would flap");
        assertThat(live.riskAt(at.plusSeconds(3600))).isSameAs(inForce);

        LiveRules.Outcome slide = live.apply(new ControlMessage.RulesUpdate("risk.yaml",
                RISK.replace("slide-minutes: 5 ", "slide-minutes: 15"), at.plusSeconds(900)));
        assertThat(slide.accepted()).isFalse();
        assertThat(slide.message()).contains("window.slide-minutes cannot change at run time (it is 5)");
        assertThat(live.latest()).isSameAs(inForce);
    }

    @Test
    void onlyTheRiskRulesCanBeUpdatedAtRunTime() {
        assertThatThrownBy(() -> ControlMessage.parse(json("{\"kind\":\"rules\",\"file\":\"topics.yaml\",\"at\":\"2026-11-21T08:00:00Z\",\"text\":\"x\"}")))
                .hasMessage("file 'topics.yaml' cannot be updated at run time; expected one of [risk.yaml]");
    }
}
