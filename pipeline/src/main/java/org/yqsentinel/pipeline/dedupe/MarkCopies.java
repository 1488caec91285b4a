package org.yqsentinel.pipeline.dedupe;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.yqsentinel.model.Item;
import org.yqsentinel.pipeline.dedupe.CopyIndex;
import org.yqsentinel.pipeline.dedupe.CopyIndex.Seen;

/**
 * Keyed by item id: gathers the verdicts of all bands of an item, then lets the item go on, marked as
 * a copy of the earliest original any band found (reprints are kept: they are spread, not noise).
 * Counted as metric {@code itemsMarkedCopy} and accumulator {@value #ACCUMULATOR}.
 */
public final class MarkCopies extends KeyedProcessFunction<String, CopyVerdict, Item> {

    public static final String ACCUMULATOR = "yq.items.copies";

    /** Per item: the item, until every band has given its verdict. */
    static final ValueStateDescriptor<Item> ITEM = new ValueStateDescriptor<>("item", Item.class);
    /** Per item: how many bands have given their verdict. */
    static final ValueStateDescriptor<Integer> VERDICTS = new ValueStateDescriptor<>("verdicts", Integer.class);
    /** Per item: the earliest post it copies, among the verdicts so far. */
    static final ValueStateDescriptor<Seen> ORIGINAL = new ValueStateDescriptor<>("original", Seen.class);

    private transient ValueState<Item> item;
    private transient ValueState<Integer> verdicts;
    private transient ValueState<Seen> original;
    private transient Counter copies;
    private transient LongCounter copiesTotal;

    @Override
    public void open(OpenContext context) {
        item = getRuntimeContext().getState(ITEM);
        verdicts = getRuntimeContext().getState(VERDICTS);
        original = getRuntimeContext().getState(ORIGINAL);
        copies = getRuntimeContext().getMetricGroup().counter("itemsMarkedCopy");
        copiesTotal = new LongCounter();
        getRuntimeContext().addAccumulator(ACCUMULATOR, copiesTotal);
    }

    @Override
    public void processElement(CopyVerdict verdict, Context context, Collector<Item> out) throws Exception {
        if (verdict.item() != null) {
            item.update(verdict.item());
        }
        if (verdict.originalId() != null) {
            original.update(CopyIndex.earlier(original.value(),
                    new Seen(verdict.originalId(), 0L, verdict.originalPublishedAtMillis())));
        }
        int count = (verdicts.value() == null ? 0 : verdicts.value()) + 1;
        if (count < verdict.bands()) {
            verdicts.update(count);
            return;
        }
        Item complete = item.value();
        Seen first = original.value();
        if (first != null) {
            copies.inc();
            copiesTotal.add(1);
            complete = complete.withCopyOf(first.itemId());
        }
        item.clear();
        verdicts.clear();
        original.clear();
        out.collect(complete);
    }
}
