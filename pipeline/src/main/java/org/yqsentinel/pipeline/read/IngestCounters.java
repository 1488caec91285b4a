package org.yqsentinel.pipeline.read;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Counters of what the read step accepted and refused, per channel and per reason: {@code channel.weibo.reason.bad_time.rejected}. */
final class IngestCounters {

    private final MetricGroup group;
    private final Map<String, Counter> counters = new HashMap<>();

    IngestCounters(MetricGroup group) {
        this.group = group;
    }

    void accepted(String channel) {
        counters.computeIfAbsent(channel, c -> group.addGroup("channel", c).counter("accepted")).inc();
    }

    void rejected(String channel, String reasonCode) {
        counters.computeIfAbsent(channel + "/" + reasonCode,
                k -> group.addGroup("channel", channel).addGroup("reason", reasonCode).counter("rejected")).inc();
    }
}
