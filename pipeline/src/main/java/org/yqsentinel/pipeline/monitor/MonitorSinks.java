package org.yqsentinel.pipeline.monitor;

import org.apache.flink.api.connector.sink2.Sink;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * Where the monitor job writes: enriched items (with their policy links), watched policies, dead letters,
 * alert events (to the alert topic, and as documents), the risk series and the cases. Live they are Kafka
 * and Elasticsearch ({@link MonitorConnectors}); offline scoring and tests give their own.
 */
public record MonitorSinks(Sink<EnrichedItem> items, Sink<WatchedPolicy> policies, Sink<DeadLetter> deadLetters,
                           Sink<Alert> alerts, Sink<Alert> alertDocuments, Sink<RiskPoint> riskPoints,
                           Sink<CaseRecord> cases) {}
