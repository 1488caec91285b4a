package org.yqsentinel.pipeline.link;

import org.yqsentinel.model.EnrichedItem;

/** A post linked to one policy, keyed by the policy for its risk windows (a post linked to two policies goes twice). */
public record LinkedPost(String policyId, EnrichedItem post) {}
