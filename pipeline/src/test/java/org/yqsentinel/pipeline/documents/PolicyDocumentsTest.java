package org.yqsentinel.pipeline.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.risk.WatchedPolicy;

/** A watched policy's document in {@code yq-policies}: what it adds to the policy, all of it mapped by the strict template. */
class PolicyDocumentsTest {

    @Test
    void aWatchedPolicysDocumentCarriesItsDepartmentTopicAndWatchPeriodAllMapped() throws Exception {
        PolicyDocument policy = new PolicyDocument("江教发〔2026〕18号", "江教发〔2026〕18号", new DocumentNumber("江教发", 2026, 18), null,
                "关于调整课后服务收费标准的通知", "江城市教育局", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), null,
                List.of("教育"), "正文", null);
        WatchedPolicy watched = new WatchedPolicy(policy, List.of("课后服务", "收费"), 0.4,
                List.of(new Factor("诉求词:收费", 2, 1, 0.15, "出现「收费」2 处")), "江城市教育局", "教育", new Region("湖北", "江城", null));
        JsonNode doc = Json.mapper().readTree(new PolicyDocuments(new Namespace("t-x-"), 30).route(watched).json());
        assertThat(doc.get("responsibleDepartment").asText()).isEqualTo("江城市教育局");
        assertThat(doc.get("topic").asText()).isEqualTo("教育");
        assertThat(doc.get("watchedUntil").asText()).isEqualTo("2026-12-19T16:00:00Z");
        JsonNode mapped = IndexTemplates.bundled("yq-policies").mappings().get("properties");
        assertThat(doc.fieldNames()).toIterable().allSatisfy(field -> assertThat(mapped.has(field)).as(field).isTrue());
    }
}
