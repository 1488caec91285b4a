package org.yqsentinel.report;

import java.time.Instant;

/**
 * One thing the alerting service did for a case, as {@code yq-deliveries} keeps it: a notification where it stands
 * ({@code kind} {@code delivery}) or an acknowledgement ({@code acknowledgement}).
 *
 * @param receiver the route's receiver (a department or a person), null for an acknowledgement
 * @param channel  email, sms or robot; null for an acknowledgement
 * @param status   the delivery's status (SENT, PENDING, FAILED…), null for an acknowledgement
 * @param who      who acknowledged, null for a delivery
 * @param alertId  the alert event it was about
 */
public record CaseDelivery(Instant at, String kind, String receiver, String channel, String status, String who, String alertId,
                           String detail) {

    public static final String DELIVERY = "delivery";
    public static final String ACKNOWLEDGEMENT = "acknowledgement";
}
