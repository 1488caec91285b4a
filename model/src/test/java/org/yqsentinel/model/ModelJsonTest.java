package org.yqsentinel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.json.Json;

class ModelJsonTest {

    static final Item ITEM = new Item(Item.idOf(Channel.WEIBO, "4843210001"), Channel.WEIBO, "4843210001", "微博",
            new Author("江城小王", 12_300L, false, "personal"), null, null, "学费又涨了，这也叫惠民？",
            "https://m.weibo.cn/status/4843210001", Instant.parse("2026-11-20T02:15:00Z"),
            new Engagement(12L, 30L, 200L, null), new Region("广东", "广州", "440100", new GeoPoint(23.13, 113.26)),
            "weibo:4843200000", null, false, "9f3a0c5e11d2b7a4");

    @Test
    void itemRoundTripsThroughJsonWithUtcInstantsAndLowerCaseChannel() throws Exception {
        String json = Json.toString(ITEM);
        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.get("channel").asText()).isEqualTo("weibo");
        assertThat(tree.get("publishedAt").asText()).isEqualTo("2026-11-20T02:15:00Z");
        assertThat(tree.has("title")).as("nulls are left out").isFalse();
        assertThat(Json.mapper().readValue(json, Item.class)).isEqualTo(ITEM);
    }

    @Test
    void enrichedItemIsFlatSoTheIndexedDocumentHasItemFieldsAtTopLevel() throws Exception {
        EnrichedItem enriched = new EnrichedItem(ITEM, new Analysis(List.of("学费", "涨"), List.of("学费"), new Sentiment(-0.8, Sentiment.Label.NEGATIVE), new Emotion(Emotion.Label.ANGRY, 0.7), List.of(), List.of()));
        JsonNode tree = Json.mapper().readTree(Json.toBytes(enriched));
        assertThat(tree.get("id").asText()).isEqualTo("weibo:4843210001");
        assertThat(tree.get("tokens")).hasSize(2);
        assertThat(tree.has("item")).isFalse();
        assertThat(tree.has("indexMonth")).isFalse();
        assertThat(enriched.indexMonth()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void unknownFieldsAreRefusedNotIgnored() {
        assertThatThrownBy(() -> Json.mapper().readValue(
                "{\"id\":\"news:1\",\"channel\":\"news\",\"text\":\"t\",\"publishedAt\":\"2026-11-20T00:00:00Z\",\"txet\":1}",
                Item.class)).isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("txet");
    }

    @Test
    void policyDocumentKeepsCalendarDates() throws Exception {
        PolicyDocument policy = new PolicyDocument("粤办函〔2016〕629号", "粤办函〔2016〕629号",
                new DocumentNumber("粤办函", 2016, 629), "006939748/2016-00123",
                "关于印发某某工作方案的通知", "广东省人民政府办公厅", LocalDate.of(2016, 11, 8), LocalDate.of(2016, 11, 14),
                "综合政务", List.of("教育", "方案"), "正文", "http://www.gd.gov.cn/x.html");
        JsonNode tree = Json.mapper().readTree(Json.toBytes(policy));
        assertThat(tree.get("publishedOn").asText()).isEqualTo("2016-11-14");
        assertThat(Json.mapper().readValue(Json.toBytes(policy), PolicyDocument.class)).isEqualTo(policy);
    }

    @Test
    void alertIdIsDeterministicFromSubjectTypeTierAndWindowEnd() {
        Instant end = Instant.parse("2026-11-20T03:00:00Z");
        assertThat(Alert.idOf("p1", AlertEventType.ESCALATED, Tier.II_ORANGE, end))
                .isEqualTo(Alert.idOf("p1", AlertEventType.ESCALATED, Tier.II_ORANGE, end))
                .isEqualTo("p1/escalated/ii_orange/" + end.toEpochMilli())
                .isNotEqualTo(Alert.idOf("p1", AlertEventType.ESCALATED, Tier.I_RED, end));
        assertThat(Tier.I_RED.isMoreSevereThan(Tier.II_ORANGE)).isTrue();
        assertThat(Tier.I_RED.label()).isEqualTo("Ⅰ级红色（特别重大）");
    }

    @Test
    void unknownChannelNamesTheValidOnes() {
        assertThatThrownBy(() -> Channel.of("douyin")).hasMessageContaining("news, weibo, wechat");
    }
}
