package org.yqsentinel.pipeline.read;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.yqsentinel.model.Item;

/**
 * Event time is the item's publish time; watermarks lag the latest publish time seen by the tolerated
 * out-of-orderness, and idle partitions do not hold them back. Applied at the Kafka source, watermarks are
 * per partition: a partition behind the others (news crawled hours after Weibo) holds the watermark back
 * instead of arriving late.
 *
 * <p>Watermarks are emitted as the data moves them (whenever they advance by a whole second), not on a
 * wall-clock period: which posts count as late, and so every window's content, depends only on the order
 * of the records. A replay of the same records gives the same windows and the same alerts.
 *
 * <p>A partition that has carried only records without event time (policies, control messages) marks
 * itself idle at once: a policy published on its topic must not hold back the watermark of the posts.
 * A partition that has carried nothing at all goes idle after the idleness timeout.
 */
public final class ItemWatermarks {

    private ItemWatermarks() {}

    /** For what the Kafka source reads: items by publish time; policies, control messages and dead letters do not move time. */
    public static WatermarkStrategy<ReadRecord> forReadRecords(Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<ReadRecord>forGenerator(context -> new DataDriven<>(maxOutOfOrderness))
                .withTimestampAssigner((read, recordTimestamp) -> read.eventTimeMillis())
                .withIdleness(idleness);
    }

    /** For items from any other source (tests). */
    public static WatermarkStrategy<Item> forItems(Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Item>forGenerator(context -> new DataDriven<>(maxOutOfOrderness))
                .withTimestampAssigner((item, recordTimestamp) -> item.publishedAt().toEpochMilli())
                .withIdleness(idleness);
    }

    /** Bounded out-of-orderness, emitted on the event that moves it by at least a second. */
    static final class DataDriven<T> implements WatermarkGenerator<T> {

        private static final long STEP_MILLIS = 1_000;

        private final long bound;
        private long latest = Long.MIN_VALUE;
        private long emitted = Long.MIN_VALUE;
        private boolean timeless;

        DataDriven(Duration maxOutOfOrderness) {
            this.bound = maxOutOfOrderness.toMillis();
        }

        @Override
        public void onEvent(T event, long timestamp, WatermarkOutput output) {
            if (timestamp == TimestampAssigner.NO_TIMESTAMP || timestamp == Long.MIN_VALUE) {
                timeless = true;
                return;
            }
            if (timestamp <= latest) {
                return;
            }
            latest = timestamp;
            long candidate = Math.floorDiv(latest - bound - 1, STEP_MILLIS) * STEP_MILLIS;
            if (candidate > emitted) {
                emitted = candidate;
                output.emitWatermark(new Watermark(candidate));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (emitted != Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(emitted));  // the same value again: active, not ahead
            } else if (timeless) {
                output.markIdle();  // only policies or control messages so far: nothing to hold the posts back for
            }
        }
    }
}
