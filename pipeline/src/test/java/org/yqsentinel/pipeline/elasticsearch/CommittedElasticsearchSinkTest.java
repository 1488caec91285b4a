package org.yqsentinel.pipeline.elasticsearch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

/** The writer of the committed sink: one batch per checkpoint, the latest version of each document, kept in the checkpoint. */
class CommittedElasticsearchSinkTest {

    private static final DocumentRouter<String[]> ROUTER = fields -> new IndexedDocument(fields[0], fields[1], fields[2].getBytes(UTF_8));

    @Test
    void aCheckpointsBatchHoldsTheLatestVersionOfEachDocumentInTheOrderLastWritten() throws Exception {
        CommittedElasticsearchSink.Writer<String[]> writer = new CommittedElasticsearchSink.Writer<>(ROUTER, new SimpleCounter());
        writer.write(new String[] {"yq-cases", "case:1", "{\"peak\":\"IV\"}"}, null);
        writer.write(new String[] {"yq-alerts", "a/1", "{}"}, null);
        writer.write(new String[] {"yq-cases", "case:1", "{\"peak\":\"II\"}"}, null);
        List<CommittedElasticsearchSink.Batch> first = List.copyOf(writer.prepareCommit());
        assertThat(first).hasSize(1);
        assertThat(first.get(0).documents()).extracting(IndexedDocument::id).containsExactly("a/1", "case:1");
        assertThat(new String(first.get(0).documents().get(1).json(), UTF_8)).isEqualTo("{\"peak\":\"II\"}");
        assertThat(writer.prepareCommit()).as("nothing written since the last checkpoint").isEmpty();
    }

    @Test
    void batchesTravelInTheCheckpointByteForByte() throws Exception {
        CommittedElasticsearchSink.BatchSerializer serializer = new CommittedElasticsearchSink.BatchSerializer();
        CommittedElasticsearchSink.Batch batch = new CommittedElasticsearchSink.Batch(List.of(
                new IndexedDocument("yq-alerts", "江教发〔2026〕18号/opened/ii_orange/1", "{\"tier\":\"II\"}".getBytes(UTF_8)),
                new IndexedDocument("yq-cases", "case:x", new byte[0])));
        CommittedElasticsearchSink.Batch back = serializer.deserialize(serializer.getVersion(), serializer.serialize(batch));
        assertThat(back.documents()).hasSize(2);
        assertThat(back.documents().get(0).id()).isEqualTo("江教发〔2026〕18号/opened/ii_orange/1");
        assertThat(back.documents().get(0).json()).isEqualTo("{\"tier\":\"II\"}".getBytes(UTF_8));
        assertThat(back.documents().get(1).index()).isEqualTo("yq-cases");
    }

    @Test
    void whetherADocumentIsMergedTravelsWithIt() throws Exception {
        CommittedElasticsearchSink.BatchSerializer serializer = new CommittedElasticsearchSink.BatchSerializer();
        CommittedElasticsearchSink.Batch batch = new CommittedElasticsearchSink.Batch(List.of(
                IndexedDocument.merged("yq-cases", "case:x", "{\"status\":\"ASSESSING\",\"currentTier\":null}".getBytes(UTF_8)),
                new IndexedDocument("yq-alerts", "a/1", "{}".getBytes(UTF_8))));
        CommittedElasticsearchSink.Batch back = serializer.deserialize(serializer.getVersion(), serializer.serialize(batch));
        assertThat(back.documents()).extracting(IndexedDocument::merge).containsExactly(true, false);
        assertThat(back.documents()).extracting(IndexedDocument::id).containsExactly("case:x", "a/1");
        assertThat(back.documents().get(0).json()).isEqualTo("{\"status\":\"ASSESSING\",\"currentTier\":null}".getBytes(UTF_8));
    }

    @Test
    void batchesOfVersionOneFromAnOlderCheckpointAreStillReadAsReplacingDocuments() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(1);
            out.writeUTF("yq-cases");
            out.writeUTF("case:x");
            out.writeInt(2);
            out.write("{}".getBytes(UTF_8));
        }
        CommittedElasticsearchSink.Batch back = new CommittedElasticsearchSink.BatchSerializer().deserialize(1, bytes.toByteArray());
        assertThat(back.documents()).singleElement().satisfies(document -> {
            assertThat(document.id()).isEqualTo("case:x");
            assertThat(document.json()).isEqualTo("{}".getBytes(UTF_8));
            assertThat(document.merge()).isFalse();
        });
    }
}
