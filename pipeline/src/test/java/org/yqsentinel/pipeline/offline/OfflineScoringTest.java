package org.yqsentinel.pipeline.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
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
        SentinelConfig config = new ConfigLoader(k -> null).read(null);
        List<OfflineRecords.Input> items = List.of(
                new OfflineRecords.Input(SAMPLE.resolve("news.jsonl").toString(), false, Channel.NEWS),
                new OfflineRecords.Input(SAMPLE.resolve("weibo.jsonl").toString(), false, Channel.WEIBO),
                new OfflineRecords.Input(SAMPLE.resolve("wechat.jsonl").toString(), false, Channel.WECHAT));
        List<Alert> alerts = new OfflineScoring(config.monitor(), null).run(StreamExecutionEnvironment.getExecutionEnvironment(),
                List.of(SAMPLE.resolve("policy.txt")), items, CRAWLED_AT, work);
        return alerts.stream().map(Json::toString).toList();
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
        assertThat(opened.factors()).hasSize(8);
        assertThat(opened.topItems()).isNotEmpty().allSatisfy(p -> assertThat(p.maskedExcerpt()).isNotBlank());
        assertThat(first.get(0)).contains("\"tier\":\"" + opened.tier().code() + "\"", "\"color\":\"" + opened.tier().color() + "\"",
                "\"eventTime\":\"" + opened.windowEnd() + "\"");
    }
}
