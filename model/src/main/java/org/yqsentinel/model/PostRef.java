package org.yqsentinel.model;

import java.time.Instant;

/** A post quoted as evidence in an alert or case, its text already de-identified. */
public record PostRef(String itemId, Channel channel, String source, String url, Instant publishedAt,
                      String maskedExcerpt, long interactions) {}
