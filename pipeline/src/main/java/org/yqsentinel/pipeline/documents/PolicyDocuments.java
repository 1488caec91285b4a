package org.yqsentinel.pipeline.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.elasticsearch.DocumentRouter;
import org.yqsentinel.pipeline.elasticsearch.IndexedDocument;
import org.yqsentinel.rules.risk.WatchedPolicy;

/**
 * A watched policy goes to {@code yq-policies} under its id (the canonical 文号 when it has one): the
 * document as published, its pre-issuance risk with the factors that made it, the responsible department,
 * its main topic, and the watch period by the rules the job started with.
 */
public record PolicyDocuments(Namespace namespace, int watchDays) implements DocumentRouter<WatchedPolicy> {
    @Override
    public IndexedDocument route(WatchedPolicy policy) {
        ObjectNode doc = Json.mapper().valueToTree(policy.document());
        doc.put("preIssuanceRisk", policy.preIssuance());
        doc.set("preIssuanceFactors", Json.mapper().valueToTree(policy.preIssuanceFactors()));
        doc.put("responsibleDepartment", policy.responsibleDepartment());
        doc.put("topic", policy.topic());
        if (policy.watchedFrom() != null) {
            doc.put("watchedFrom", policy.watchedFrom().toString());
            doc.put("watchedUntil", policy.watchedUntil(watchDays).toString());
        }
        return new IndexedDocument(namespace.index("yq-policies"), policy.id(), Json.toBytes(doc));
    }
}
