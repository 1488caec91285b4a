package org.yqsentinel.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.risk.ActivePolicies;
import org.yqsentinel.simulator.PolicySimulator;

class PipelineLoadTest {

    private static final Instant NOW = Instant.parse("2026-12-03T06:17:42Z");

    @TempDir
    Path dir;

    @Test
    void episodesLastAboutAMinuteAtTheBenchRateAndEndAnHourBeforeNow() {
        PipelineLoad.Plan plan = PipelineLoad.plan(2_000, Duration.ofMinutes(5), NOW);
        assertThat(plan.items()).isEqualTo(600_000);
        assertThat(plan.simulatorRate()).isCloseTo(2_000 * 60 / PipelineLoad.ITEMS_AT_RATE_ONE, org.assertj.core.data.Offset.offset(0.01));
        assertThat(plan.episodeSpan()).isEqualTo(Duration.ofHours(20));
        assertThat(plan.episodes()).as("5 minutes of one-minute episodes, with room for thinner ones").isBetween(5, 7);
        assertThat(plan.end()).isBefore(NOW.minus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(plan.start().getEpochSecond() % 3600).isZero();

        PipelineLoad.Plan fast = PipelineLoad.plan(50_000, Duration.ofMinutes(1), NOW);
        assertThat(fast.simulatorRate()).as("capped").isEqualTo(PolicySimulator.MAX_RATE);
    }

    @Test
    void thePolicyIsIssuedOnTheDayTheFirstEpisodeStarts() {
        PipelineLoad.Plan plan = PipelineLoad.plan(500, Duration.ofMinutes(3), NOW);
        PolicyDocument policy = PipelineLoad.policy(plan);
        Instant activeFrom = ActivePolicies.activeFrom(policy);
        assertThat(activeFrom).isBeforeOrEqualTo(plan.start()).isAfter(plan.start().minus(Duration.ofDays(1)));
        assertThat(policy.id()).isEqualTo(PolicySimulator.policy().id());
        assertThat(new String(PipelineLoad.policyPage(plan), StandardCharsets.UTF_8)).contains("发布日期: " + policy.publishedOn());
    }

    @Test
    void theSpoolHoldsThePlannedItemsInEventTimeOrderAsCrawlerRecords() throws Exception {
        PipelineLoad.Plan plan = PipelineLoad.plan(50, Duration.ofSeconds(40), NOW);
        Path spool = dir.resolve("bench/pipeline.spool");
        Map<Channel, Long> written = PipelineLoad.write(plan, 7, spool);

        Map<Channel, Long> read = new EnumMap<>(Channel.class);
        long previous = Long.MIN_VALUE;
        try (PipelineLoad.Reader reader = new PipelineLoad.Reader(spool)) {
            for (PipelineLoad.Entry entry = reader.next(); entry != null; entry = reader.next()) {
                assertThat(entry.eventTimeMillis()).isGreaterThanOrEqualTo(previous)
                        .isBetween(plan.start().toEpochMilli(), plan.end().toEpochMilli());
                previous = entry.eventTimeMillis();
                JsonNode record = Json.mapper().readTree(entry.value());
                assertThat(record.isObject()).isTrue();
                read.merge(entry.channel(), 1L, Long::sum);
            }
        }
        assertThat(read).isEqualTo(written);
        assertThat(read.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_000);
        assertThat(read).containsKeys(Channel.WEIBO, Channel.NEWS);
    }
}
