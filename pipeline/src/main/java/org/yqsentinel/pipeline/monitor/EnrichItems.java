package org.yqsentinel.pipeline.monitor;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;

/** Segments and keywords each item with one {@link TextAnalyzer} per task. */
public final class EnrichItems extends RichMapFunction<Item, EnrichedItem> {

    private transient TextAnalyzer analyzer;

    @Override
    public void open(OpenContext context) {
        analyzer = new TextAnalyzer();
    }

    @Override
    public EnrichedItem map(Item item) {
        return new EnrichedItem(item, analyzer.analyze(item.title(), item.text()));
    }
}
