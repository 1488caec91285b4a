package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.json.Json;

/** Kibana data views must point at the index patterns of our templates and at a date field they map. */
class DataViewsTest {

    private static List<JsonNode> dataViews() throws IOException {
        try (InputStream in = DataViewsTest.class.getResourceAsStream("/kibana/data-views.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return Json.mapper().readTree(l);
                        } catch (IOException e) {
                            throw new AssertionError("not JSON: " + l, e);
                        }
                    }).toList();
        }
    }

    @Test
    void everyIndexTemplateHasADataViewOnItsPatternWithAMappedDateAsTimeField() throws IOException {
        List<JsonNode> views = dataViews();
        assertThat(views).hasSize(IndexTemplates.NAMES.size());
        for (String name : IndexTemplates.NAMES) {
            IndexTemplates.Template template = IndexTemplates.bundled(name);
            JsonNode view = views.stream().filter(v -> v.get("id").asText().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no data view for " + name));
            assertThat(view.get("type").asText()).isEqualTo("index-pattern");
            assertThat(view.at("/attributes/title").asText()).isEqualTo(template.body().get("index_patterns").get(0).asText());
            String timeField = view.at("/attributes/timeFieldName").asText();
            assertThat(template.mappings().at("/properties/" + timeField + "/type").asText())
                    .as("time field %s of %s", timeField, name).isEqualTo("date");
        }
    }
}
