package org.yqsentinel.alerting.channel;

import java.time.Instant;
import org.yqsentinel.alerting.message.Messages;

/**
 * An HTTP SMS gateway: a generic one that takes a JSON body ({@link JsonSmsGateway}) or a provider with its
 * own request shape, signature and error codes ({@link AliyunSmsGateway}). Each maps the answer to sent,
 * retry, give up or in doubt, and says, where the provider can be asked, whether an SMS arrived.
 */
public interface SmsGateway {

    /**
     * Sends one SMS to one mobile number.
     *
     * @param deliveryId the delivery's id; gateways that accept a reference of the sender's pass it on
     */
    SendResult send(String deliveryId, String mobile, Messages.Sms sms);

    /**
     * Whether the gateway has the SMS of this delivery, sent to {@code mobile} since {@code since}: asked of an
     * attempt in doubt before it is sent again. Gateways that cannot be asked answer {@link Receipt.Answer#UNKNOWN}.
     */
    default Receipt receipt(String deliveryId, String mobile, Instant since) {
        return Receipt.unknown("the SMS gateway cannot be asked whether it has an SMS");
    }
}
