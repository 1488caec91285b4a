package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.yqsentinel.alerting.routing.QuietHours;
import org.yqsentinel.alerting.routing.Route;
import org.yqsentinel.model.Tier;

/**
 * Silences and quiet hours: what keeps a notification from going out without failing it. Each is recorded with a
 * final status and why ({@link Status#SILENCED}, {@link Status#QUIET}), not dropped; the other channels of the same
 * event are not affected.
 */
final class Muting {

    private final ZoneId zone;

    /** @param zone the routing's time zone, in which quiet hours are read */
    Muting(ZoneId zone) {
        this.zone = zone;
    }

    /** A notification just made, or, when it is an SMS below Ⅰ红 made in its route's quiet hours, the same made final. */
    Delivery quiet(Delivery made, Route route, Instant now) {
        QuietHours quiet = route.options().quietHours();
        if (made.target().medium() == Medium.SMS && made.alert().tier() != Tier.I_RED && quiet != null
                && quiet.contains(LocalTime.ofInstant(now, zone))) {
            return made.with(Status.QUIET, 0, made.dueAt(), now, "no SMS below " + Tier.I_RED.label() + " in the quiet hours " + quiet
                    + " (" + zone.getId() + "); e-mail and robots still tell");
        }
        return made;
    }

    /** A notification due now, silenced by the first of the silences active now that matches it; empty when none does. */
    static Optional<Delivery> silenced(Delivery due, List<Silence> silences, Instant now) {
        return silences.stream().filter(s -> s.activeAt(now) && s.matches(due)).findFirst()
                .map(s -> due.with(Status.SILENCED, due.attempts(), due.dueAt(), now, "silenced by " + s.id() + " (" + s.describe()
                        + ") until " + s.endsAt() + (s.comment() == null ? "" : ": " + s.comment())));
    }
}
