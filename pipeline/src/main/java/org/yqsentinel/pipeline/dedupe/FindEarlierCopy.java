package org.yqsentinel.pipeline.dedupe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.yqsentinel.pipeline.dedupe.CopyIndex;
import org.yqsentinel.pipeline.dedupe.CopyIndex.Seen;

/**
 * Keyed by band value: remembers the posts that had it and names the earliest one an incoming post
 * copies. Posts are judged in publish-time order — each waits until the watermark passes its publish
 * time — so the verdicts do not depend on the order in which parallel tasks deliver them: a replay
 * marks the same copies as the live run.
 */
public final class FindEarlierCopy extends KeyedProcessFunction<String, BandedItem, CopyVerdict> {

    private static final Comparator<BandedItem> BY_ID = Comparator.comparing(BandedItem::itemId);

    /** Per band: posts waiting, by their event time, for the watermark to pass it. */
    static final MapStateDescriptor<Long, List<BandedItem>> WAITING =
            new MapStateDescriptor<>("waiting-for-watermark", Types.LONG, Types.LIST(TypeInformation.of(BandedItem.class)));

    /** Per band: the posts seen, each kept for {@code retention} (a descriptor with a time to live is made per operator, not shared). */
    static ListStateDescriptor<Seen> bucketState(Duration retention) {
        ListStateDescriptor<Seen> seen = new ListStateDescriptor<>("band-bucket", Seen.class);
        seen.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        return seen;
    }

    private final Duration retention;
    private transient ListState<Seen> bucket;
    private transient MapState<Long, List<BandedItem>> waiting;

    public FindEarlierCopy(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        bucket = getRuntimeContext().getListState(bucketState(retention));
        waiting = getRuntimeContext().getMapState(WAITING);
    }

    @Override
    public void processElement(BandedItem banded, Context context, Collector<CopyVerdict> out) throws Exception {
        if (banded.band().startsWith(SplitIntoBands.NOT_COMPARED)) {
            out.collect(new CopyVerdict(banded.itemId(), banded.bands(), null, 0L, banded.item()));
            return;
        }
        long publishedAt = banded.publishedAtMillis();
        if (publishedAt <= context.timerService().currentWatermark()) {
            judge(banded, out);
            return;
        }
        List<BandedItem> due = waiting.get(publishedAt);
        List<BandedItem> updated = due == null ? new ArrayList<>() : new ArrayList<>(due);
        updated.add(banded);
        waiting.put(publishedAt, updated);
        context.timerService().registerEventTimeTimer(publishedAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CopyVerdict> out) throws Exception {
        List<BandedItem> due = waiting.get(timestamp);
        if (due == null) {
            return;
        }
        waiting.remove(timestamp);
        List<BandedItem> ordered = new ArrayList<>(due);
        ordered.sort(BY_ID);
        for (BandedItem banded : ordered) {
            judge(banded, out);
        }
    }

    private void judge(BandedItem banded, Collector<CopyVerdict> out) throws Exception {
        Seen post = new Seen(banded.itemId(), banded.fingerprint(), banded.publishedAtMillis());
        List<Seen> earlier = new ArrayList<>();
        bucket.get().forEach(earlier::add);
        Seen original = CopyIndex.original(earlier, post).orElse(null);
        bucket.update(CopyIndex.remember(earlier, post));
        out.collect(new CopyVerdict(banded.itemId(), banded.bands(), original == null ? null : original.itemId(),
                original == null ? 0L : original.publishedAtMillis(), banded.item()));
    }
}
