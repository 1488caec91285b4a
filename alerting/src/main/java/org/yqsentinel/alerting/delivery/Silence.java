package org.yqsentinel.alerting.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Mutes the deliveries it matches between {@code startsAt} and {@code endsAt}, e.g. a case already being
 * handled, or a receiver on leave. Each matcher that is set must equal the delivery's value; at least one
 * is set. Created from the command line ({@code ./yq alerting silence}); muted deliveries are recorded as
 * {@link Status#SILENCED}, not dropped.
 *
 * @param caseId     the case
 * @param policyId   the policy (subject) of the alert event
 * @param department the responsible department of the alert event
 * @param receiver   a receiver of {@code routing.yaml}
 */
public record Silence(String id, String caseId, String policyId, String department, String receiver, Instant startsAt,
                      Instant endsAt, String createdBy, String comment) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (caseId == null && policyId == null && department == null && receiver == null) {
            throw new IllegalArgumentException("a silence must match something: a case, a policy, a department or a receiver");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts: " + startsAt + " – " + endsAt);
        }
    }

    /** This silence ended at {@code at} instead. */
    public Silence endingAt(Instant at) {
        return new Silence(id, caseId, policyId, department, receiver, startsAt, at, createdBy, comment);
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean matches(Delivery delivery) {
        return is(caseId, delivery.caseId())
                && is(policyId, delivery.alert().subjectId())
                && is(department, delivery.alert().responsibleDepartment())
                && is(receiver, delivery.target().receiver());
    }

    /** What it matches, as a person reads it: {@code case case:p/… · receiver 江城市教育局}. */
    public String describe() {
        StringBuilder what = new StringBuilder();
        append(what, "case", caseId);
        append(what, "policy", policyId);
        append(what, "department", department);
        append(what, "receiver", receiver);
        return what.toString();
    }

    private static void append(StringBuilder what, String name, String value) {
        if (value != null) {
            what.append(what.isEmpty() ? "" : " · ").append(name).append(' ').append(value);
        }
    }

    private static boolean is(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
