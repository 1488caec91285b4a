package org.yqsentinel.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.Console;
import org.yqsentinel.app.Yq;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.RiskPoint;
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
    void withTopicsAndNoPoliciesTheSimulatedBusCrashIsScoredAsAnEmergingTopic(@TempDir Path dir) throws Exception {
        assertThat(Yq.run("simulate", "--scenario", "unrelated", "--out", dir.toString())).isZero();
        console.reset();

        int exit = Yq.run("score", "--topics", "--crawled-at", "2026-11-25T08:00:00+08:00", "--items", "weibo=" + dir.resolve("weibo.jsonl"),
                "news=" + dir.resolve("news.jsonl"), "wechat=" + dir.resolve("wechat.jsonl"));

        assertThat(exit).as(console.err()).isZero();
        List<Alert> alerts = new ArrayList<>();
        for (String line : console.out().lines().toList()) {
            alerts.add(Json.mapper().readValue(line, Alert.class));
        }
        assertThat(alerts).isNotEmpty().allSatisfy(a -> assertThat(a.subjectId()).startsWith("topic:"));
        Alert first = alerts.get(0);
        assertThat(first.tier().compareTo(Tier.III_YELLOW)).isGreaterThanOrEqualTo(0);
        assertThat(first.subjectTitle()).containsAnyOf("渣土", "公交", "车祸");
        assertThat(first.responseClasses()).extracting(c -> c.name()).contains("突发事件");
        assertThat(alerts).extracting(Alert::caseId).containsOnly(first.caseId());
    }

    @Test
    void withTopicDetectionOffAndNoPoliciesThereIsNothingToScore(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("sentinel.yaml"), "monitor:\n  emerging-topics: false\n");
        int exit = Yq.run("--config", config.toString(), "score", "--items", "weibo=" + SAMPLE.resolve("weibo.jsonl"));
        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("nothing to score: give the policies (--policies FILE …), or --topics");
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

    @Test
    void withSeriesEveryWindowIsWrittenInTimeOrderAndEachAlertEventStandsOnItsWindow(@TempDir Path dir) throws Exception {
        Path series = dir.resolve("series.jsonl");

        int exit = Yq.run("score", "--crawled-at", "2026-11-25T08:00:00+08:00", "--policies", SAMPLE.resolve("policy.txt").toString(),
                "--items", "weibo=" + SAMPLE.resolve("weibo.jsonl"), "news=" + SAMPLE.resolve("news.jsonl"),
                "wechat=" + SAMPLE.resolve("wechat.jsonl"), "--series", series.toString());

        assertThat(exit).as("the sample's six broken records refused").isEqualTo(3);
        List<RiskPoint> points = new ArrayList<>();
        for (String line : Files.readAllLines(series, UTF_8)) {
            points.add(Json.mapper().readValue(line, RiskPoint.class));
        }
        List<Alert> alerts = new ArrayList<>();
        for (String line : console.outLines()) {
            alerts.add(Json.mapper().readValue(line, Alert.class));
        }
        assertThat(alerts).as("the sample's episode raises alerts").isNotEmpty();
        assertThat(points).hasSizeGreaterThan(alerts.size())
                .allSatisfy(point -> {
                    assertThat(point.subjectId()).isEqualTo("江教发〔2026〕18号");
                    assertThat(point.score()).isBetween(0.0, 100.0);
                    assertThat(point.windowStart()).isBefore(point.windowEnd());
                })
                .isSortedAccordingTo(Comparator.comparing(RiskPoint::windowEnd));
        // an alert event is raised on a window of the series, with that window's score
        for (Alert alert : alerts) {
            assertThat(points).as(alert.id()).anySatisfy(point -> {
                assertThat(point.windowEnd()).isEqualTo(alert.windowEnd());
                assertThat(point.score()).isEqualTo(alert.score());
            });
        }
        // the tier in force only changes where an alert event says so
        Set<Instant> eventWindows = new HashSet<>();
        alerts.forEach(alert -> eventWindows.add(alert.windowEnd()));
        for (int i = 1; i < points.size(); i++) {
            if (!Objects.equals(points.get(i).tier(), points.get(i - 1).tier())) {
                assertThat(eventWindows).as("tier change at " + points.get(i).windowEnd()).contains(points.get(i).windowEnd());
            }
        }
        assertThat(console.err()).contains("; " + points.size() + " risk points written to " + series + "; 6 records refused");
    }
}
