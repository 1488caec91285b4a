package org.yqsentinel.pipeline.elasticsearch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonpSerializable;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.json.Json;

/** The bulk operations the writer sends, as the lines of the {@code _bulk} body Elasticsearch receives. */
class BulkWriterTest {

    private static final String CASE = "{\"id\":\"case:1\",\"status\":\"ASSESSING\",\"currentTier\":null,\"peakTier\":\"II_ORANGE\"}";
    private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();

    /** The NDJSON lines of one bulk operation, parsed: its action line and its body. */
    private static List<JsonNode> lines(BulkOperation operation) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : rawLines(operation)) {
            lines.add(json(line));
        }
        return lines;
    }

    /** The lines as sent, unparsed (field order as the client writes them); an update has either an action or its binary form. */
    private static List<String> rawLines(BulkOperation operation) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Iterator<?> it = operation._serializables(); it.hasNext(); ) {
            Object line = it.next();
            if (line instanceof BinaryData data) {
                lines.add(UTF_8.decode(data.asByteBuffer()).toString());
            } else if (line != null) {
                lines.add(JsonpUtils.toString((JsonpSerializable) line, MAPPER, new StringBuilder()).toString());
            }
        }
        return lines;
    }

    @Test
    void aDocumentNotMergedReplacesTheStoredOne() throws Exception {
        List<JsonNode> lines = lines(BulkWriter.operation(new IndexedDocument("yq-cases", "case:1", CASE.getBytes(UTF_8))));
        assertThat(lines).containsExactly(json("{\"index\":{\"_index\":\"yq-cases\",\"_id\":\"case:1\"}}"), json(CASE));
    }

    @Test
    void aMergedDocumentIsAPartialDocUpsertKeepingItsNullsThatRetriesConflicts() throws Exception {
        List<String> lines = rawLines(BulkWriter.operation(IndexedDocument.merged("yq-cases", "case:1", CASE.getBytes(UTF_8))));
        assertThat(lines).containsExactly(
                "{\"update\":{\"_id\":\"case:1\",\"_index\":\"yq-cases\",\"retry_on_conflict\":3}}",
                "{\"doc\":" + CASE + ",\"doc_as_upsert\":true}");
        assertThat(BulkWriter.RETRIES_ON_CONFLICT).isEqualTo(3);
    }

    @Test
    void aMergedDocumentThatIsNotAJsonObjectIsRefusedNamingIt() {
        assertThatThrownBy(() -> BulkWriter.operation(IndexedDocument.merged("yq-cases", "case:1", "[1]".getBytes(UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case:1").hasMessageContaining("yq-cases");
        assertThatThrownBy(() -> IndexedDocument.merged("yq-cases", "case:2", " ".getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode json(String json) throws Exception {
        return Json.mapper().readTree(json);
    }
}
