package org.yqsentinel.pipeline.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.elasticsearch.IndexedDocument;
import org.yqsentinel.rules.risk.CaseBook;

/** Where the risk outputs go and how: alert events replace, cases merge so that an acknowledgement stays. */
class RiskDocumentsTest {

    private static final Namespace NAMES = new Namespace("t-x-");
    private static final Instant END = Instant.parse("2026-11-20T11:00:00Z");
    private static final Alert OPENED = new Alert(Alert.idOf("江教发〔2026〕18号", AlertEventType.OPENED, Tier.II_ORANGE, END),
            AlertEventType.OPENED, "江教发〔2026〕18号", "江城市教育局关于调整中小学课后服务收费标准的通知",
            "case:江教发〔2026〕18号/opened/ii_orange/1", Tier.II_ORANGE, null, 70, END.minusSeconds(3600), END, List.of(), List.of(),
            "江城市教育局", "教育", new Region("湖北", "江城", null), END.plusSeconds(86_400));

    @Test
    void aCaseIsMergedWithEveryComponentOfItsRecordButTheAcknowledgement() throws Exception {
        CaseRecord record = CaseBook.apply(null, OPENED);
        IndexedDocument document = new RiskDocuments.Cases(NAMES).route(record);
        assertThat(document.index()).isEqualTo("t-x-yq-cases");
        assertThat(document.id()).isEqualTo(record.id());
        assertThat(document.merge()).isTrue();
        JsonNode json = Json.mapper().readTree(document.json());
        List<String> components = Arrays.stream(CaseRecord.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("acknowledgedAt") && !name.equals("acknowledgedBy")).toList();
        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(components);
        JsonNode asRecord = Json.mapper().valueToTree(record);
        asRecord.fields().forEachRemaining(field -> assertThat(json.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
    }

    @Test
    void aCaseWritesItsNullComponentsAsNullsAndTheAcknowledgementOnlyOnceTheJobHasIt() throws Exception {
        CaseRecord opened = CaseBook.apply(null, OPENED);
        CaseRecord record = new CaseRecord(opened.id(), opened.subjectId(), opened.subjectTitle(), CaseStatus.EVALUATING, null,
                opened.peakTier(), null, opened.openedAt(), END.plusSeconds(7200), null, END.plusSeconds(600), "张三",
                opened.quotedPosts(), opened.timeline());
        JsonNode json = Json.mapper().readTree(new RiskDocuments.Cases(NAMES).route(record).json());
        assertThat(json.get("acknowledgedAt").asText()).isEqualTo("2026-11-20T11:10:00Z");
        assertThat(json.get("acknowledgedBy").asText()).isEqualTo("张三");
        for (String cleared : List.of("currentTier", "responsibleDepartment", "respondBy")) {
            assertThat(json.has(cleared)).as(cleared).isTrue();
            assertThat(json.get(cleared).isNull()).as(cleared + " is an explicit null").isTrue();
        }
        assertThat(json.get("status").asText()).isEqualTo("EVALUATING");
        assertThat(json.get("peakTier").asText()).isEqualTo(opened.peakTier().code());
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-20T13:00:00Z");
    }

    @Test
    void anAlertEventReplacesTheStoredOneAndCarriesTopicAndRegion() throws Exception {
        IndexedDocument document = new RiskDocuments.Alerts(NAMES).route(OPENED);
        assertThat(document.index()).isEqualTo("t-x-yq-alerts");
        assertThat(document.merge()).isFalse();
        JsonNode json = Json.mapper().readTree(document.json());
        assertThat(json.get("topic").asText()).isEqualTo("教育");
        assertThat(json.get("region").get("province").asText()).isEqualTo("湖北");
    }
}
