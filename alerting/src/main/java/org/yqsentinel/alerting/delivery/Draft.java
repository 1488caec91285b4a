package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.List;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.model.Alert;

/**
 * A notification a stage asks for. The book makes it, pending until {@code due}, unless it already holds one of the
 * same id (the event was replayed, or the service restarted); quiet hours may make it final at once ({@link Muting}).
 *
 * @param alert  the event it tells
 * @param covers every event it covers
 * @param route  the route whose options apply
 * @param why    the detail it is made with, for the people reading the ledger
 */
record Draft(String id, Purpose purpose, Alert alert, List<String> covers, Route route, Target target, Instant due, String why) {

    Delivery pending(Instant now) {
        return new Delivery(id, purpose, alert.caseId(), alert, covers, route.path(), target, Status.PENDING, 0, now, due, now, why);
    }
}
