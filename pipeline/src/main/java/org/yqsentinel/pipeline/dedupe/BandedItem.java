package org.yqsentinel.pipeline.dedupe;

import org.yqsentinel.model.Item;

/**
 * One band of an item's fingerprint on its way to the index of that band value. Only the first band
 * carries the item itself; {@code bands} says how many verdicts {@link MarkCopies} must wait for.
 */
public record BandedItem(String band, int bands, String itemId, long fingerprint, long publishedAtMillis, Item item) {}
