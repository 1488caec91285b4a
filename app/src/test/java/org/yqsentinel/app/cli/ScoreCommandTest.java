package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.json.Json;

/** {@code yq score} on the demo episode with hostile records beside it: the records named, the alerts scored, exit 3. */
class ScoreCommandTest {

    private static final Path SAMPLE = Path.of("..", "demo", "sample");

    @RegisterExtension
    final Console console = Console.captured();

    @Test
    void hostileRecordsAreNamedWithFileAndLineAndTheEpisodeIsStillScoredWithExitThree(@TempDir Path dir) throws Exception {
        Path hostile = Files.write(dir.resolve("hostile.jsonl"), List.of(
                "{\"mid\":\"h1\",\"created_at\":\"99999999999999999999分钟前\",\"text\":\"t\"}",
                "{\"mid\":" + "1".repeat(1001) + "}"), UTF_8);

        int exit = Yq.run("score", "--crawled-at", "2026-11-25T08:00:00+08:00", "--policies", SAMPLE.resolve("policy.txt").toString(),
                "--items", "weibo=" + SAMPLE.resolve("weibo.jsonl"), "news=" + SAMPLE.resolve("news.jsonl"),
                "wechat=" + SAMPLE.resolve("wechat.jsonl"), "weibo=" + hostile);

        assertThat(exit).as("some records refused").isEqualTo(3);
        List<String> err = console.err().lines().toList();
        assertThat(err).contains(hostile + ":1: unparseable time \"99999999999999999999分钟前\" in field created_at");
        assertThat(err).anySatisfy(line -> assertThat(line).startsWith(hostile + ":2: a JSON number longer than 64 characters"));
        assertThat(err).noneSatisfy(line -> assertThat(line).contains("Exception"));
        List<String> alerts = console.out().lines().toList();
        for (String alert : alerts) {
            assertThat(Json.mapper().readValue(alert, Alert.class).policyId()).isEqualTo("江教发〔2026〕18号");
        }
        assertThat(err.get(err.size() - 1)).startsWith("scored: " + alerts.size() + " alert event").endsWith("records refused");
    }

    @Test
    void flattenedPortalPageIsReadAsAPolicyNotRefused() throws Exception {
        int exit = Yq.run("score", "--crawled-at", "2026-11-25T08:00:00+08:00", "--policies",
                IngestCommandTest.fixture("policy-page-flat.txt"), "--items", "news=" + IngestCommandTest.fixture("news.json"));

        assertThat(console.err().lines().toList()).as("no refusal, such as missing 名称/标题").containsExactly("scored: 0 alert events");
        assertThat(exit).isZero();
    }

    @Test
    void withLinksEachLinkOfAPostIsWrittenAsAJsonLineWithTheCrawlersId(@TempDir Path dir) throws Exception {
        Path links = dir.resolve("out").resolve("links.jsonl");

        int exit = Yq.run("score", "--crawled-at", "2026-11-25T08:00:00+08:00", "--policies", SAMPLE.resolve("policy.txt").toString(),
                "--items", "weibo=" + SAMPLE.resolve("weibo.jsonl"), "news=" + SAMPLE.resolve("news.jsonl"),
                "wechat=" + SAMPLE.resolve("wechat.jsonl"), "--links", links.toString());

        assertThat(exit).as("the sample's six broken records refused").isEqualTo(3);
        List<String> lines = Files.readAllLines(links, UTF_8);
        assertThat(lines).isNotEmpty();
        List<Map<String, Object>> read = new ArrayList<>();
        for (String line : lines) {
            read.add(Json.mapper().readValue(line, new TypeReference<Map<String, Object>>() {}));
        }
        assertThat(read).allSatisfy(link -> {
            assertThat(link).containsKeys("itemId", "sourceId", "policyId", "evidence", "matched", "confidence");
            assertThat(link.get("policyId")).isEqualTo("江教发〔2026〕18号");
            assertThat((String) link.get("itemId")).endsWith(":" + link.get("sourceId"));
        });
        // the city's own account gives the 文号: linked outright
        assertThat(read).anySatisfy(link -> {
            assertThat(link.get("itemId")).isEqualTo("weibo:5190000004343001");
            assertThat(link.get("evidence")).isEqualTo("DOCUMENT_NUMBER");
            assertThat(link.get("confidence")).isEqualTo(1.0);
        });
        assertThat(console.err()).contains("; " + lines.size() + " links written to " + links + "; 6 records refused");
    }
}
