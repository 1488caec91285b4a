package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Digests;

/**
 * One notification to one target, and where it stands: the ledger's record of it in {@code yq-deliveries}.
 * Its id is deterministic — purpose, the alert event that created it, the target, and for reminders their
 * number — so a replayed or duplicated event finds the delivery it already made instead of sending again.
 *
 * @param alert     the event it tells: the latest of the events grouped into it
 * @param alertIds  every event it covers, in the order they came
 * @param route     the path of the route that sent it in {@code routing.yaml} (its options apply)
 * @param attempts  attempts made so far
 * @param dueAt     when it goes out (or is tried again)
 * @param detail    what happened last, for the people reading the ledger
 */
public record Delivery(String id, Purpose purpose, String caseId, Alert alert, List<String> alertIds, String route, Target target,
                       Status status, int attempts, Instant createdAt, Instant dueAt, Instant updatedAt, String detail) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alert, "alert");
        alertIds = List.copyOf(alertIds);
    }

    /** {@code dlv-} and 32 hex digits of SHA-256 over what makes it this delivery. */
    public static String idOf(Purpose purpose, String alertId, Target target, int number) {
        return "dlv-" + Digests.sha256Hex(String.join("\n", purpose.name(), alertId, target.receiver(),
                target.member() == null ? "" : target.member(), target.medium().name(), target.address(), Integer.toString(number)))
                .substring(0, 32);
    }

    public Delivery with(Status status, int attempts, Instant dueAt, Instant at, String detail) {
        return new Delivery(id, purpose, caseId, alert, alertIds, route, target, status, attempts, createdAt, dueAt, at, detail);
    }

    /** This pending delivery covering one more event of its case, which it now tells when it is the later one. */
    public Delivery grouped(Alert event, Instant due, Instant at) {
        List<String> ids = new ArrayList<>(alertIds);
        ids.add(event.id());
        Alert told = event.windowEnd().isBefore(alert.windowEnd()) ? alert : event;
        return new Delivery(id, purpose, caseId, told, ids, route, target, status, attempts, createdAt,
                due.isBefore(dueAt) ? due : dueAt, at, "grouped with " + event.id());
    }
}
