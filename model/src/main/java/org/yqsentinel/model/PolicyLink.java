package org.yqsentinel.model;

/**
 * The evidence that a post is about a policy: how the link was found ({@code DOCUMENT_NUMBER},
 * {@code TITLE}, {@code SHORT_TITLE} or {@code SUBJECT}), what matched (the 文号, the title, or the
 * words of the policy's subject, 、-separated in text order) and the confidence in [0, 1].
 */
public record PolicyLink(String policyId, String evidence, String matched, double confidence) {}
