package org.yqsentinel.pipeline.dedupe;

import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.yqsentinel.model.Item;

/**
 * Lets the first item of each key through and drops the rest: the same post delivered twice, or
 * reached under a second id at the same canonical URL, is indexed once. Keys are remembered for the
 * retention period. Drops are counted (metric {@code itemsRepeated}, accumulator {@value #ACCUMULATOR}).
 */
public final class DropRepeats extends KeyedProcessFunction<String, Item, Item> {

    public static final String ACCUMULATOR = "yq.items.repeated";

    private final Duration retention;
    private transient ValueState<Boolean> seen;
    private transient Counter repeated;
    private transient LongCounter repeatedTotal;

    public DropRepeats(Duration retention) {
        this.retention = retention;
    }

    /** Items keyed by their id. */
    public static KeySelector<Item, String> byId() {
        return new ById();
    }

    /** Items keyed by their canonical URL, or by id when they have none. */
    public static KeySelector<Item, String> byUrl() {
        return new ByUrl();
    }

    /** Per key: whether an item with it was seen, kept for {@code retention} (a descriptor with a time to live is made per operator, not shared). */
    static ValueStateDescriptor<Boolean> seenState(Duration retention) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Boolean.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        return descriptor;
    }

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getState(seenState(retention));
        repeated = getRuntimeContext().getMetricGroup().counter("itemsRepeated");
        repeatedTotal = new LongCounter();
        getRuntimeContext().addAccumulator(ACCUMULATOR, repeatedTotal);
    }

    @Override
    public void processElement(Item item, Context context, Collector<Item> out) throws Exception {
        if (seen.value() != null) {
            repeated.inc();
            repeatedTotal.add(1);
            return;
        }
        seen.update(Boolean.TRUE);
        out.collect(item);
    }

    private static final class ById implements KeySelector<Item, String> {
        @Override
        public String getKey(Item item) {
            return item.id();
        }
    }

    private static final class ByUrl implements KeySelector<Item, String> {
        @Override
        public String getKey(Item item) {
            return item.url() == null ? "id:" + item.id() : "url:" + item.url();
        }
    }
}
