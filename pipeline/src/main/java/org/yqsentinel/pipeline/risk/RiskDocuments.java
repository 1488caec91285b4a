package org.yqsentinel.pipeline.risk;

import java.time.YearMonth;
import java.time.ZoneOffset;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.elasticsearch.DocumentRouter;
import org.yqsentinel.pipeline.elasticsearch.IndexedDocument;

/** Where the risk job's outputs are indexed, each under its deterministic id so a replay or a restart overwrites. */
public final class RiskDocuments {

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

    /** Case records to {@code yq-cases}, the latest state of each case replacing the one before. */
    public record Cases(Namespace namespace) implements DocumentRouter<CaseRecord> {
        @Override
        public IndexedDocument route(CaseRecord record) {
            return new IndexedDocument(namespace.index("yq-cases"), record.id(), Json.toBytes(record));
        }
    }
}
