package org.yqsentinel.report.brief;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yqsentinel.report.CaseDelivery;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.brief.Timeline.Acknowledgement;

/**
 * What was done about a case (六、处置情况): the notifications the alerting service sent, counted per receiver, channel
 * and status, and the acknowledgements, earliest first.
 */
public record Handling(List<DeliveryTally> deliveries, List<Acknowledgement> acknowledgements) {

    /**
     * The notifications to one receiver over one channel that stand at one status, and when the first and the last
     * of them were last updated. Missing values are empty strings.
     */
    public record DeliveryTally(String receiver, String channel, String status, long count, Instant first, Instant last) {}

    private record Key(String receiver, String channel, String status) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::receiver).thenComparing(Key::channel)
                .thenComparing(Key::status);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    public Handling {
        deliveries = List.copyOf(deliveries);
        acknowledgements = List.copyOf(acknowledgements);
    }

    public static Handling of(CaseFile file) {
        Map<Key, DeliveryTally> tallies = new TreeMap<>();
        for (CaseDelivery d : file.deliveries()) {
            if (!CaseDelivery.DELIVERY.equals(d.kind())) {
                continue;
            }
            Key key = new Key(Objects.toString(d.receiver(), ""), Objects.toString(d.channel(), ""), Objects.toString(d.status(), ""));
            tallies.merge(key, new DeliveryTally(key.receiver(), key.channel(), key.status(), 1, d.at(), d.at()), Handling::add);
        }
        return new Handling(List.copyOf(tallies.values()), Timeline.acknowledgements(file));
    }

    private static DeliveryTally add(DeliveryTally a, DeliveryTally b) {
        return new DeliveryTally(a.receiver(), a.channel(), a.status(), a.count() + b.count(), earlier(a.first(), b.first()),
                later(a.last(), b.last()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
