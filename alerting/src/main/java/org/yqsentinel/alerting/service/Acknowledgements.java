package org.yqsentinel.alerting.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.delivery.Acknowledgement;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.DeliveryBook;
import org.yqsentinel.alerting.ledger.Ledger;
import org.yqsentinel.alerting.ledger.LedgerDocuments;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.control.ControlMessage;

/**
 * What the {@link HttpEndpoint} asks of the service: a click on an acknowledge link is checked, recorded in the book,
 * written to the ledger and put on the case in {@code yq-cases}, once per person and event, and published as the
 * case's step to the monitor job (which moves the case to 处置); a response recorded on the page is published as a step
 * too (回应); SMS short links are resolved to their acknowledge token; {@code /health} and {@code /metrics} are answered.
 */
final class Acknowledgements implements HttpEndpoint.Service {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private final AckTokens tokens;
    private final Clock clock;
    private final SharedBook book;
    private final Ledger ledger;
    private final LedgerWrites writes;
    private final AlertingMetrics metrics;
    private final Function<Delivery, String> tokenOf;
    private final Supplier<String> failure;
    private final Consumer<CaseStep> steps;

    /**
     * @param tokenOf the acknowledge token of a delivery ({@link Senders#token})
     * @param failure why the service stopped working, or null while it works
     * @param steps   publishes a step on a case to the monitor job ({@code yq.control})
     */
    Acknowledgements(AckTokens tokens, Clock clock, SharedBook book, Ledger ledger, LedgerWrites writes, AlertingMetrics metrics,
                     Function<Delivery, String> tokenOf, Supplier<String> failure, Consumer<CaseStep> steps) {
        this.tokens = tokens;
        this.clock = clock;
        this.book = book;
        this.ledger = ledger;
        this.writes = writes;
        this.metrics = metrics;
        this.tokenOf = tokenOf;
        this.failure = failure;
        this.steps = steps;
    }

    private record Recorded(Acknowledgement ack, boolean repeated) {}

    @Override
    public AckTokens.Check check(String token) {
        return tokens.check(token, clock.instant());
    }

    @Override
    public String failure() {
        return failure.get();
    }

    @Override
    public HttpEndpoint.Acknowledged acknowledge(String token) {
        Instant now = clock.instant();
        AckTokens.Check check = tokens.check(token, now);
        if (!check.valid()) {
            metrics.acknowledgement(check.verdict(), false);
            LOG.info("alerting: acknowledge link refused: {}{}", check.verdict(),
                    check.claim() == null ? "" : " (case " + check.claim().caseId() + ", " + check.claim().receiver() + ")");
            return new HttpEndpoint.Acknowledged(check, null, false, false);
        }
        AckTokens.Claim claim = check.claim();
        Recorded recorded = book.with(b -> {
            boolean repeated = b.acknowledgement(claim.caseId(), Acknowledgement.idOf(claim.caseId(), claim.alertId(), claim.receiver())).isPresent();
            return new Recorded(b.acknowledge(claim, now), repeated);
        });
        Acknowledgement ack = recorded.ack();
        metrics.acknowledgement(check.verdict(), recorded.repeated());
        boolean caseUpdated = true;
        if (!recorded.repeated()) {
            writes.write(List.of(LedgerDocuments.acknowledgement(ack)));
            caseUpdated = ledger.acknowledgeCase(ack);
            LOG.info("alerting: case {} acknowledged by {} (event {}){}", ack.caseId(), ack.who(), ack.alertId(),
                    caseUpdated ? "" : "; the case is not in yq-cases, the acknowledgement is in the ledger");
            try {
                subject(claim.caseId()).ifPresent(subject -> steps.accept(new CaseStep(CaseStep.Step.ACK, claim.caseId(), subject, ack.who(),
                        ack.at(), null, null, null, now)));
            } catch (RuntimeException e) {  // the acknowledgement stands (book, ledger, case); the case's status waits for yq case ack
                LOG.error("alerting: the acknowledgement of case {} is recorded but not sent to the monitor job: {}", ack.caseId(), e.toString());
            }
        }
        return new HttpEndpoint.Acknowledged(check, ack.at().toString(), recorded.repeated(), caseUpdated);
    }

    @Override
    public HttpEndpoint.Responded respond(String token, Instant at, String channel, String url, String text) {
        Instant now = clock.instant();
        AckTokens.Check check = tokens.check(token, now);
        if (!check.valid()) {
            return new HttpEndpoint.Responded(check, null);
        }
        AckTokens.Claim claim = check.claim();
        if (at.isAfter(now.plusSeconds(300))) {
            return new HttpEndpoint.Responded(check, "回应时间晚于现在：请填写回应发布的时间。");
        }
        String subject = subject(claim.caseId()).orElse(null);
        if (subject == null) {
            return new HttpEndpoint.Responded(check, "通知台账中找不到该案件，无法记录回应；请联系舆情值班室。");
        }
        CaseStep step;
        try {
            step = new CaseStep(CaseStep.Step.RESPOND, claim.caseId(), subject, claim.receiver(), at, channel, url, text, now);
        } catch (ControlMessage.ControlMessageException e) {
            return new HttpEndpoint.Responded(check, "回应未记录：" + e.getMessage());
        }
        steps.accept(step);
        LOG.info("alerting: response to case {} recorded by {} ({} at {})", claim.caseId(), claim.receiver(), channel, at);
        return new HttpEndpoint.Responded(check, null);
    }

    private Optional<String> subject(String caseId) {
        return book.with(b -> b.subjectOf(caseId));
    }

    @Override
    public String tokenOf(String shortCode) {
        return book.with(b -> b.byShortCode(shortCode).map(tokenOf).orElse(null));
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }

    @Override
    public int pending() {
        return book.with(DeliveryBook::pending);
    }
}
