package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rate limiting: at most a medium's {@link DeliveryBook.RateLimit#count} notifications in its period to one address.
 * One over the limit is not dropped: it stays pending, due when the oldest notification counted leaves the period.
 * What was sent, or may have been, counts; so does what a planning tick has already handed out to be sent.
 */
final class RateLimiter {

    private final Map<Medium, DeliveryBook.RateLimit> limits;
    /** When each medium and address was told, oldest first; pruned to the period as it is looked at. */
    private final Map<String, Deque<Instant>> toldAt = new HashMap<>();

    /** @param limits per medium; a medium without one is not limited */
    RateLimiter(Map<Medium, DeliveryBook.RateLimit> limits) {
        this.limits = limits;
    }

    /** Counts a notification sent (or possibly sent) to the target at {@code at}. */
    void told(Target target, Instant at) {
        toldAt.computeIfAbsent(key(target), k -> new ArrayDeque<>()).addLast(at);
    }

    /** A planning tick: what it hands out counts against the limits before its answers come. */
    Tick tick() {
        return new Tick();
    }

    final class Tick {

        private final Map<String, Integer> handedOut = new HashMap<>();

        private Tick() {}

        /**
         * A notification due now, held until there is room when its address has had its fill; empty when it may go,
         * and it then counts.
         */
        Optional<Delivery> hold(Delivery due, Instant now) {
            DeliveryBook.RateLimit limit = limits.get(due.target().medium());
            String key = key(due.target());
            if (limit != null) {
                Deque<Instant> times = toldAt.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(limit.per()))) {
                    times.pollFirst();
                }
                if (times.size() + handedOut.getOrDefault(key, 0) >= limit.count()) {
                    Instant free = times.isEmpty() ? now.plus(limit.per()) : times.peekFirst().plus(limit.per());
                    return Optional.of(due.with(Status.PENDING, due.attempts(), free, now, "held by the rate limit of " + limit.count() + " "
                            + due.target().medium().id() + " per " + limit.per() + " to " + due.target().shown() + " until " + free));
                }
            }
            handedOut.merge(key, 1, Integer::sum);
            return Optional.empty();
        }
    }

    private static String key(Target target) {
        return target.medium() + " " + target.address();
    }
}
