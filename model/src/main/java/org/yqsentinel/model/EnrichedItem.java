package org.yqsentinel.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** An item with what enrichment found in it; the document indexed in {@code yq-items-YYYY.MM}. */
public record EnrichedItem(@JsonUnwrapped Item item, @JsonUnwrapped Analysis analysis) {

    /** The month of the index this item belongs to, by its publish time in UTC. */
    @JsonIgnore
    public YearMonth indexMonth() {
        return YearMonth.from(item.publishedAt().atOffset(ZoneOffset.UTC));
    }
}
