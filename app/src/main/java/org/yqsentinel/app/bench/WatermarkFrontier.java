package org.yqsentinel.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the monitor job could first close the window ending at a given event time: the arrival in Kafka of
 * the first record, on any raw partition, whose event time moves its partition's watermark past that time.
 * The job's watermark is the least of its active partitions', so no window closes before that arrival; it
 * closes once every partition that is not idle has had such a record, which can be later. Timing alerts
 * from the first arrival therefore counts that wait too: the latency it gives is an upper bound, never
 * below the truth (timing from the last partition instead would be wrong whenever a partition goes idle).
 *
 * <p>Only the records that raise a partition's latest event time are kept (the frontier), so the memory is
 * bounded by the distinct event times, not by the records. Safe for the producer's callback thread.
 */
final class WatermarkFrontier {

    /** Event times rising, with when each was first reached on the partition. */
    private static final class Steps {
        final List<long[]> points = new ArrayList<>();  // {eventTime, arrivedAt}

        void add(long eventTime, long arrivedAt) {
            if (points.isEmpty() || eventTime > points.get(points.size() - 1)[0]) {
                points.add(new long[] {eventTime, arrivedAt});
            }
        }

        /** The arrival of the first record at or past {@code eventTime}, or -1. */
        long reached(long eventTime) {
            int low = 0;
            int high = points.size() - 1;
            long found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (points.get(mid)[0] >= eventTime) {
                    found = points.get(mid)[1];
                    high = mid - 1;
                } else {
                    low = mid + 1;
                }
            }
            return found;
        }
    }

    private final Map<String, Steps> partitions = new HashMap<>();

    /** A record of {@code partition} with this event time arrived in Kafka at {@code arrivedAt} (epoch ms). */
    synchronized void arrived(String partition, long eventTime, long arrivedAt) {
        partitions.computeIfAbsent(partition, p -> new Steps()).add(eventTime, arrivedAt);
    }

    /** When the first record with an event time at or past {@code eventTime} (epoch ms) arrived, on any partition; -1 if none did. */
    synchronized long reachedFirst(long eventTime) {
        long first = -1;
        for (Steps steps : partitions.values()) {
            long at = steps.reached(eventTime);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    synchronized int partitionCount() {
        return partitions.size();
    }
}
