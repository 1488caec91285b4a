package org.yqsentinel.pipeline.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Namespace;
import org.yqsentinel.pipeline.read.RawRecord;

/**
 * What the raw topics and the control topic hold, read back as they are: every partition from its earliest kept
 * record up to the end it had when the archive was opened, with a plain consumer that belongs to no group and commits
 * nothing, so reading it changes nothing on the topics. Serializable, so that a job's source can read it again.
 */
public final class KafkaArchive implements Archive {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaClients clients;
    /** The end offset of each partition when the archive was opened. */
    private final Map<TopicPartition, Long> ends;
    /** How many records the partitions kept between their beginning and those ends. */
    private final long size;
    /**
     * Since when the archive holds every record Kafka took: the latest, over the partitions retention has cut, of
     * when their earliest kept record was taken (epoch ms); {@link Long#MIN_VALUE} when no partition was cut.
     */
    private final long completeSince;
    /** What it reads, for a person. */
    private final String description;

    private KafkaArchive(KafkaClients clients, Map<TopicPartition, Long> ends, long size, long completeSince, String description) {
        this.description = description;
        this.clients = clients;
        this.ends = Map.copyOf(ends);
        this.size = size;
        this.completeSince = completeSince;
    }

    /** The raw topics and the control topic of a namespace, up to where they end now. */
    public static KafkaArchive open(KafkaClients clients, Namespace names) {
        List<String> topics = new ArrayList<>(Arrays.stream(Channel.values()).map(names::rawTopic).toList());
        topics.add(names.rawPolicyTopic());
        topics.add(names.controlTopic());
        return open(clients, topics, "the raw topics");
    }

    /** The control topic of a namespace alone, up to where it ends now: the rules in force over time. */
    public static KafkaArchive control(KafkaClients clients, Namespace names) {
        return open(clients, List.of(names.controlTopic()), names.controlTopic());
    }

    private static KafkaArchive open(KafkaClients clients, List<String> topics, String description) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        long size = 0;
        long completeSince = Long.MIN_VALUE;
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer(Map.of())) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long end = endOffsets.get(partition);
                long beginning = beginnings.get(partition);
                ends.put(partition, end);
                size += end - beginning;
                if (beginning > 0) {  // retention cut this partition: it holds what was taken since its first kept record
                    completeSince = Math.max(completeSince, beginning < end ? firstTimestamp(consumer, partition, beginning) : Long.MAX_VALUE);
                }
            }
        }
        return new KafkaArchive(clients, ends, size, completeSince, description);
    }

    private static long firstTimestamp(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        for (int poll = 0; poll < 20; poll++) {
            for (ConsumerRecord<byte[], byte[]> first : consumer.poll(POLL)) {
                return first.timestamp();
            }
        }
        return Long.MAX_VALUE;  // not readable now: count the partition as cut up to now
    }

    /**
     * Whether every record Kafka took at or after {@code since} is still kept. A post published at a time is taken by
     * Kafka no earlier, so then the archive holds every post published since then too.
     */
    public boolean holdsSince(Instant since) {
        return completeSince <= since.toEpochMilli();
    }

    /** How many records the archive holds. */
    public long size() {
        return size;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Every record up to the ends the archive was opened with, partition by partition in offset order. */
    @Override
    public void forEach(Consumer<RawRecord> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer(Map.of())) {
            for (TopicPartition partition : partitionsInOrder(ends.keySet())) {
                long end = ends.get(partition);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                        if (r.offset() < end) {
                            each.accept(new RawRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value()));
                        }
                    }
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                continue;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitionsInOrder(partitions);
    }

    /** By topic, then partition: the same order on every read, so ties in publish time keep one order. */
    private static List<TopicPartition> partitionsInOrder(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition)).toList();
    }
}
