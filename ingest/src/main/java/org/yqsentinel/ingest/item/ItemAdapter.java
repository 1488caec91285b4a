package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Reads one crawler's record shape for one channel into an {@link ItemDraft}. */
interface ItemAdapter {

    /** Short name, used in dead letters and counters: {@code weibo-mblog}. */
    String name();

    /** True when the record has this adapter's shape. */
    boolean recognizes(JsonNode record);

    /**
     * @param seenAt when the record was seen (Kafka timestamp or crawl time), for relative times
     * @throws org.yqsentinel.ingest.InvalidRecord when the record cannot become an item
     */
    ItemDraft read(JsonNode record, Instant seenAt);
}
