package org.yqsentinel.pipeline.monitor;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.rules.RuleFiles;

/** Reads each item with one {@link TextAnalyzer} per task, using the rules of the configured folder. */
public final class EnrichItems extends RichMapFunction<Item, EnrichedItem> {

    private final String rulesDir;
    private transient TextAnalyzer analyzer;

    /** @param rulesDir a rules folder present on every task manager, or empty for the bundled rules */
    public EnrichItems(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        analyzer = new TextAnalyzer(RuleFiles.of(rulesDir));
    }

    @Override
    public EnrichedItem map(Item item) {
        return analyzer.enrich(item);
    }
}
