package org.yqsentinel.alerting.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.delivery.Status;
import org.yqsentinel.model.Alert;

/**
 * {@code ./yq alerting --dry-run}: what would be sent to whom, and when, for alert events from a file, with
 * the routing and options in force, sending nothing. The events are taken at their event time, and time
 * then runs on in steps until {@code horizon} after the last event, as if nobody acknowledged: grouping,
 * inhibition, quiet hours, repeats and escalations show as they would happen.
 */
public final class DryRun {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final DeliveryBook book;
    private final Senders senders;
    private final DateTimeFormatter time;
    private final List<String> lines = new ArrayList<>();
    private int notifications;

    public DryRun(DeliveryBook book, Senders senders, ZoneId zone) {
        this.book = book;
        this.senders = senders;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    /**
     * One line per notification that would go out or be held back, in time order, and one per event that repeats an
     * earlier one (and so is dropped).
     */
    public List<String> run(List<Alert> events, Duration horizon) {
        List<Alert> ordered = events.stream().sorted(Comparator.comparing(Alert::windowEnd)).toList();
        if (ordered.isEmpty()) {
            return List.of();
        }
        Instant now = ordered.get(0).windowEnd();
        for (Alert event : ordered) {
            now = advance(now, event.windowEnd());
            DeliveryBook.Acceptance acceptance = book.accept(event, event.windowEnd());
            if (acceptance.duplicate()) {
                lines.add(time.format(event.windowEnd()) + "  event " + event.id() + " repeated: nothing sent again");
            }
            acceptance.changed().stream().filter(d -> d.status().isFinal()).forEach(d -> line(d.updatedAt(), d));
        }
        advance(now, now.plus(horizon));
        return lines;
    }

    private Instant advance(Instant from, Instant to) {
        Instant now = from;
        while (!now.isAfter(to)) {
            DeliveryBook.Plan plan = book.plan(now, List.of());
            plan.changed().stream().filter(d -> d.status().isFinal()).forEach(d -> line(d.updatedAt(), d));
            for (Delivery d : plan.send()) {
                line(now, book.finished(d, SendResult.sent("dry run"), now));
            }
            now = now.plus(STEP);
        }
        return to;
    }

    /** How many of the lines of {@link #run} are notifications. */
    public int notifications() {
        return notifications;
    }

    private void line(Instant at, Delivery d) {
        notifications++;
        lines.add(String.format(Locale.ROOT, "%s  %-10s %-8s %-9s %s <%s>  %s", time.format(at), d.purpose().name().toLowerCase(Locale.ROOT),
                d.target().medium().id(), d.status() == Status.SENT ? "SEND" : d.status().name(),
                d.target().who(), d.target().shown(), d.status() == Status.SENT ? senders.preview(d) : d.detail()));
    }
}
