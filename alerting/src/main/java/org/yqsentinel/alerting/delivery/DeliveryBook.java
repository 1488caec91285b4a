package org.yqsentinel.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Tier;

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
 * <ul>
 * <li><b>Idempotent</b>: an event already accepted is ignored; deliveries have deterministic ids.</li>
 * <li><b>Grouping</b>: events of one case for one target within the route's group wait go out as one
 *     notification, telling the latest.</li>
 * <li><b>Inhibition</b>: an {@code ESCALATED} event makes the pending notifications of lower tiers of its
 *     case stale ({@link Status#INHIBITED}).</li>
 * <li><b>Silences</b>, <b>quiet hours</b> (no SMS below Ⅰ红) and a <b>rate limit</b> per medium and
 *     address; retries with exponential backoff up to a bound.</li>
 * <li><b>Escalation</b>: when the respond-by time of an event approaches (the route's
 *     {@code escalate-before}) and nobody acknowledged the case since, the route's {@code escalate-to}
 *     receivers are told. The response time counts from when the service learned of the event, so an
 *     event that arrives late (a backlog) does not escalate at once. What of a case comes due within the
 *     route's group wait goes out as one report telling the case's latest event.</li>
 * <li><b>Repeat</b>: a case still open and not acknowledged is told again after the route's repeat interval.</li>
 * </ul>
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

    /** An event that asks for a response by a time, and whether its escalation is settled. */
    private static final class Demand {
        final Alert alert;
        final Instant acceptedAt;
        final Instant escalateAt;
        final Route route;
        boolean settled;

        Demand(Alert alert, Instant acceptedAt, Instant escalateAt, Route route) {
            this.alert = alert;
            this.acceptedAt = acceptedAt;
            this.escalateAt = escalateAt;
            this.route = route;
        }
    }

    private static final class CaseView {
        Alert latest;
        final List<Demand> demands = new ArrayList<>();
        final List<Acknowledgement> acks = new ArrayList<>();
        final List<String> deliveries = new ArrayList<>();
        /** No reminder of the case is due before this; null when its deliveries changed since it was worked out. */
        Instant nextRepeat;

        boolean open() {
            return latest != null && latest.type() != AlertEventType.RESOLVED;
        }

        boolean acknowledgedSince(Instant at) {
            return acks.stream().anyMatch(a -> !a.at().isBefore(at));
        }

        /** Acknowledged after the last event that asked for a response (or at all, when none did). */
        boolean acknowledged() {
            Instant lastDemand = demands.stream().map(d -> d.acceptedAt).max(Comparator.naturalOrder()).orElse(Instant.MIN);
            return acknowledgedSince(lastDemand);
        }
    }

    private final Settings settings;
    private final RoutingRules routing;
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    /**
     * The deliveries waiting to be attempted, and the attempts in doubt waiting to be checked, soonest due first: what
     * a planning tick looks at, rather than all of them.
     */
    private final NavigableSet<Delivery> pending = new TreeSet<>(
            Comparator.comparing(Delivery::dueAt).thenComparing(Delivery::createdAt).thenComparing(Delivery::id));
    /** Cases not resolved: the only ones reminders are for. */
    private final Set<CaseView> open = new LinkedHashSet<>();
    /** Cases with escalations not yet settled. */
    private final Set<CaseView> demanding = new LinkedHashSet<>();
    private final Map<String, String> shortCodes = new HashMap<>();
    private final Function<String, String> shortCodeOf;
    /** Deliveries not yet final: pending, or with an attempt under way or in doubt. */
    private final Set<String> unsettled = new HashSet<>();
    /** Attempts in doubt, and how often their receipt could not be checked. */
    private final Map<String, Integer> inDoubt = new HashMap<>();
    private final Map<String, CaseView> cases = new HashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, Deque<Instant>> sentAt = new HashMap<>();

    /** A book whose short link codes are keyed with a throwaway secret: for dry runs and benchmarks, which send nothing. */
    public DeliveryBook(RoutingRules routing, Settings settings) {
        this(routing, settings, new AckTokens(AckTokens.newSecret().getBytes(StandardCharsets.UTF_8))::shortCode);
    }

    /** @param shortCodeOf the code of a delivery's SMS short link, by delivery id ({@link AckTokens#shortCode}) */
    public DeliveryBook(RoutingRules routing, Settings settings, Function<String, String> shortCodeOf) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shortCodeOf = Objects.requireNonNull(shortCodeOf, "shortCodeOf");
        index(routing.root());
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
                inDoubt.putIfAbsent(delivery.id(), 0);
            }
            put(delivery);
            if (told(delivery)) {
                sentAt.computeIfAbsent(rateKey(delivery.target()), k -> new ArrayDeque<>()).add(delivery.updatedAt());
            }
            if (delivery.purpose() == Purpose.ESCALATION) {
                CaseView view = cases.get(delivery.caseId());
                if (view != null) {
                    view.demands.stream().filter(d -> delivery.alertIds().contains(d.alert.id())).forEach(d -> d.settled = true);
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
        for (Map.Entry<Target, Route> entry : targets(routing.routesFor(alert)).entrySet()) {
            Target target = entry.getKey();
            Route route = entry.getValue();
            Instant due = now.plus(route.options().groupWait());
            Optional<Delivery> group = view.deliveries.stream().map(deliveries::get)
                    .filter(d -> d.purpose() == Purpose.NOTICE && d.target().equals(target) && d.status() == Status.PENDING
                            && d.attempts() == 0 && !inFlight.contains(d.id()))
                    .findFirst();
            if (group.isPresent()) {
                changed.put(group.get().id(), put(group.get().grouped(alert, due, now)));
                continue;
            }
            String id = Delivery.idOf(Purpose.NOTICE, alert.id(), target, 0);
            if (!deliveries.containsKey(id)) {
                changed.put(id, put(made(id, Purpose.NOTICE, alert, List.of(alert.id()), route, target, now, due,
                        "waiting " + route.options().groupWait().toSeconds() + " s for more events of the case")));
            }
        }
        if (alert.type() == AlertEventType.ESCALATED) {
            for (String id : List.copyOf(view.deliveries)) {
                Delivery d = deliveries.get(id);
                if (d.status() == Status.PENDING && !inFlight.contains(id) && !changed.containsKey(id)
                        && alert.tier().isMoreSevereThan(d.alert().tier())) {
                    changed.put(id, put(d.with(Status.INHIBITED, d.attempts(), d.dueAt(), now, "inhibited: the case escalated to "
                            + alert.tier().label() + " (" + alert.id() + ") before this " + d.alert().tier().label() + " notification went out")));
                }
            }
        }
        return new Acceptance(false, List.copyOf(changed.values()));
    }

    /** What is due at {@code now}: escalations and reminders come due, silences and the rate limits apply. */
    public Plan plan(Instant now, List<Silence> silences) {
        Map<String, Delivery> changed = new LinkedHashMap<>();
        escalate(now, changed);
        repeat(now, changed);
        List<Delivery> due = new ArrayList<>();
        List<Delivery> check = new ArrayList<>();
        for (Delivery d : pending) {
            if (d.dueAt().isAfter(now)) {
                break;
            }
            if (inFlight.contains(d.id())) {
                continue;
            }
            if (inDoubt.containsKey(d.id())) {
                inFlight.add(d.id());  // whatever the silences and limits say now, it may have gone out: ask first
                check.add(d);
            } else {
                due.add(d);
            }
        }
        List<Delivery> send = new ArrayList<>();
        Map<String, Integer> reserved = new HashMap<>();
        for (Delivery d : due) {
            Optional<Silence> silence = silences.stream().filter(s -> s.activeAt(now) && s.matches(d)).findFirst();
            if (silence.isPresent()) {
                Silence s = silence.get();
                changed.put(d.id(), put(d.with(Status.SILENCED, d.attempts(), d.dueAt(), now, "silenced by " + s.id() + " (" + s.describe()
                        + ") until " + s.endsAt() + (s.comment() == null ? "" : ": " + s.comment()))));
                continue;
            }
            RateLimit limit = settings.rateLimits().get(d.target().medium());
            String key = rateKey(d.target());
            if (limit != null) {
                Deque<Instant> times = sentAt.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(limit.per()))) {
                    times.pollFirst();
                }
                int taken = times.size() + reserved.getOrDefault(key, 0);
                if (taken >= limit.count()) {
                    Instant free = times.isEmpty() ? now.plus(limit.per()) : times.peekFirst().plus(limit.per());
                    changed.put(d.id(), put(d.with(Status.PENDING, d.attempts(), free, now, "held by the rate limit of " + limit.count()
                            + " " + d.target().medium().id() + " per " + limit.per() + " to " + d.target().shown() + " until " + free)));
                    continue;
                }
            }
            reserved.merge(key, 1, Integer::sum);
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
        Delivery d = deliveries.get(attempted.id());
        int attempts = d.attempts();  // counted when the attempt began
        Delivery next = switch (result.outcome()) {
            case SENT -> sent(d, now, result.detail());
            case GIVE_UP -> d.with(Status.FAILED, attempts, d.dueAt(), now, "given up: " + result.detail());
            case RETRY -> retried(d, now, now.plus(backoff(attempts)), result.detail(), "will retry: ");
            case IN_DOUBT -> {
                inDoubt.putIfAbsent(d.id(), 0);
                Instant ask = now.plus(backoff(attempts));
                yield d.with(Status.SENDING, attempts, ask, now, "in doubt: " + result.detail() + "; its receipt is checked at " + ask
                        + " before anything is sent again");
            }
        };
        return put(next);
    }

    /**
     * Settles an attempt in doubt that {@link #plan} handed out to be checked, by what its channel tells of the receipt
     * (see {@link InDoubt}); returns the delivery as it now stands: sent, pending to be sent again now, in doubt for
     * good, or still to be checked after the retry wait.
     */
    public Delivery checked(Delivery inQuestion, Receipt receipt, Instant now) {
        inFlight.remove(inQuestion.id());
        Delivery d = deliveries.get(inQuestion.id());
        int asked = inDoubt.getOrDefault(d.id(), 0) + 1;
        InDoubt decision = InDoubt.decide(d.target().medium(), receipt.answer());
        if (decision == InDoubt.ASK_AGAIN && asked >= settings.maxAttempts()) {
            decision = InDoubt.decide(d.target().medium(), Receipt.Answer.UNKNOWN);
        }
        String why = "attempt " + d.attempts() + " was in doubt; " + receipt.detail();
        Delivery next = switch (decision) {
            case ARRIVED -> sent(d, now, why + ": not sent again");
            case SEND_AGAIN -> retried(d, now, now, why + (d.target().medium() == Medium.EMAIL && receipt.answer() != Receipt.Answer.MISSING
                    ? ": sent again under the same Message-ID" : ": sent again"), "");
            case NOT_AGAIN -> d.with(Status.IN_DOUBT, d.attempts(), d.dueAt(), now, why + ": not sent again, so it arrived at most once");
            case ASK_AGAIN -> {
                inDoubt.put(d.id(), asked);
                Instant ask = now.plus(backoff(asked));
                yield d.with(Status.SENDING, d.attempts(), ask, now, why + "; asked again at " + ask);
            }
        };
        return put(next);
    }

    private Delivery sent(Delivery d, Instant now, String detail) {
        sentAt.computeIfAbsent(rateKey(d.target()), k -> new ArrayDeque<>()).addLast(now);
        return d.with(Status.SENT, d.attempts(), d.dueAt(), now, detail);
    }

    /** Pending again, due at {@code due}, or given up when out of attempts. */
    private Delivery retried(Delivery d, Instant now, Instant due, String why, String prefix) {
        int attempts = d.attempts();
        return attempts >= settings.maxAttempts()
                ? d.with(Status.FAILED, attempts, d.dueAt(), now, "given up after " + attempts + " attempts: " + why)
                : d.with(Status.PENDING, attempts, due, now, prefix + why);
    }

    /** The wait after the n-th failed attempt: the first retry wait, doubled each time, at most the longest wait. */
    Duration backoff(int attempts) {
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(settings.maxRetry()) > 0 || wait.isNegative() ? settings.maxRetry() : wait;
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

    /** The acknowledgement with this id, if someone made it. */
    public Optional<Acknowledgement> acknowledgement(String caseId, String id) {
        CaseView view = cases.get(caseId);
        return view == null ? Optional.empty() : view.acks.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The delivery whose SMS short link has this code. */
    public Optional<Delivery> byShortCode(String code) {
        return Optional.ofNullable(shortCodes.get(code)).map(deliveries::get);
    }

    public Optional<Delivery> delivery(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    /** Notifications in the book, final or not. */
    public int size() {
        return deliveries.size();
    }

    /** Deliveries not yet final: pending, or with an attempt under way or in doubt. */
    public int pending() {
        return unsettled.size();
    }

    /** Attempts in doubt not yet settled. */
    public int inDoubt() {
        return inDoubt.size();
    }

    /** Whether the case was acknowledged after the last of its events that asked for a response. */
    public boolean acknowledged(String caseId) {
        CaseView view = cases.get(caseId);
        return view != null && !view.acks.isEmpty() && view.acknowledged();
    }

    /** When the case's first unsettled escalation is due, if one is. */
    public Optional<Instant> escalationDue(String caseId) {
        CaseView view = cases.get(caseId);
        return view == null ? Optional.empty()
                : view.demands.stream().filter(d -> !d.settled).map(d -> d.escalateAt).min(Comparator.naturalOrder());
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
        if (alert.respondBy() == null) {
            return;
        }
        Duration late = Duration.between(alert.windowEnd(), at);
        Instant respondBy = late.isNegative() ? alert.respondBy() : alert.respondBy().plus(late);
        for (Route route : routing.routesFor(alert)) {
            if (!route.options().escalateTo().isEmpty()) {
                view.demands.add(new Demand(alert, at, respondBy.minus(route.options().escalateBefore()), route));
                demanding.add(view);
            }
        }
    }

    private void escalate(Instant now, Map<String, Delivery> changed) {
        for (Iterator<CaseView> it = demanding.iterator(); it.hasNext(); ) {
            CaseView view = it.next();
            for (Demand demand : view.demands) {
                if (!demand.settled && (!view.open() || view.acknowledgedSince(demand.acceptedAt))) {
                    demand.settled = true;
                }
            }
            for (Demand demand : view.demands) {
                if (demand.settled || now.isBefore(demand.escalateAt)) {
                    continue;
                }
                // what comes due within the group wait goes out as one report telling the case's latest event
                Instant until = now.plus(demand.route.options().groupWait());
                List<Demand> together = view.demands.stream().filter(d -> !d.settled && !d.escalateAt.isAfter(until)).toList();
                Set<String> receivers = new LinkedHashSet<>();
                together.forEach(d -> {
                    d.settled = true;
                    receivers.addAll(d.route.options().escalateTo());
                });
                List<String> covered = together.stream().map(d -> d.alert.id()).distinct().toList();
                for (Target target : targetsOf(List.copyOf(receivers))) {
                    String id = Delivery.idOf(Purpose.ESCALATION, demand.alert.id(), target, 0);
                    if (!deliveries.containsKey(id)) {
                        changed.put(id, put(made(id, Purpose.ESCALATION, view.latest, covered, demand.route, target, now, now,
                                "nobody acknowledged the case " + demand.route.options().escalateBefore().toMinutes()
                                        + " min before its respond-by time")));
                    }
                }
            }
            if (view.demands.stream().allMatch(d -> d.settled)) {
                it.remove();
            }
        }
    }

    private void repeat(Instant now, Map<String, Delivery> changed) {
        for (CaseView view : open) {
            if (view.acknowledged() || view.nextRepeat != null && now.isBefore(view.nextRepeat)) {
                continue;
            }
            Map<Target, List<Delivery>> byTarget = new LinkedHashMap<>();
            for (String id : view.deliveries) {
                Delivery d = deliveries.get(id);
                if (d.purpose() != Purpose.ESCALATION) {
                    byTarget.computeIfAbsent(d.target(), t -> new ArrayList<>()).add(d);
                }
            }
            Instant next = Instant.MAX;  // a change of the case's deliveries (a pending one settling) works it out again
            for (Map.Entry<Target, List<Delivery>> entry : byTarget.entrySet()) {
                List<Delivery> made = entry.getValue();
                if (made.stream().anyMatch(d -> !d.status().isFinal())) {
                    continue;
                }
                Optional<Delivery> last = made.stream().filter(DeliveryBook::told).max(Comparator.comparing(Delivery::updatedAt));
                if (last.isEmpty()) {
                    continue;
                }
                Route route = routes.getOrDefault(last.get().route(), routing.root());
                Instant due = last.get().updatedAt().plus(route.options().repeatInterval());
                if (now.isBefore(due)) {
                    next = due.isBefore(next) ? due : next;
                    continue;
                }
                int number = (int) made.stream().filter(d -> d.purpose() == Purpose.REPEAT).count() + 1;
                String id = Delivery.idOf(Purpose.REPEAT, view.latest.id(), entry.getKey(), number);
                if (!deliveries.containsKey(id)) {
                    changed.put(id, put(made(id, Purpose.REPEAT, view.latest, List.of(view.latest.id()), route, entry.getKey(), now, now,
                            "nobody acknowledged the case " + route.options().repeatInterval().toMinutes() + " min after it was last told")));
                }
            }
            view.nextRepeat = next;
        }
    }

    /**
     * A new delivery telling {@code alert} and covering the events {@code covers}, pending with {@code why}; an SMS
     * below Ⅰ红 in the route's quiet hours is made already final.
     */
    private Delivery made(String id, Purpose purpose, Alert alert, List<String> covers, Route route, Target target, Instant now,
                          Instant due, String why) {
        var quiet = route.options().quietHours();
        if (target.medium() == Medium.SMS && alert.tier() != Tier.I_RED && quiet != null
                && quiet.contains(LocalTime.ofInstant(now, routing.timezone()))) {
            return new Delivery(id, purpose, alert.caseId(), alert, covers, route.path(), target, Status.QUIET, 0, now, due, now,
                    "no SMS below " + Tier.I_RED.label() + " in the quiet hours " + quiet + " (" + routing.timezone().getId()
                            + "); e-mail and robots still tell");
        }
        return new Delivery(id, purpose, alert.caseId(), alert, covers, route.path(), target, Status.PENDING, 0, now, due, now, why);
    }

    /** The targets of these routes, each once, with the route that waits least for it. */
    private Map<Target, Route> targets(List<Route> matched) {
        Map<Target, Route> targets = new LinkedHashMap<>();
        for (Route route : matched) {
            for (Target target : targetsOf(route.receivers())) {
                targets.merge(target, route, (a, b) -> b.options().groupWait().compareTo(a.options().groupWait()) < 0 ? b : a);
            }
        }
        return targets;
    }

    private Set<Target> targetsOf(List<String> receiverNames) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String name : receiverNames) {
            RoutingRules.Receiver receiver = routing.receivers().get(name);
            for (RoutingRules.Member member : receiver.members()) {
                if (member.email() != null) {
                    targets.add(new Target(name, member.name(), Medium.EMAIL, member.email()));
                }
                if (member.mobile() != null) {
                    targets.add(new Target(name, member.name(), Medium.SMS, member.mobile()));
                }
            }
            for (RoutingRules.Webhook webhook : receiver.webhooks()) {
                Medium medium = webhook.kind() == RoutingRules.Webhook.Kind.DINGTALK ? Medium.DINGTALK : Medium.WECOM;
                targets.add(new Target(name, null, medium, webhook.url().toString()));
            }
        }
        return targets;
    }

    private Delivery put(Delivery delivery) {
        CaseView view = view(delivery.caseId());
        String id = delivery.id();
        Delivery before = deliveries.put(id, delivery);
        if (before == null) {
            view.deliveries.add(id);
            shortCodes.put(shortCodeOf.apply(id), id);
        } else {
            pending.remove(before);
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
            pending.add(delivery);
        }
        view.nextRepeat = null;
        return delivery;
    }

    /** Sent, or possibly sent: a reminder counts from it, and so does the rate limit. */
    private static boolean told(Delivery d) {
        return d.status() == Status.SENT || d.status() == Status.IN_DOUBT;
    }

    private CaseView view(String caseId) {
        return cases.computeIfAbsent(caseId, id -> new CaseView());
    }

    private static String rateKey(Target target) {
        return target.medium() + " " + target.address();
    }
}
