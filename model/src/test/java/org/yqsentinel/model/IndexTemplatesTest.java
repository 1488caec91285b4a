package org.yqsentinel.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.json.Json;

/** The templates are strict: every field our records write must be mapped, or indexing fails. */
class IndexTemplatesTest {

    @Test
    void everyFieldOfAnEnrichedItemIsMappedInTheItemsTemplate() {
        EnrichedItem item = new EnrichedItem(ModelJsonTest.ITEM, new Analysis(List.of("学费"), List.of("学费"), new Sentiment(0.1, Sentiment.Label.NEUTRAL), new Emotion(Emotion.Label.NEUTRAL, 0.6),
                List.of(new TopicHit("教育", 2, "教育局", List.of("学费"))),
                List.of(new NamedEntity(NamedEntity.Kind.PLACE, "广州", 0, 2))));
        Item full = new Item(item.item().id(), Channel.NEWS, "1", "南方日报", new Author("记者", 1L, true, "media"), "标题", "摘要",
                "正文", "https://example.org/a", Instant.EPOCH, new Engagement(1L, 2L, 3L, 4L), ModelJsonTest.ITEM.region(),
                "news:0", "news:00", true, "0123456789abcdef");
        assertAllFieldsMapped("yq-items", new EnrichedItem(full, item.analysis()));
    }

    @Test
    void everyFieldOfPolicyAlertAndCaseIsMapped() {
        PolicyDocument policy = new PolicyDocument("p", "文号", new DocumentNumber("粤办函", 2016, 629), "索引号", "标题", "机构", LocalDate.EPOCH, LocalDate.EPOCH,
                "分类", List.of("主题词"), "正文", "https://example.org");
        assertAllFieldsMapped("yq-policies", policy);
        PostRef post = new PostRef("news:1", Channel.NEWS, "site", "https://example.org", Instant.EPOCH, "***", 5);
        Factor factor = new Factor("volume", 10, 0.5, 0.2, "why");
        Alert alert = new Alert("a", AlertEventType.ESCALATED, "p", "标题", "case:a", Tier.II_ORANGE, Tier.III_YELLOW, 71.5,
                Instant.EPOCH, Instant.EPOCH, List.of(factor), List.of(post), "省教育厅", "教育",
                new Region("广东", "广州", "440100", new GeoPoint(23.13, 113.26)), Instant.EPOCH);
        assertAllFieldsMapped("yq-alerts", alert);
        assertThat(IndexTemplates.bundled("yq-alerts").mappings().get("properties").get("region"))
                .as("an alert's region is mapped as an item's")
                .isEqualTo(IndexTemplates.bundled("yq-items").mappings().get("properties").get("region"));
        CaseRecord record = new CaseRecord("case:a", "p", "标题", CaseStatus.ASSESSING, Tier.II_ORANGE, Tier.II_ORANGE, "省教育厅",
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "张三", List.of(post),
                List.of(new CaseEvent(Instant.EPOCH, "alert", "a", Tier.II_ORANGE, CaseStatus.ASSESSING, "note")));
        assertAllFieldsMapped("yq-cases", record);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yq-items", "yq-policies", "yq-risk", "yq-alerts", "yq-cases", "yq-deliveries"})
    void everyTemplateIsStrictSoUnmappedFieldsFailLoudly(String name) {
        assertThat(IndexTemplates.bundled(name).mappings().get("dynamic").asText()).isEqualTo("strict");
    }

    @Test
    void namespaceRewritesTemplateNamesAndPatterns() {
        Map<String, IndexTemplates.Template> byName = new HashMap<>();
        IndexTemplates.forNamespace(new Namespace("t-x-")).forEach(t -> byName.put(t.name(), t));
        assertThat(byName).containsKeys("t-x-yq-items", "t-x-yq-cases");
        assertThat(byName.get("t-x-yq-items").body().get("index_patterns").get(0).asText()).isEqualTo("t-x-yq-items-*");
        assertThat(byName.get("t-x-yq-items").monthly()).isTrue();
        assertThat(byName.get("t-x-yq-cases").singleIndex()).isEqualTo("t-x-yq-cases");
        assertThat(IndexTemplates.bundled("yq-items").body().get("index_patterns").get(0).asText())
                .as("the bundled template is not modified").isEqualTo("yq-items-*");
    }

    private static void assertAllFieldsMapped(String template, Object record) {
        JsonNode properties = IndexTemplates.bundled(template).mappings().get("properties");
        List<String> unmapped = new ArrayList<>();
        collectUnmapped(Json.mapper().valueToTree(record), properties, "", unmapped);
        assertThat(unmapped).as("fields of %s not mapped in %s", record.getClass().getSimpleName(), template).isEmpty();
    }

    private static void collectUnmapped(JsonNode doc, JsonNode properties, String prefix, List<String> unmapped) {
        for (Map.Entry<String, JsonNode> field : doc.properties()) {
            JsonNode mapping = properties.get(field.getKey());
            if (mapping == null) {
                unmapped.add(prefix + field.getKey());
                continue;
            }
            JsonNode value = field.getValue().isArray() && !field.getValue().isEmpty() ? field.getValue().get(0) : field.getValue();
            if (value.isObject() && mapping.has("properties")) {
                collectUnmapped(value, mapping.get("properties"), prefix + field.getKey() + ".", unmapped);
            }
        }
    }
}
