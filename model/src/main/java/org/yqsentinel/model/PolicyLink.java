package org.yqsentinel.model;

/**
 * The evidence that a post is about a policy: how the link was found ({@code DOCUMENT_NUMBER},
 * {@code TITLE}, {@code SHORT_TITLE} or {@code KEYWORDS}), what matched (the 文号, the title, or the
 * shared keywords) and the confidence in [0, 1].
 */
public record PolicyLink(String policyId, String evidence, String matched, double confidence) {}
