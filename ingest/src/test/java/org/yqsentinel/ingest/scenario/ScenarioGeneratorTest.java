package org.yqsentinel.ingest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.ingest.scenario.Scenario.MalformedRecord;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.json.Json;

class ScenarioGeneratorTest {

    private static final long SEED = ScenarioFiles.DEFAULT_SEED;
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("江教发[〔\\[(（]2026[〕\\])）]18号");

    private final Scenario scenario = new ScenarioGenerator(SEED).generate();

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        Scenario again = new ScenarioGenerator(SEED).generate();
        assertThat(again).isEqualTo(scenario);
        ScenarioFiles.write(scenario, first);
        ScenarioFiles.write(again, second);
        for (String file : List.of("policy.jsonl", "news.jsonl", "weibo.jsonl", "wechat.jsonl")) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void differentSeedGivesDifferentItems() {
        Scenario other = new ScenarioGenerator(SEED + 1).generate();
        assertThat(other.policy()).isEqualTo(scenario.policy());
        assertThat(other.items()).isNotEqualTo(scenario.items());
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42, 7_777})
    void countsPerChannelAreInRange(long seed) {
        Scenario s = new ScenarioGenerator(seed).generate();
        assertThat(s.items(Channel.WEIBO)).hasSizeBetween(130, 170);
        assertThat(s.items(Channel.NEWS)).hasSizeBetween(80, 100);
        assertThat(s.items(Channel.WECHAT)).hasSizeBetween(50, 70);
        assertThat(s.malformed()).hasSizeBetween(5, 8);
        for (Channel channel : Channel.values()) {
            assertThat(s.malformed(channel)).as(channel.id()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42, 7_777})
    void everyItemIsPublishedWithin72HoursAfterThePolicy(long seed) {
        Scenario s = new ScenarioGenerator(seed).generate();
        Instant released = ScenarioGenerator.RELEASED_AT;
        assertThat(released.atOffset(ScenarioGenerator.BEIJING).toLocalDate()).isEqualTo(s.policy().publishedOn());
        assertThat(s.items()).allSatisfy(item -> assertThat(item.publishedAt())
                .isAfterOrEqualTo(released).isBefore(released.plus(Duration.ofHours(72))));
    }

    @Test
    void idsAreUniqueAndDeriveFromChannelAndSourceId() {
        assertThat(scenario.items()).extracting(Item::id).doesNotHaveDuplicates();
        assertThat(scenario.items()).allSatisfy(item ->
                assertThat(item.id()).isEqualTo(Item.idOf(item.channel(), item.sourceId())));
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42, 7_777})
    void weiboVolumeOnDayTwoExceedsTheFirstHours(long seed) {
        List<Item> weibo = new ScenarioGenerator(seed).generate().items(Channel.WEIBO);
        assertThat(countBetweenHours(weibo, 24, 48)).isGreaterThan(countBetweenHours(weibo, 0, 12));
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42, 7_777})
    void betweenAFifthAndFourFifthsOfItemsNameThePolicy(long seed) {
        List<Item> items = new ScenarioGenerator(seed).generate().items();
        long naming = items.stream().filter(item -> namesPolicy(item.text())).count();
        assertThat((double) naming / items.size()).isBetween(0.2, 0.8);
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42, 7_777})
    void textsHaveTheLengthsOfTheirChannel(long seed) {
        Scenario s = new ScenarioGenerator(seed).generate();
        assertThat(s.items(Channel.WEIBO)).allSatisfy(item -> {
            assertThat(item.title()).isNull();
            assertThat(item.text().length()).isBetween(50, 200);
        });
        assertThat(s.items(Channel.NEWS)).allSatisfy(item -> {
            assertThat(item.title()).isNotBlank();
            assertThat(item.text().length()).isBetween(200, 800);
        });
        assertThat(s.items(Channel.WECHAT)).allSatisfy(item -> {
            assertThat(item.title()).isNotBlank();
            assertThat(item.text().length()).isBetween(300, 1000);
        });
    }

    @Test
    void rawLinesLeaveOutIdAndChannelAndCarryBeijingTime() throws IOException {
        for (Channel channel : Channel.values()) {
            for (Item item : scenario.items(channel)) {
                JsonNode raw = Json.mapper().readTree(ScenarioFiles.rawLine(item));
                assertThat(raw.has("id")).isFalse();
                assertThat(raw.has("channel")).isFalse();
                String publishedAt = raw.get("publishedAt").asText();
                assertThat(publishedAt).endsWith("+08:00");
                assertThat(OffsetDateTime.parse(publishedAt).toInstant()).isEqualTo(item.publishedAt());
            }
        }
    }

    @Test
    void channelFilesHoldEveryItemAndEveryMalformedLine(@TempDir Path dir) throws IOException {
        ScenarioFiles.write(scenario, dir);
        for (Channel channel : Channel.values()) {
            List<String> lines = Files.readAllLines(dir.resolve(ScenarioFiles.fileName(channel)));
            assertThat(lines).hasSize(scenario.items(channel).size() + scenario.malformed(channel).size());
            assertThat(lines).containsAll(scenario.malformed(channel).stream().map(MalformedRecord::line).toList());
            assertThat(lines.get(0)).isEqualTo(ScenarioFiles.rawLine(scenario.items(channel).get(0)));
        }
        assertThat(Files.readAllLines(dir.resolve(ScenarioFiles.POLICY_FILE))).hasSize(1);
    }

    @Test
    void malformedLinesCannotBecomeItems() {
        assertThat(scenario.malformed()).allSatisfy(record -> assertThat(unusable(record.line()))
                .as(record.why() + ": " + record.line()).isTrue());
    }

    private static boolean unusable(String line) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            return true;
        }
        if (node == null || !node.isObject() || !node.hasNonNull("text") || !node.hasNonNull("sourceId")) {
            return true;
        }
        try {
            OffsetDateTime.parse(node.path("publishedAt").asText());
            return false;
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static boolean namesPolicy(String text) {
        return DOCUMENT_NUMBER.matcher(text).find() || text.contains(ScenarioText.SHORT_TITLE)
                || text.contains(ScenarioText.TITLE);
    }

    private static long countBetweenHours(List<Item> items, int fromHour, int toHour) {
        Instant from = ScenarioGenerator.RELEASED_AT.plus(Duration.ofHours(fromHour));
        Instant to = ScenarioGenerator.RELEASED_AT.plus(Duration.ofHours(toHour));
        return items.stream().filter(i -> !i.publishedAt().isBefore(from) && i.publishedAt().isBefore(to)).count();
    }
}
