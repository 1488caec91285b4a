package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;
import org.yqsentinel.stack.setup.ElasticsearchConnection;

/** {@code yq demo} on the real stack ends with an alert of Ⅱ橙 or higher and its case in Elasticsearch. */
@ExtendWith(LocalStackExtension.class)
class DemoCommandIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatedSurgeEndsWithAnOrangeOrRedAlertAndItsCase(StackContext stack) throws Exception {
        StackCli.Printed run = StackCli.run(StackCli.config(dir, stack), "demo");
        String printed = run.out();
        assertThat(run.exit()).as(printed).isZero();

        List<Alert> alerts = documents(stack, "yq-alerts", Alert.class);
        Alert orange = alerts.stream().filter(a -> a.tier().compareTo(Tier.II_ORANGE) >= 0).findFirst().orElseThrow();
        assertThat(orange.subjectId()).isEqualTo("江教发〔2026〕18号");
        List<CaseRecord> cases = documents(stack, "yq-cases", CaseRecord.class);
        assertThat(cases).extracting(CaseRecord::id).contains(orange.caseId());
        CaseRecord record = cases.stream().filter(c -> c.id().equals(orange.caseId())).findFirst().orElseThrow();
        assertThat(record.peakTier().compareTo(Tier.II_ORANGE)).isGreaterThanOrEqualTo(0);
        assertThat(record.responsibleDepartment()).isEqualTo("江城市教育局");
        assertThat(printed).contains("posts linked to a policy", orange.tier().label(), "case " + orange.caseId());
        assertThat(printed).contains("dead letters this run: 6");
    }

    private static <T> List<T> documents(StackContext stack, String index, Class<T> type) throws Exception {
        String name = stack.namespace().index(index);
        try (ElasticsearchConnection es = ElasticsearchConnection.open(stack.elasticsearchUrl())) {
            es.client().indices().refresh(r -> r.index(name));
            return es.client().search(s -> s.index(name).size(100), JsonNode.class).hits().hits().stream()
                    .map(hit -> hit.source()).filter(Objects::nonNull).map(node -> {
                        try {
                            return Json.mapper().treeToValue(node, type);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }
}
