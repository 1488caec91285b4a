package org.yqsentinel.pipeline.enrich;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.pipeline.kafka.FailedItems;
import org.yqsentinel.rules.RuleFiles;

/**
 * Reads each item with one {@link TextAnalyzer} per task, using the rules of the configured folder. An item the
 * analyzer fails on goes to the dead letters ({@link FailedItems}) instead of failing the job.
 */
public final class EnrichItems extends ProcessFunction<Item, EnrichedItem> {

    static final String STAGE = "enrich";
    private static final Logger LOG = LoggerFactory.getLogger(EnrichItems.class);

    private final String rulesDir;
    private transient TextAnalyzer analyzer;
    private transient Counter failed;

    /** @param rulesDir a rules folder present on every task manager, or empty for the bundled rules */
    public EnrichItems(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        analyzer = new TextAnalyzer(RuleFiles.of(rulesDir));
        failed = getRuntimeContext().getMetricGroup().counter("itemsDeadLettered");
    }

    @Override
    public void processElement(Item item, Context context, Collector<EnrichedItem> out) {
        EnrichedItem enriched;
        try {
            enriched = analyzer.enrich(item);
        } catch (RuntimeException | StackOverflowError e) {
            DeadLetter letter = FailedItems.of(item, STAGE, e);
            failed.inc();
            LOG.warn("dead letter {} ({}): {}", letter.origin(), STAGE, letter.reason());
            context.output(FailedItems.DEAD_LETTERS, letter);
            return;
        }
        out.collect(enriched);
    }
}
