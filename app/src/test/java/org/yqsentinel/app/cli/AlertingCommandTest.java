package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;

/** {@code yq alerting --dry-run} with the bundled routing: what would go to whom, and when; no stack needed. */
class AlertingCommandTest {

    @RegisterExtension
    final Console console = Console.inTemporaryProject();

    /** 10:00 in Beijing, outside the bundled quiet hours. */
    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

    private static Alert event(AlertEventType type, Tier tier, Tier previous, Instant end) {
        return new Alert(Alert.idOf("江教发〔2026〕18号", type, tier, end), type, "江教发〔2026〕18号",
                "江城市教育局关于调整中小学课后服务收费标准的通知", "case-jc-18", tier, previous, tier == Tier.III_YELLOW ? 52 : 71,
                end.minus(Duration.ofHours(1)), end, List.of(), List.of(), "江城市教育局", "教育", new Region("湖北", "江城", null),
                end.plus(Duration.ofHours(2)));
    }

    private Path events(String... lines) throws Exception {
        return Files.write(console.home().resolve("alerts.jsonl"), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunShowsGroupingDuplicatesAndEscalationWithoutSendingAnything() throws Exception {
        String opened = Json.mapper().writeValueAsString(event(AlertEventType.OPENED, Tier.III_YELLOW, null, T));
        String escalated = Json.mapper().writeValueAsString(event(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW, T.plusSeconds(10)));
        Path file = events(opened, "", opened, escalated);

        assertThat(Yq.run("alerting", "--dry-run", "--events", file.toString(), "--horizon-hours", "2")).as(console.err())
                .isZero();

        List<String> lines = console.outLines();
        assertThat(lines.get(0)).isEqualTo("dry run: 3 alert events from " + file + "; nothing is sent. Times are Asia/Shanghai.");
        List<String> shown = lines.subList(1, lines.size() - 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(shown.size() - 1 + " notifications")
                .as("one line says the repeated event was dropped");
        assertThat(shown).filteredOn(l -> l.contains("repeated: nothing sent again")).hasSize(1);
        // the Ⅲ黄 was waiting out the group wait when the Ⅱ橙 came: one notification each, telling the Ⅱ橙
        assertThat(shown).filteredOn(l -> l.contains("Ⅲ")).isEmpty();
        assertThat(shown).filteredOn(l -> l.contains(" notice ")).hasSize(6).allSatisfy(l -> assertThat(l).contains(" SEND ").contains("Ⅱ"));
        // the desk at once (the Ⅰ/Ⅱ route has no group wait), the department after the group wait of its route, by mail and SMS
        assertThat(shown).filteredOn(l -> l.contains("（舆情监测值班室）") || l.contains(" 舆情监测值班室 "))
                .extracting(l -> l.substring(0, 19) + " " + l.split("\\s+")[3]).containsExactlyInAnyOrder("2026-11-20 10:00:10 email", "2026-11-20 10:00:10 dingtalk");
        assertThat(shown).filteredOn(l -> l.contains("（江城市教育局）"))
                .extracting(l -> l.substring(0, 19) + " " + l.split("\\s+")[3] + " " + l.split("\\s+")[5])
                .containsExactlyInAnyOrder("2026-11-20 10:00:40 email 王晓明（江城市教育局）", "2026-11-20 10:00:40 sms 王晓明（江城市教育局）",
                        "2026-11-20 10:00:40 email 李娜（江城市教育局）", "2026-11-20 10:00:40 sms 李娜（江城市教育局）");
        assertThat(shown).filteredOn(l -> l.contains(" sms ")).allSatisfy(l -> {
            String text = l.substring(l.indexOf("【舆情哨兵】"));
            assertThat(text.length()).as("one SMS segment: " + text).isLessThanOrEqualTo(70);
        });
        // nobody acknowledges: an hour before the respond-by time (12:00) the leaders get one report of the case, by mail and SMS
        assertThat(shown).filteredOn(l -> l.contains("escalation")).hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("2026-11-20 11:00").contains("赵副秘书长").contains(" SEND ").contains("Ⅱ"))
                .extracting(l -> l.split("\\s+")[3]).containsExactlyInAnyOrder("email", "sms");
        assertThat(console.err()).isEmpty();
    }

    @Test
    void aDryRunRefusesALineThatIsNoAlertEventNamingFileAndLine() throws Exception {
        String opened = Json.mapper().writeValueAsString(event(AlertEventType.OPENED, Tier.III_YELLOW, null, T));
        Path file = events(opened, "{\"type\": \"OPENED\", \"tier\": \"purple\"}");

        assertThat(Yq.run("alerting", "--dry-run", "--events", file.toString())).isEqualTo(2);

        assertThat(console.err()).startsWith("yq: " + file + ":2: not an alert event");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void eventsFromAFileGoOnlyWithADryRun() {
        assertThat(Yq.run("alerting", "--dry-run")).isEqualTo(2);
        assertThat(console.err()).contains("--dry-run needs --events FILE");
        console.reset();
        assertThat(Yq.run("alerting", "--events", "alerts.jsonl")).isEqualTo(2);
        assertThat(console.err()).contains("--events goes with --dry-run");
    }

    @Test
    void aSilenceWithoutWhoWhatOrWhichIsRefusedBeforeElasticsearchIsAsked() {
        assertThat(Yq.run("alerting", "silence", "add", "--case", "case:x")).isEqualTo(2);
        assertThat(console.err()).isEqualTo("yq: say who silences with --by NAME: the record keeps it\n");
        console.reset();
        assertThat(Yq.run("alerting", "silence", "add", "--by", "值班员")).isEqualTo(2);
        assertThat(console.err()).startsWith("yq: a silence must match something");
        console.reset();
        assertThat(Yq.run("alerting", "silence", "add", "--case", "case:x", "--by", "值班员", "--hours", "0")).isEqualTo(2);
        assertThat(console.err()).startsWith("yq: --hours must be above 0");
        console.reset();
        assertThat(Yq.run("alerting", "silence", "expire")).isEqualTo(2);
        assertThat(console.err()).startsWith("yq: say which silence to end");
        console.reset();
        assertThat(Yq.run("alerting", "silence", "mute")).isEqualTo(2);
        assertThat(console.err()).startsWith("yq: unknown action 'mute'");
    }
}
