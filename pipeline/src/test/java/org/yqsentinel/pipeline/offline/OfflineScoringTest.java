package org.yqsentinel.pipeline.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;

/** The monitor job on the demo episode's files, offline: alerts, the same bytes every time. */
class OfflineScoringTest {

    private static final Path SAMPLE = Path.of("..", "demo", "sample");
    private static final Instant CRAWLED_AT = Instant.parse("2026-11-25T00:00:00Z");

    private static List<String> score(Path work) throws Exception {
        return run(work, List.of()).alerts().stream().map(Json::toString).toList();
    }

    private static OfflineScoring.Scored run(Path work, List<OfflineRecords.Input> more) throws Exception {
        SentinelConfig config = new ConfigLoader(k -> null).read(null);
        List<OfflineRecords.Input> items = new ArrayList<>(List.of(
                new OfflineRecords.Input(SAMPLE.resolve("news.jsonl").toString(), false, Channel.NEWS),
                new OfflineRecords.Input(SAMPLE.resolve("weibo.jsonl").toString(), false, Channel.WEIBO),
                new OfflineRecords.Input(SAMPLE.resolve("wechat.jsonl").toString(), false, Channel.WECHAT)));
        items.addAll(more);
        return new OfflineScoring(config.monitor(), null).run(StreamExecutionEnvironment.getExecutionEnvironment(),
                List.of(SAMPLE.resolve("policy.txt")), items, CRAWLED_AT, work);
    }

    @Test
    void hostileRecordsAmongTheEpisodeAreRefusedWithTheirFileAndLineAndTheAlertsStayTheSame(@TempDir Path work) throws Exception {
        Path hostile = Files.write(work.resolve("hostile.jsonl"), List.of(
                "{\"mid\":\"h1\",\"created_at\":\"99999999999999999999分钟前\",\"text\":\"t\"}",
                "{\"mid\":\"h2\",\"created_at\":\"999999999999999天前\",\"text\":\"t\"}",
                "{\"mid\":" + "1".repeat(1001) + "}",
                "[".repeat(1200),
                "{\"" + "k".repeat(50_000) + "\":1}",
                "{\"mid\":\"h3\",\"created_at\":\"刚刚\",\"text\":\"t\",\"user\":{\"followers_count\":1e308}}"));
        Path wechat = Files.writeString(work.resolve("wechat-hostile.jsonl"),
                "{\"__biz\":\"MzA\",\"mid\":\"1\",\"content\":\"<p>x</p>\",\"publish_time\":-100000000000000000}\n");

        OfflineScoring.Scored scored = run(work.resolve("run"), List.of(new OfflineRecords.Input(hostile.toString(), false, Channel.WEIBO),
                new OfflineRecords.Input(wechat.toString(), false, Channel.WECHAT)));

        assertThat(scored.refused()).extracting(d -> new String(d.key(), StandardCharsets.UTF_8) + ":" + d.offset())
                .filteredOn(where -> where.startsWith(work.toString()))
                .containsExactly(hostile + ":1", hostile + ":2", hostile + ":3", hostile + ":4", hostile + ":5", hostile + ":6",
                        wechat + ":1");
        assertThat(scored.refused()).allSatisfy(d -> assertThat(d.reason()).hasSizeLessThan(302).doesNotContain("\n"));
        assertThat(scored.alerts().stream().map(Json::toString).toList()).isEqualTo(score(work.resolve("clean")));
    }

    @Test
    void theDemoEpisodeRaisesAnEpisodeOfAlertsAndTheSameFilesGiveTheSameBytes(@TempDir Path work) throws Exception {
        List<String> first = score(work.resolve("1"));
        List<String> second = score(work.resolve("2"));
        assertThat(first).isNotEmpty().isEqualTo(second);
        Alert opened = Json.mapper().readValue(first.get(0), Alert.class);
        assertThat(opened.type()).isEqualTo(AlertEventType.OPENED);
        assertThat(opened.policyId()).isEqualTo("江教发〔2026〕18号");
        assertThat(opened.respondBy()).isEqualTo(opened.windowEnd().plusSeconds(48 * 3600));
        assertThat(opened.factors()).hasSize(org.yqsentinel.rules.risk.RiskFactor.values().length);
        assertThat(opened.topItems()).isNotEmpty().allSatisfy(p -> assertThat(p.maskedExcerpt()).isNotBlank());
        assertThat(first.get(0)).contains("\"tier\":\"" + opened.tier().code() + "\"", "\"color\":\"" + opened.tier().color() + "\"",
                "\"eventTime\":\"" + opened.windowEnd() + "\"");
    }
}
