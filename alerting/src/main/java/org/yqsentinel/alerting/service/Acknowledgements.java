package org.yqsentinel.alerting.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

/**
 * What the {@link HttpEndpoint} asks of the service: a click on an acknowledge link is checked, recorded in the book,
 * written to the ledger and put on the case in {@code yq-cases}, once per person and event; SMS short links are
 * resolved to their acknowledge token; {@code /health} and {@code /metrics} are answered.
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

    /**
     * @param tokenOf the acknowledge token of a delivery ({@link Senders#token})
     * @param failure why the service stopped working, or null while it works
     */
    Acknowledgements(AckTokens tokens, Clock clock, SharedBook book, Ledger ledger, LedgerWrites writes, AlertingMetrics metrics,
                     Function<Delivery, String> tokenOf, Supplier<String> failure) {
        this.tokens = tokens;
        this.clock = clock;
        this.book = book;
        this.ledger = ledger;
        this.writes = writes;
        this.metrics = metrics;
        this.tokenOf = tokenOf;
        this.failure = failure;
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
        }
        return new HttpEndpoint.Acknowledged(check, ack.at().toString(), recorded.repeated(), caseUpdated);
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
