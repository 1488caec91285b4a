package org.yqsentinel.rules.risk;

import java.util.List;

/**
 * A {@link WindowTally} as an immutable value, for Flink state (a record of plain fields and lists, which
 * Flink serializes without Kryo): one per policy and slide of event time.
 */
public record TallyBucket(long posts, long negative, long alarmed, long official, long reach, long sensitive, List<String> channels,
                          List<String> regions, List<String> influential, List<TopPost> top) {

    public TallyBucket {
        channels = List.copyOf(channels);
        regions = List.copyOf(regions);
        influential = List.copyOf(influential);
        top = List.copyOf(top);
    }
}
