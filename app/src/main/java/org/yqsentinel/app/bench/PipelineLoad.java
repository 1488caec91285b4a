package org.yqsentinel.app.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Zones;
import org.yqsentinel.simulator.PolicySimulator;
import org.yqsentinel.simulator.Scenario;
import org.yqsentinel.simulator.ScenarioFiles;
import org.yqsentinel.simulator.ScenarioGenerator;
import org.yqsentinel.simulator.Simulation;

/**
 * The items {@code ./yq bench pipeline} sends: simulated surge episodes around the demo policy
 * ({@link PolicySimulator}, each 20 hours of event time from quiet to tail), back to back, each with its own
 * seed, their counts scaled so that one episode lasts about {@link #EPISODE_WALL} at the bench's rate. Event
 * time therefore runs much faster than the wall clock (a 5-minute slide of the risk windows passes in a
 * fraction of a second), which gives every minute of the benchmark several alert events to time.
 *
 * <p>The episodes end an hour before the bench starts, so that no post lies in the future, and the policy is
 * re-dated to be issued on the day the first episode starts (Beijing time).
 */
public final class PipelineLoad {

    /** About how long one episode lasts at the bench's rate. */
    static final Duration EPISODE_WALL = Duration.ofSeconds(60);
    /** Items of one surge episode at the simulator's rate 1 (3,130 to 3,150 over the seeds tried). */
    static final double ITEMS_AT_RATE_ONE = 3_140;
    /** Episodes hold fewer items than the estimate by at most this share; the plan makes room for it. */
    private static final double SHORTFALL = 0.85;
    private static final String SCENARIO = "surge";

    /**
     * What will be sent.
     *
     * @param items         how many items, in all
     * @param simulatorRate the {@link PolicySimulator} rate of each episode
     * @param episodes      at most this many episodes (the items run out within them)
     * @param start         when the first episode starts (event time)
     * @param episodeSpan   event time of one episode
     */
    public record Plan(long items, double simulatorRate, int episodes, Instant start, Duration episodeSpan) {

        /** The last instant of event time the items can reach. */
        public Instant end() {
            return start.plus(episodeSpan.multipliedBy(episodes));
        }

        Instant episodeStart(int episode) {
            return start.plus(episodeSpan.multipliedBy(episode));
        }
    }

    /** One record of the spool: the channel's raw topic, the item's event time, the crawler record. */
    record Entry(Channel channel, long eventTimeMillis, byte[] value) {}

    private PipelineLoad() {}

    /** The plan for {@code itemsPerSecond} during {@code length}, the episodes ending an hour before {@code now}. */
    public static Plan plan(double itemsPerSecond, Duration length, Instant now) {
        if (!(itemsPerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be above 0 items/s, not " + itemsPerSecond);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the length must be above 0, not " + length);
        }
        long items = Math.max(1, Math.round(itemsPerSecond * length.toMillis() / 1000.0));
        double rate = Math.min(PolicySimulator.MAX_RATE, itemsPerSecond * EPISODE_WALL.toSeconds() / ITEMS_AT_RATE_ONE);
        int episodes = (int) Math.ceil(items / (ITEMS_AT_RATE_ONE * rate * SHORTFALL));
        List<Simulation.Phase> phases = PolicySimulator.phases(SCENARIO, ScenarioGenerator.RELEASED_AT);
        Duration span = Duration.between(phases.get(0).start(), phases.get(phases.size() - 1).end());
        Instant start = now.minus(span.multipliedBy(episodes)).minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        return new Plan(items, rate, episodes, start, span);
    }

    /** The demo policy, issued on the day the first episode starts (Beijing), written four days before. */
    static PolicyDocument policy(Plan plan) {
        PolicyDocument demo = PolicySimulator.policy();
        LocalDate issued = plan.start().atZone(Zones.BEIJING).toLocalDate();
        return new PolicyDocument(demo.id(), demo.documentNumber(), demo.documentNumberParts(), demo.indexNumber(), demo.title(),
                demo.issuingOffice(), issued.minusDays(4), issued, demo.category(), demo.subjectWords(), demo.body(), demo.url());
    }

    /** The policy's portal page, as it goes to the raw policy topic. */
    static byte[] policyPage(Plan plan) {
        return ScenarioFiles.policyPage(policy(plan)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Simulates the episodes (seed, seed + 1, …) and writes their crawler records in event-time order into
     * {@code spool}, up to the plan's item count.
     *
     * @return records written per channel
     */
    static Map<Channel, Long> write(Plan plan, long seed, Path spool) throws IOException {
        Map<Channel, Long> written = new EnumMap<>(Channel.class);
        long left = plan.items();
        Files.createDirectories(spool.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16))) {
            for (int episode = 0; episode < plan.episodes() && left > 0; episode++) {
                for (Entry entry : episode(plan, seed + episode, episode)) {
                    if (left-- == 0) {
                        break;
                    }
                    out.writeByte(entry.channel().ordinal());
                    out.writeLong(entry.eventTimeMillis());
                    out.writeInt(entry.value().length);
                    out.write(entry.value());
                    written.merge(entry.channel(), 1L, Long::sum);
                }
            }
        }
        if (left > 0) {
            throw new IllegalStateException(plan.episodes() + " episodes held " + (plan.items() - left) + " items, fewer than the "
                    + plan.items() + " planned");
        }
        return written;
    }

    /** One episode's records in event-time order (stable: within a second, news, Weibo, WeChat as the files list them). */
    static List<Entry> episode(Plan plan, long seed, int episode) {
        Simulation simulation = new PolicySimulator(seed, plan.simulatorRate()).simulate(SCENARIO, plan.episodeStart(episode));
        Scenario scenario = simulation.asScenario();
        List<Entry> entries = new ArrayList<>(scenario.items().size());
        for (Channel channel : Channel.values()) {
            List<Item> items = scenario.items(channel);
            List<String> lines = ScenarioFiles.lines(scenario, channel);  // one line per item, in the same order
            for (int i = 0; i < items.size(); i++) {
                entries.add(new Entry(channel, items.get(i).publishedAt().toEpochMilli(), lines.get(i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::eventTimeMillis));
        return entries;
    }

    /** Reads a spool back, record by record. */
    static final class Reader implements AutoCloseable {

        private final DataInputStream in;

        Reader(Path spool) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16));
        }

        /** The next record, or null at the end. */
        Entry next() {
            try {
                int channel;
                try {
                    channel = in.readUnsignedByte();
                } catch (EOFException end) {
                    return null;
                }
                long eventTime = in.readLong();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                return new Entry(Channel.values()[channel], eventTime, value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bench spool: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
