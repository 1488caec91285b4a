package org.yqsentinel.pipeline.monitor;

import org.yqsentinel.model.Namespace;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.pipeline.elasticsearch.DocumentRouter;
import org.yqsentinel.pipeline.elasticsearch.IndexedDocument;

/** A policy document goes to {@code yq-policies} under its id (the canonical 文号 when it has one). */
public record PolicyDocuments(Namespace namespace) implements DocumentRouter<PolicyDocument> {
    @Override
    public IndexedDocument route(PolicyDocument policy) {
        return new IndexedDocument(namespace.index("yq-policies"), policy.id(), Json.toBytes(policy));
    }
}
