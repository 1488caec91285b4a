package org.yqsentinel.pipeline.monitor;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.yqsentinel.model.Item;

/** Event time is the item's publish time; watermarks lag by the tolerated lateness, idle partitions do not hold them back. */
public final class ItemWatermarks {

    private ItemWatermarks() {}

    public static WatermarkStrategy<Item> strategy(Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Item>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((item, recordTimestamp) -> item.publishedAt().toEpochMilli())
                .withIdleness(idleness);
    }
}
