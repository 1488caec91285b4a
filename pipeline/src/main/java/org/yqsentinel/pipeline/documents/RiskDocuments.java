package org.yqsentinel.pipeline.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.elasticsearch.DocumentRouter;
import org.yqsentinel.pipeline.elasticsearch.IndexedDocument;

/**
 * Where the risk job's outputs are indexed, each under its deterministic id so a replay or a restart
 * overwrites; a case is merged into the stored one so that the acknowledgement the alerting service wrote
 * onto it stays until the job has one of its own.
 */
public final class RiskDocuments {

    /**
     * Case fields the alerting service writes at once on acknowledgement (a partial update); the job writes them only
     * once the acknowledgement has reached it as a case step.
     */
    static final Set<String> ACKNOWLEDGEMENT = Set.of("acknowledgedAt", "acknowledgedBy");

    /** Every other {@link CaseRecord} component, in declaration order: each is written, as JSON null when null. */
    static final List<String> CASE_FIELDS = Arrays.stream(CaseRecord.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(name -> !ACKNOWLEDGEMENT.contains(name))
            .toList();

    private RiskDocuments() {}

    /** Alert events to {@code yq-alerts}. */
    public record Alerts(Namespace namespace) implements DocumentRouter<Alert> {
        @Override
        public IndexedDocument route(Alert alert) {
            return new IndexedDocument(namespace.index("yq-alerts"), alert.id(), Json.toBytes(alert));
        }
    }

    /** Points of the risk series to the monthly {@code yq-risk-YYYY.MM} of their window end (UTC). */
    public record Points(Namespace namespace) implements DocumentRouter<RiskPoint> {
        @Override
        public IndexedDocument route(RiskPoint point) {
            YearMonth month = YearMonth.from(point.windowEnd().atOffset(ZoneOffset.UTC));
            return new IndexedDocument(namespace.riskIndex(month), point.id(), Json.toBytes(point));
        }
    }

    /**
     * Case records to {@code yq-cases}, merged into the stored case: every component of the record but the
     * acknowledgement is written (a null one as an explicit JSON null, so that, say, a {@code currentTier}
     * cleared on resolution clears the stored one), and {@code acknowledgedAt}/{@code acknowledgedBy} only when the
     * job knows them, so the stored values the alerting service wrote stay until then.
     */
    public record Cases(Namespace namespace) implements DocumentRouter<CaseRecord> {
        @Override
        public IndexedDocument route(CaseRecord record) {
            return IndexedDocument.merged(namespace.index("yq-cases"), record.id(), Json.toBytes(caseFields(record)));
        }
    }

    /** The record's JSON with every field but an unknown acknowledgement, nulls included. */
    static ObjectNode caseFields(CaseRecord record) {
        ObjectNode written = Json.mapper().valueToTree(record);
        ObjectNode fields = Json.mapper().createObjectNode();
        CASE_FIELDS.forEach(name -> fields.set(name, written.get(name)));  // a missing value is set as JSON null
        if (record.acknowledgedAt() != null) {
            ACKNOWLEDGEMENT.forEach(name -> fields.set(name, written.get(name)));
        }
        return fields;
    }
}
