package org.yqsentinel.pipeline.dedupe;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.text.SimHash;
import org.yqsentinel.pipeline.dedupe.CopyIndex;

/** Sends an item to the index of each band of its fingerprint; texts too short to compare go straight through. */
public final class SplitIntoBands implements FlatMapFunction<Item, BandedItem> {

    static final String NOT_COMPARED = "none:";

    @Override
    public void flatMap(Item item, Collector<BandedItem> out) {
        long publishedAt = item.publishedAt().toEpochMilli();
        if (item.fingerprint() == null || !SimHash.comparable(item.text())) {
            out.collect(new BandedItem(NOT_COMPARED + item.id(), 1, item.id(), 0L, publishedAt, item));
            return;
        }
        long fingerprint = SimHash.parseHex(item.fingerprint());
        List<String> bands = CopyIndex.bandKeys(fingerprint);
        for (int i = 0; i < bands.size(); i++) {
            out.collect(new BandedItem(bands.get(i), bands.size(), item.id(), fingerprint, publishedAt, i == 0 ? item : null));
        }
    }
}
