package org.yqsentinel.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.connect.Backoff;
import org.yqsentinel.model.Alert;

/**
 * Decides who is told what, when: the plain logic of the alerting service, without I/O. Alert events
 * come in through {@link #accept}; {@link #plan} says what is due now; {@link #finished} takes each
 * channel's answer; {@link #acknowledge} records a click on an acknowledge link. Every change it makes is
 * returned, for the caller to write to the ledger, and the ledger {@linkplain #restore restores} it after a
 * restart. Time is always passed in.
 *
 * <p>An attempt is {@link Status#SENDING} from {@link #plan} until {@link #finished}, for the caller to record
 * before the channel is called. One found so at a restart, or left unanswered by its channel, is in doubt:
 * {@link #plan} hands it out to have its receipt checked, and {@link #checked} settles it as {@link InDoubt} says.
 *
 * <p>Deliveries have deterministic ids, and an event already accepted is ignored. The rules are stages of their own,
 * which this book runs in order and whose changes it records:
 * <ol>
 * <li>on {@link #accept}: {@link Grouping} (an event joins its case's notice still waiting to the same target, or
 *     makes one due after the group wait), then {@link Inhibition} (an escalation makes the waiting lower-tier
 *     notices of its case stale);</li>
 * <li>on {@link #plan}: {@link Escalation} and {@link Reminders} make their reports and repeats, then each notification
 *     due passes {@link Muting} (silences) and the {@link RateLimiter} before it is handed out;</li>
 * <li>on {@link #finished} and {@link #checked}: {@link Retries} (backoff, giving up, attempts in doubt).</li>
 * </ol>
 * Whatever a stage makes, {@link Muting} makes final at once when it is an SMS below Ⅰ红 in its route's quiet hours.
 *
 * <p>Not thread-safe: the service calls it under one lock.
 */
public final class DeliveryBook {

    /** At most {@code count} notifications per {@code per} to one address. */
    public record RateLimit(int count, Duration per) {
        public RateLimit {
            if (count < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a count of at least 1 and a positive period");
            }
        }
    }

    /**
     * @param maxAttempts attempts before a delivery is given up
     * @param firstRetry  the wait before the first retry; each further retry waits twice as long
     * @param maxRetry    the longest wait between attempts
     * @param rateLimits  per medium; a medium without one is not limited
     */
    public record Settings(int maxAttempts, Duration firstRetry, Duration maxRetry, Map<Medium, RateLimit> rateLimits) {
        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1");
            }
            if (maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("the longest wait between attempts (alerting.max-retry-seconds, " + maxRetry.toSeconds()
                        + ") is shorter than the first (alerting.first-retry-seconds, " + firstRetry.toSeconds() + "); make it at least as long");
            }
            rateLimits = rateLimits.isEmpty() ? Map.of() : new EnumMap<>(rateLimits);
        }
    }

    /** An event as the service learned of it. */
    public record Accepted(Alert alert, Instant at) {}

    /**
     * The result of accepting an event.
     *
     * @param duplicate true when the event was accepted before: nothing changed
     * @param changed   deliveries made or changed (grouped, inhibited, held by quiet hours)
     */
    public record Acceptance(boolean duplicate, List<Delivery> changed) {}

    /**
     * What is due: deliveries to attempt now (already {@link Status#SENDING}, to be recorded before they are sent),
     * attempts in doubt whose receipt is to be checked before anything is sent again, and deliveries changed on the
     * way (made, silenced, held).
     */
    public record Plan(List<Delivery> send, List<Delivery> check, List<Delivery> changed) {}

    private final Settings settings;
    private final RoutingRules routing;
    private final Map<String, Route> routes = new HashMap<>();
    private final DeliveryIndex index;
    private final Map<String, CaseView> cases = new HashMap<>();
    /** Cases not resolved: the only ones reminders are for. */
    private final Set<CaseView> open = new LinkedHashSet<>();
    private final Set<String> accepted = new HashSet<>();
    /** Attempts in doubt a plan handed out to be checked, until their answer comes. */
    private final Set<String> inFlight = new HashSet<>();
    private final Targets targets;
    private final Muting muting;
    private final RateLimiter rateLimiter;
    private final Backoff backoff;
    private final Retries retries;
    private final Escalation escalation;
    private final Reminders reminders;

    /** A book whose short link codes are keyed with a throwaway secret: for dry runs and benchmarks, which send nothing. */
    public DeliveryBook(RoutingRules routing, Settings settings) {
        this(routing, settings, new AckTokens(AckTokens.newSecret().getBytes(StandardCharsets.UTF_8))::shortCode);
    }

    /** @param shortCodeOf the code of a delivery's SMS short link, by delivery id ({@link AckTokens#shortCode}) */
    public DeliveryBook(RoutingRules routing, Settings settings, Function<String, String> shortCodeOf) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.index = new DeliveryIndex(Objects.requireNonNull(shortCodeOf, "shortCodeOf"));
        this.targets = new Targets(routing);
        this.muting = new Muting(routing.timezone());
        this.rateLimiter = new RateLimiter(settings.rateLimits());
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
        this.retries = new Retries(settings.maxAttempts(), backoff::after);
        this.escalation = new Escalation(routing, targets);
        this.reminders = new Reminders(this::route);
        index(routing.root());
    }

    /** The route of a delivery's route path; the root when the routing no longer has it (it changed since). */
    private Route route(String path) {
        return routes.getOrDefault(path, routing.root());
    }

    private void index(Route route) {
        routes.put(route.path(), route);
        route.routes().forEach(this::index);
    }

    /**
     * Takes back what the ledger holds after a restart: the events accepted, the deliveries, the acknowledgements.
     * A delivery recorded {@link Status#SENDING} was under way when the service stopped: its attempt is in doubt.
     */
    public void restore(Collection<Accepted> events, Collection<Delivery> made, Collection<Acknowledgement> acks) {
        events.stream().sorted(Comparator.comparing(Accepted::at)).forEach(e -> learn(e.alert(), e.at()));
        for (Delivery delivery : made.stream().sorted(Comparator.comparing(Delivery::updatedAt)).toList()) {
            if (delivery.status() == Status.SENDING) {
                index.doubt(delivery.id());
            }
            put(delivery);
            if (told(delivery)) {
                rateLimiter.told(delivery.target(), delivery.updatedAt());
            }
            if (delivery.purpose() == Purpose.ESCALATION) {
                CaseView view = cases.get(delivery.caseId());
                if (view != null) {
                    Escalation.settledBy(view, delivery);
                }
            }
        }
        acks.forEach(a -> view(a.caseId()).acks.add(a));
    }

    /** Takes an alert event: the deliveries its routes make, grouped with pending ones of its case, and inhibition. */
    public Acceptance accept(Alert alert, Instant now) {
        if (alert.caseId() == null) {
            throw new IllegalArgumentException("alert event " + alert.id() + " belongs to no case");
        }
        if (accepted.contains(alert.id())) {
            return new Acceptance(true, List.of());
        }
        learn(alert, now);
        CaseView view = view(alert.caseId());
        Map<String, Delivery> changed = new LinkedHashMap<>();
        Map<Target, Route> reached = new LinkedHashMap<>(targets.of(routing.routesFor(alert)));
        KeepInformed.alsoTell(alert, deliveriesOf(view), reached.keySet(), this::route).forEach(reached::putIfAbsent);
        for (Map.Entry<Target, Route> entry : reached.entrySet()) {
            Target target = entry.getKey();
            Route route = entry.getValue();
            Optional<Delivery> waiting = Grouping.waiting(deliveriesOf(view), target, inFlight);
            if (waiting.isPresent()) {
                changed.put(waiting.get().id(), put(Grouping.join(waiting.get(), alert, route, now)));
            } else {
                make(Grouping.notice(alert, route, target, now), now, changed);
            }
        }
        for (Delivery inhibited : Inhibition.inhibited(alert, deliveriesOf(view), id -> inFlight.contains(id) || changed.containsKey(id), now)) {
            changed.put(inhibited.id(), put(inhibited));
        }
        return new Acceptance(false, List.copyOf(changed.values()));
    }

    /** What is due at {@code now}: escalations and reminders come due, silences and the rate limits apply. */
    public Plan plan(Instant now, List<Silence> silences) {
        Map<String, Delivery> changed = new LinkedHashMap<>();
        escalation.due(now).forEach(report -> make(report, now, changed));
        for (CaseView view : open) {
            if (Reminders.looksAt(view, now)) {
                Reminders.Due due = reminders.due(view, deliveriesOf(view), now);
                due.reminders().forEach(reminder -> make(reminder, now, changed));
                view.nextRepeat = due.next();
            }
        }
        List<Delivery> due = new ArrayList<>();
        List<Delivery> check = new ArrayList<>();
        for (Delivery d : index.waiting()) {
            if (d.dueAt().isAfter(now)) {
                break;
            }
            if (inFlight.contains(d.id())) {
                continue;
            }
            if (index.inDoubt(d.id())) {
                inFlight.add(d.id());  // whatever the silences and limits say now, it may have gone out: ask first
                check.add(d);
            } else {
                due.add(d);
            }
        }
        List<Delivery> send = new ArrayList<>();
        RateLimiter.Tick limits = rateLimiter.tick();
        for (Delivery d : due) {
            Optional<Delivery> stopped = Muting.silenced(d, silences, now).or(() -> limits.hold(d, now));
            if (stopped.isPresent()) {
                changed.put(d.id(), put(stopped.get()));
                continue;
            }
            int attempt = d.attempts() + 1;
            send.add(put(d.with(Status.SENDING, attempt, d.dueAt(), now, "attempt " + attempt + " under way since " + now)));
        }
        return new Plan(send, check, List.copyOf(changed.values()));
    }

    /**
     * Takes a channel's answer to an attempt of a delivery {@link #plan} handed out; returns the delivery as it now
     * stands. An attempt that went out unanswered stays {@link Status#SENDING}, in doubt, to be checked after the
     * retry wait.
     */
    public Delivery finished(Delivery attempted, SendResult result, Instant now) {
        inFlight.remove(attempted.id());
        Delivery d = index.get(attempted.id());
        Delivery next = retries.attempted(d, result, now);
        if (result.outcome() == SendResult.Outcome.SENT) {
            rateLimiter.told(d.target(), now);
        } else if (result.outcome() == SendResult.Outcome.IN_DOUBT) {
            index.doubt(d.id());
        }
        return put(next);
    }

    /**
     * Settles an attempt in doubt that {@link #plan} handed out to be checked, by what its channel tells of the receipt
     * (see {@link InDoubt}); returns the delivery as it now stands: sent, pending to be sent again now, in doubt for
     * good, or still to be checked after the retry wait.
     */
    public Delivery checked(Delivery inQuestion, Receipt receipt, Instant now) {
        inFlight.remove(inQuestion.id());
        Delivery d = index.get(inQuestion.id());
        int asked = index.asked(d.id()) + 1;
        Retries.Checked checked = retries.checked(d, receipt, asked, now);
        if (checked.decision() == InDoubt.ARRIVED) {
            rateLimiter.told(d.target(), now);
        } else if (checked.decision() == InDoubt.ASK_AGAIN) {
            index.asked(d.id(), asked);
        }
        return put(checked.delivery());
    }

    /** The wait after the n-th failed attempt: the first retry wait, doubled each time, at most the longest wait. */
    Duration backoff(int attempts) {
        return backoff.after(attempts);
    }

    /**
     * Records that someone acknowledged a case through a valid link: escalations of the case's events so far
     * stop, and so do reminders. Returns the acknowledgement, the earlier one when the same person clicked before.
     */
    public Acknowledgement acknowledge(AckTokens.Claim claim, Instant now) {
        String id = Acknowledgement.idOf(claim.caseId(), claim.alertId(), claim.receiver());
        CaseView view = view(claim.caseId());
        Optional<Acknowledgement> earlier = view.acks.stream().filter(a -> a.id().equals(id)).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Acknowledgement ack = new Acknowledgement(id, claim.caseId(), claim.alertId(), claim.receiver(), now);
        view.acks.add(ack);
        return ack;
    }

    /** The subject (policy id) of a case the book knows, from its latest event. */
    public Optional<String> subjectOf(String caseId) {
        CaseView view = cases.get(caseId);
        return view == null || view.latest == null ? Optional.empty() : Optional.of(view.latest.subjectId());
    }

    /** The acknowledgement with this id, if someone made it. */
    public Optional<Acknowledgement> acknowledgement(String caseId, String id) {
        CaseView view = cases.get(caseId);
        return view == null ? Optional.empty() : view.acks.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The delivery whose SMS short link has this code. */
    public Optional<Delivery> byShortCode(String code) {
        return index.byShortCode(code);
    }

    public Optional<Delivery> delivery(String id) {
        return Optional.ofNullable(index.get(id));
    }

    /** Notifications in the book, final or not. */
    public int size() {
        return index.size();
    }

    /** Deliveries not yet final: pending, or with an attempt under way or in doubt. */
    public int pending() {
        return index.unsettled();
    }

    /** Attempts in doubt not yet settled. */
    public int inDoubt() {
        return index.inDoubt();
    }

    /** Whether the case was acknowledged after the last of its events that asked for a response. */
    public boolean acknowledged(String caseId) {
        CaseView view = cases.get(caseId);
        return view != null && !view.acks.isEmpty() && view.acknowledged();
    }

    /** When the case's first unsettled escalation is due, if one is. */
    public Optional<Instant> escalationDue(String caseId) {
        CaseView view = cases.get(caseId);
        return view == null ? Optional.empty() : Escalation.due(view);
    }

    /** Sent, or possibly sent: a reminder counts from it, and so does the rate limit. */
    static boolean told(Delivery d) {
        return d.status() == Status.SENT || d.status() == Status.IN_DOUBT;
    }

    private void learn(Alert alert, Instant at) {
        accepted.add(alert.id());
        CaseView view = view(alert.caseId());
        if (view.latest == null || !alert.windowEnd().isBefore(view.latest.windowEnd())) {
            view.latest = alert;
            if (view.open()) {
                open.add(view);
            } else {
                open.remove(view);
            }
        }
        escalation.learn(view, alert, at);
    }

    /** Makes what a stage asks for unless the book holds it already; quiet hours may make it final at once. */
    private void make(Draft draft, Instant now, Map<String, Delivery> changed) {
        if (!index.has(draft.id())) {
            changed.put(draft.id(), put(muting.quiet(draft.pending(now), draft.route(), now)));
        }
    }

    private Delivery put(Delivery delivery) {
        CaseView view = view(delivery.caseId());
        if (index.put(delivery)) {
            view.deliveries.add(delivery.id());
        }
        view.nextRepeat = null;
        return delivery;
    }

    /** The case's notifications as they now stand, in the order they were made. */
    private List<Delivery> deliveriesOf(CaseView view) {
        return new AbstractList<>() {
            @Override
            public Delivery get(int i) {
                return index.get(view.deliveries.get(i));
            }

            @Override
            public int size() {
                return view.deliveries.size();
            }
        };
    }

    private CaseView view(String caseId) {
        return cases.computeIfAbsent(caseId, id -> new CaseView());
    }
}
