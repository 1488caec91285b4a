package org.yqsentinel.alerting.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yqsentinel.alerting.SampleAlerts.LINKS;
import static org.yqsentinel.alerting.SampleAlerts.TITLE;
import static org.yqsentinel.alerting.SampleAlerts.alert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.RuleException;

class MessageTemplatesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Alert ORANGE = alert(AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.III_YELLOW);

    @TempDir
    Path rules;

    /** A folder of the user's, starting as a copy of the bundled templates. */
    Path copyOfBundled() throws IOException {
        Path folder = Files.createDirectories(rules.resolve("my-templates"));
        for (MessageTemplates.Kind kind : MessageTemplates.Kind.values()) {
            try (InputStream in = MessageTemplates.class.getResourceAsStream("/" + MessageTemplates.BUNDLED + kind.file())) {
                Files.copy(in, folder.resolve(kind.file()));
            }
        }
        return folder;
    }

    @Test
    void aUsersFolderOfTemplatesWordsTheMessagesWhatItDoesNotChangeReadsAsBundled() throws IOException {
        Path folder = copyOfBundled();
        Files.writeString(folder.resolve("email-subject.txt"), "【{{tier}}】{{title}}（{{score}} 分）\n", UTF_8);
        Messages bundled = new Messages(BEIJING);

        Messages mine = new Messages(BEIJING, MessageTemplates.load(folder));

        assertThat(mine.email(ORANGE, LINKS).subject()).isEqualTo("【Ⅱ级橙色（重大）】" + TITLE + "（72 分）");
        assertThat(mine.email(ORANGE, LINKS).text()).isEqualTo(bundled.email(ORANGE, LINKS).text());
        assertThat(mine.sms(ORANGE, LINKS.shortLink())).isEqualTo(bundled.sms(ORANGE, LINKS.shortLink()));
    }

    @Test
    void aTemplateWithAPlaceholderItsMessageHasNotIsRefusedAtLoadWithFileLineAndWhatItKnows() throws IOException {
        Path folder = copyOfBundled();
        Files.writeString(folder.resolve("sms.txt"), "{{! 江城的短信签名 }}\n【江城舆情】{{event}} {{policy}} {{link}}\n", UTF_8);

        assertThatThrownBy(() -> MessageTemplates.load(folder)).isInstanceOf(RuleException.class)
                .hasMessage(folder.resolve("sms.txt") + ":2: unknown placeholder {{policy}}; this template knows {{deadline}} {{event}} {{link}}"
                        + " {{name}} {{score}}");
    }

    @Test
    void aFolderWithoutEveryTemplateIsRefusedNamingTheOneMissing() throws IOException {
        Path folder = copyOfBundled();
        Files.delete(folder.resolve("robot.md"));

        assertThatThrownBy(() -> MessageTemplates.load(folder)).isInstanceOf(RuleException.class)
                .hasMessageStartingWith(folder.resolve("robot.md") + ": no such template")
                .hasMessageContaining("copy robot.md from the bundled ones");
    }

    @Test
    void routingYamlNamesTheFolderOfTemplatesReadFromTheFolderItIsIn() throws IOException {
        Path folder = copyOfBundled();
        String routing = """
                templates: %s
                receivers:
                  desk: {members: [{name: 值班室, email: desk@jc.example.gov.cn}]}
                route: {receivers: [desk]}
                """;

        assertThat(RoutingRules.parse(rules.resolve("routing.yaml").toString(), routing.formatted("my-templates")).templates())
                .isEqualTo(folder);
        assertThat(RoutingRules.parse(rules.resolve("routing.yaml").toString(), routing.formatted(folder.toAbsolutePath())).templates())
                .isEqualTo(folder.toAbsolutePath());
        assertThat(RoutingRules.parse("routing.yaml", routing.replace("templates: %s\n", "")).templates()).as("the bundled ones").isNull();
        assertThatThrownBy(() -> RoutingRules.parse(rules.resolve("routing.yaml").toString(), routing.formatted("mine")))
                .isInstanceOf(RuleException.class)
                .hasMessageStartingWith(rules.resolve("routing.yaml") + ":1: templates: no folder " + rules.resolve("mine"));
    }
}
