package org.yqsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.ingest.policy.PolicyPageAdapter;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.simulator.Scenario.MalformedRecord;

class ScenarioGeneratorTest {

    private static final long SEED = ScenarioFiles.DEFAULT_SEED;
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("江教发[〔\\[(（]2026[〕\\])）]18号");
    /** Files are read as if crawled at the end of the episode's window. */
    private static final Instant SEEN = ScenarioGenerator.RELEASED_AT.plus(ScenarioGenerator.WINDOW);
    private static final ItemReader READER = new ItemReader();
    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final Map<Channel, String> ADAPTERS =
            Map.of(Channel.WEIBO, "weibo-mblog", Channel.WECHAT, "wechat-article", Channel.NEWS, "news-page");

    private final Scenario scenario = new ScenarioGenerator(SEED).generate();

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        Scenario again = new ScenarioGenerator(SEED).generate();
        assertThat(again).isEqualTo(scenario);
        ScenarioFiles.write(scenario, first);
        ScenarioFiles.write(again, second);
        for (String file : List.of(ScenarioFiles.POLICY_FILE, "news.jsonl", "weibo.jsonl", "wechat.jsonl")) {
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
        assertThat(released.atZone(Zones.BEIJING).toLocalDate()).isEqualTo(s.policy().publishedOn());
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
    void channelFilesHoldEveryItemAndEveryMalformedLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("policy.jsonl"), "{}\n");
        ScenarioFiles.write(scenario, dir);
        for (Channel channel : Channel.values()) {
            List<String> lines = Files.readAllLines(dir.resolve(ScenarioFiles.fileName(channel)));
            assertThat(lines).isEqualTo(ScenarioFiles.lines(scenario, channel));
            assertThat(lines).hasSize(scenario.items(channel).size() + scenario.malformed(channel).size());
            assertThat(lines).containsAll(scenario.malformed(channel).stream().map(MalformedRecord::line).toList());
        }
        assertThat(Files.readString(dir.resolve(ScenarioFiles.POLICY_FILE))).isEqualTo(ScenarioFiles.policyPage(scenario.policy()));
        assertThat(dir.resolve("policy.jsonl")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(longs = {SEED, 1, 42, 7_777})
    void everyLineReadsBackThroughItsCrawlerAdapterAsTheGeneratedItem(long seed) {
        Scenario s = new ScenarioGenerator(seed).generate();
        for (Channel channel : Channel.values()) {
            List<Item> items = s.items(channel);
            List<String> lines = itemLines(s, channel);
            assertThat(lines).hasSameSizeAs(items);
            for (int i = 0; i < items.size(); i++) {
                ParseResult<Item> result = READER.read(channel, lines.get(i).getBytes(StandardCharsets.UTF_8), SEEN);
                assertThat(result).as(lines.get(i)).isInstanceOf(ParseResult.Accepted.class);
                assertThat(result.adapter()).isEqualTo(ADAPTERS.get(channel));
                Item read = ((ParseResult.Accepted<Item>) result).record();
                assertThat(read).as(lines.get(i)).usingRecursiveComparison().ignoringFields("fingerprint")
                        .isEqualTo(expectedReadBack(items.get(i)));
            }
        }
    }

    @Test
    void repostsNameTheirOriginalsMid() throws IOException {
        List<Item> weibo = scenario.items(Channel.WEIBO);
        List<String> lines = itemLines(scenario, Channel.WEIBO);
        List<Item> reposts = weibo.stream().filter(item -> item.repostOf() != null).toList();
        assertThat(reposts).hasSizeGreaterThanOrEqualTo(12);
        assertThat(weibo).filteredOn(item -> item.text().contains("//@")).containsExactlyElementsOf(reposts);
        for (Item repost : reposts) {
            Item original = weibo.stream().filter(item -> item.id().equals(repost.repostOf())).findFirst().orElseThrow();
            assertThat(original.publishedAt()).isBeforeOrEqualTo(repost.publishedAt());
            assertThat(repost.text()).contains("//@" + original.author().name() + "：");
            JsonNode mblog = Json.mapper().readTree(lines.get(weibo.indexOf(repost)));
            assertThat(mblog.path("retweeted_status").path("mid").asText()).isEqualTo(original.sourceId());
            assertThat(mblog.path("retweeted_status").path("user").path("screen_name").asText())
                    .isEqualTo(original.author().name());
        }
    }

    @Test
    void malformedLinesAreRefusedWithTheirCode() {
        assertThat(scenario.malformed()).allSatisfy(record -> {
            ParseResult<Item> result = READER.read(record.channel(), record.line().getBytes(StandardCharsets.UTF_8), SEEN);
            assertThat(result).as(record.why() + ": " + record.line()).isInstanceOf(ParseResult.Rejected.class);
            assertThat(((ParseResult.Rejected<Item>) result).code()).as(record.why()).isEqualTo(record.code());
        });
        assertThat(scenario.malformed()).extracting(MalformedRecord::code).containsExactlyInAnyOrder(RejectCode.NOT_JSON,
                RejectCode.BAD_TIME, RejectCode.NOT_JSON, RejectCode.MISSING_FIELD, RejectCode.NOT_OBJECT, RejectCode.NO_ID);
    }

    @Test
    void policyPageReadsBackAsThePolicy() {
        PolicyDocument policy = scenario.policy();
        String page = ScenarioFiles.policyPage(policy);
        assertThat(page).startsWith("索引号: ").contains("\n文号: 江教发〔2026〕18号\t发布日期: 2026-11-20\n");
        ParseResult<PolicyDocument> result = new PolicyReader().read(page.getBytes(StandardCharsets.UTF_8), SEEN);
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        assertThat(result.adapter()).isEqualTo(PolicyPageAdapter.NAME);
        PolicyDocument read = ((ParseResult.Accepted<PolicyDocument>) result).record();
        assertThat(read.id()).isEqualTo(policy.id()).isEqualTo(policy.documentNumber());
        assertThat(read.title()).isEqualTo(policy.title());
        assertThat(read.issuingOffice()).isEqualTo(policy.issuingOffice());
        assertThat(read.writtenOn()).isEqualTo(policy.writtenOn());
        assertThat(read.publishedOn()).isEqualTo(policy.publishedOn());
        assertThat(read.subjectWords()).isEqualTo(policy.subjectWords());
        assertThat(read).usingRecursiveComparison().ignoringFields("url")
                .isEqualTo(policyWithBody(policy, NORMALIZER.plain(policy.body())));
    }

    @Test
    void shapesVaryTheWaysRealCrawlsDo() throws IOException {
        List<JsonNode> weibo = nodes(Channel.WEIBO);
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("user").path("followers_count").asText()).matches("\\d+(\\.\\d)?万"));
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("user").path("followers_count").isNumber()).isTrue());
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("attitudes_count").asText()).matches("\\d+(\\.\\d)?万"));
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("reposts_count").asText()).isEqualTo("转发"));
        assertThat(weibo).filteredOn(m -> m.path("isLongText").asBoolean()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("text").asText()).endsWith("...<a href=\"/status/" + m.path("mid").asText() + "\">全文</a>");
            assertThat(m.path("longText").path("longTextContent").isTextual()).isTrue();
        });
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("text").asText()).contains("<span class=\"url-icon\"><img alt=["));
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("text").asText()).contains("<span class=\"surl-text\">#"));
        assertThat(weibo).anySatisfy(m -> assertThat(m.path("text").asText()).contains("//<a href='/n/"));
        assertThat(weibo).allSatisfy(m -> assertThat(m.path("created_at").asText()).matches("\\w{3} Nov \\d{2} [\\d:]{8} \\+0800 2026"));

        List<JsonNode> wechat = nodes(Channel.WECHAT);
        assertThat(wechat).allSatisfy(a -> assertThat(a.path("publish_time").isIntegralNumber()).isTrue());
        assertThat(wechat).anySatisfy(a -> assertThat(a.path("read_num").asText()).isEqualTo("10万+"));
        assertThat(wechat).allSatisfy(a -> assertThat(a.path("content_url").asText()).contains("&chksm=").contains("&scene="));

        List<JsonNode> news = nodes(Channel.NEWS);
        assertThat(news).extracting(n -> n.path("publish_time").asText().replaceAll("\\d", "0")).contains(
                "0000-00-00 00:00:00", "0000年00月00日 00:00", "0000/00/00 00:00", "发布时间：0000-00-00 00:00");
        assertThat(news).anySatisfy(n -> assertThat(n.path("url").asText()).contains("?utm_source="));
        assertThat(news).anySatisfy(n -> assertThat(n.path("url").asText()).contains("?spm="));
        assertThat(news).anySatisfy(n -> assertThat(n.path("reads").asText()).matches("\\d{1,3}(,\\d{3})+"));
        assertThat(news).anySatisfy(n -> assertThat(n.path("author").asText()).startsWith("记者 "));
    }

    private List<JsonNode> nodes(Channel channel) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : itemLines(scenario, channel)) {
            nodes.add(Json.mapper().readTree(line));
        }
        return nodes;
    }

    /** The lines of a channel's file that hold its items, in order. */
    private static List<String> itemLines(Scenario s, Channel channel) {
        List<String> malformed = s.malformed(channel).stream().map(MalformedRecord::line).toList();
        return ScenarioFiles.lines(s, channel).stream().filter(line -> !malformed.contains(line)).toList();
    }

    /** The item as the adapters give it back: texts normalized, a Weibo region without its city (发布于 names the province). */
    private static Item expectedReadBack(Item item) {
        Region region = item.region() != null && item.channel() == Channel.WEIBO
                ? new Region(item.region().province(), null, null) : item.region();
        return new Item(item.id(), item.channel(), item.sourceId(), item.source(), item.author(), NORMALIZER.plain(item.title()),
                NORMALIZER.plain(item.summary()), NORMALIZER.plain(item.text()), item.url(), item.publishedAt(),
                item.engagement(), region, item.repostOf(), null, false, null);
    }

    private static PolicyDocument policyWithBody(PolicyDocument p, String body) {
        return new PolicyDocument(p.id(), p.documentNumber(), p.documentNumberParts(), p.indexNumber(), p.title(),
                p.issuingOffice(), p.writtenOn(), p.publishedOn(), p.category(), p.subjectWords(), body, null);
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
