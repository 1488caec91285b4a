package org.yqsentinel.pipeline.dedupe;

import org.yqsentinel.model.Item;

/** What one band's index says about an item: the earliest original it copies there, if any. */
public record CopyVerdict(String itemId, int bands, String originalId, long originalPublishedAtMillis, Item item) {}
