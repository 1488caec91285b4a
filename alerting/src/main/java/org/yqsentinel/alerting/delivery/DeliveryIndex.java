package org.yqsentinel.alerting.delivery;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The book's notifications as they stand, by id and by SMS short-link code, with what a planning tick looks at kept
 * apart: those waiting to be attempted, and the attempts in doubt waiting to be checked, soonest due first.
 */
final class DeliveryIndex {

    private final Map<String, Delivery> byId = new LinkedHashMap<>();
    private final NavigableSet<Delivery> waiting = new TreeSet<>(
            Comparator.comparing(Delivery::dueAt).thenComparing(Delivery::createdAt).thenComparing(Delivery::id));
    private final Map<String, String> shortCodes = new HashMap<>();
    private final Function<String, String> shortCodeOf;
    /** Not yet final: pending, or with an attempt under way or in doubt. */
    private final Set<String> unsettled = new HashSet<>();
    /** Attempts in doubt, and how often their receipt could not be checked. */
    private final Map<String, Integer> inDoubt = new HashMap<>();

    DeliveryIndex(Function<String, String> shortCodeOf) {
        this.shortCodeOf = shortCodeOf;
    }

    /** Records a notification as it now stands; true when it is new. */
    boolean put(Delivery delivery) {
        String id = delivery.id();
        Delivery before = byId.put(id, delivery);
        if (before == null) {
            shortCodes.put(shortCodeOf.apply(id), id);
        } else {
            waiting.remove(before);
        }
        if (delivery.status().isFinal()) {
            unsettled.remove(id);
            inDoubt.remove(id);
        } else {
            unsettled.add(id);
            if (delivery.status() == Status.PENDING) {
                inDoubt.remove(id);
            }
        }
        if (delivery.status() == Status.PENDING || inDoubt.containsKey(id)) {
            waiting.add(delivery);
        }
        return before == null;
    }

    /** Marks the attempt under way of a notification as in doubt, before it is {@linkplain #put put} as it now stands. */
    void doubt(String id) {
        inDoubt.putIfAbsent(id, 0);
    }

    boolean inDoubt(String id) {
        return inDoubt.containsKey(id);
    }

    /** How often the receipt of an attempt in doubt could not be checked. */
    int asked(String id) {
        return inDoubt.getOrDefault(id, 0);
    }

    /** Records that the receipt of an attempt in doubt could not be checked {@code times} times, before it is {@linkplain #put put}. */
    void asked(String id, int times) {
        inDoubt.put(id, times);
    }

    /** What a planning tick looks at, soonest due first. */
    NavigableSet<Delivery> waiting() {
        return Collections.unmodifiableNavigableSet(waiting);
    }

    Delivery get(String id) {
        return byId.get(id);
    }

    boolean has(String id) {
        return byId.containsKey(id);
    }

    Optional<Delivery> byShortCode(String code) {
        return Optional.ofNullable(shortCodes.get(code)).map(byId::get);
    }

    int size() {
        return byId.size();
    }

    int unsettled() {
        return unsettled.size();
    }

    int inDoubt() {
        return inDoubt.size();
    }
}
