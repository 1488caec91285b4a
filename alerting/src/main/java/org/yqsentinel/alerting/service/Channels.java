package org.yqsentinel.alerting.service;

import java.time.Instant;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.delivery.Delivery;

/** What the service asks of the channels: {@link Senders} in production; the crash tests wrap it to stop mid-send. */
interface Channels {

    /** Sends one attempt of a delivery. */
    SendResult send(Delivery d, Instant now);

    /** Whether the provider has the message of a delivery whose attempt is in doubt. */
    Receipt receipt(Delivery d);
}
