package org.yqsentinel.alerting.service;

import java.util.List;
import java.util.function.Consumer;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.ledger.LedgerDocuments;

/**
 * How the parts of the service write to the ledger: each write returns only once Elasticsearch holds it (the service
 * tries again while it is unreachable, so nothing is dropped); a delivery is written with its short-link code.
 */
final class LedgerWrites {

    private final Consumer<List<LedgerDocuments.Doc>> untilDone;
    private final AckTokens tokens;

    LedgerWrites(Consumer<List<LedgerDocuments.Doc>> untilDone, AckTokens tokens) {
        this.untilDone = untilDone;
        this.tokens = tokens;
    }

    void write(List<LedgerDocuments.Doc> docs) {
        untilDone.accept(docs);
    }

    /** The ledger document of a delivery as it stands. */
    LedgerDocuments.Doc of(Delivery d) {
        return LedgerDocuments.delivery(d, tokens.shortCode(d.id()));
    }
}
