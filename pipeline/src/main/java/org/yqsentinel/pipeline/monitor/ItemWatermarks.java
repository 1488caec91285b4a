package org.yqsentinel.pipeline.monitor;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.yqsentinel.model.Item;

/**
 * Event time is the item's publish time; watermarks lag by the tolerated lateness, idle partitions do
 * not hold them back. Applied at the Kafka source, watermarks are per partition: a partition behind
 * the others (news crawled hours after Weibo) holds the watermark back instead of arriving late.
 */
public final class ItemWatermarks {

    private ItemWatermarks() {}

    /** For what the Kafka source reads: items by publish time; policies and dead letters do not move time. */
    public static WatermarkStrategy<ReadRecord> forReadRecords(Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<ReadRecord>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((read, recordTimestamp) -> read.eventTimeMillis())
                .withIdleness(idleness);
    }

    /** For items from any other source (tests, replay from files). */
    public static WatermarkStrategy<Item> forItems(Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Item>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((item, recordTimestamp) -> item.publishedAt().toEpochMilli())
                .withIdleness(idleness);
    }
}
