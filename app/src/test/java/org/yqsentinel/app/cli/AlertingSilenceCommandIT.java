package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.alerting.delivery.Silence;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.connect.ElasticsearchConnection;

/** {@code yq alerting silence add|list|expire} on the real Elasticsearch: the silences the service reads. */
@ExtendWith(LocalStackExtension.class)
class AlertingSilenceCommandIT {

    @TempDir
    Path dir;

    @Test
    void aSilenceAddedFromTheCommandLineIsListedActiveAndEndsWhenExpired(StackContext stack) throws Exception {
        Path config = StackCli.config(dir, stack);
        Instant before = Instant.now();

        StackCli.Printed added = StackCli.run(config, "alerting", "silence", "add", "--case", "case:jc-18", "--receiver", "江城市教育局",
                "--hours", "1.5", "--by", "值班员小王", "--comment", "教育局已电话确认，正在处置");
        assertThat(added.exit()).as(added.out()).isZero();
        Matcher id = Pattern.compile("^(silence-[0-9a-f]{12}): case case:jc-18 · receiver 江城市教育局 silenced until (\\S+)$")
                .matcher(added.out().strip());
        assertThat(id.matches()).as(added.out()).isTrue();

        List<Silence> stored = silences(stack);
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id.group(1));
            assertThat(s.caseId()).isEqualTo("case:jc-18");
            assertThat(s.receiver()).isEqualTo("江城市教育局");
            assertThat(s.createdBy()).isEqualTo("值班员小王");
            assertThat(Duration.between(s.startsAt(), s.endsAt())).isEqualTo(Duration.ofMinutes(90));
            assertThat(s.startsAt()).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(s.endsAt()).hasToString(id.group(2));
        });

        StackCli.Printed listed = StackCli.run(config, "alerting", "silence", "list");
        assertThat(listed.out()).startsWith(id.group(1) + "  active ").contains("by 值班员小王: 教育局已电话确认，正在处置");

        StackCli.Printed expired = StackCli.run(config, "alerting", "silence", "expire", id.group(1));
        assertThat(expired.exit()).isZero();
        assertThat(expired.out()).startsWith(id.group(1) + " ended at ");
        assertThat(silences(stack)).singleElement().satisfies(s -> assertThat(s.activeAt(Instant.now())).isFalse());
        assertThat(StackCli.run(config, "alerting", "silence", "list").out()).startsWith(id.group(1) + "  ended  ");
        assertThat(StackCli.run(config, "alerting", "silence", "expire", id.group(1)).out()).contains("is not active; nothing changed");
    }

    @Test
    void endingASilenceNobodyMadeIsRefused(StackContext stack) throws Exception {
        StackCli.Printed run = StackCli.run(StackCli.config(dir, stack), "alerting", "silence", "expire", "silence-000000000000");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    private static List<Silence> silences(StackContext stack) {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            return new Ledger(es.client(), stack.namespace()).allSilences();
        }
    }
}
