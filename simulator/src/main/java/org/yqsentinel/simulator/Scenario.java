package org.yqsentinel.simulator;

import java.util.List;
import java.util.Objects;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;

/**
 * One generated demo episode: a policy, the public posts reacting to it (in publication order) and
 * the broken crawler records that the ingest path must refuse rather than drop silently.
 */
public record Scenario(PolicyDocument policy, List<Item> items, List<MalformedRecord> malformed) {

    public Scenario {
        Objects.requireNonNull(policy, "policy");
        items = List.copyOf(items);
        malformed = List.copyOf(malformed);
    }

    /** A raw line as a crawler might deliver it on a channel's topic, and why it cannot become an item. */
    public record MalformedRecord(Channel channel, String line, RejectCode code, String why) {}

    public List<Item> items(Channel channel) {
        return items.stream().filter(item -> item.channel() == channel).toList();
    }

    public List<MalformedRecord> malformed(Channel channel) {
        return malformed.stream().filter(record -> record.channel() == channel).toList();
    }
}
