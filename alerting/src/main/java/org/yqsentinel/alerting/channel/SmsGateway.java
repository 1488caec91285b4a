package org.yqsentinel.alerting.channel;

import org.yqsentinel.alerting.message.Messages;

/**
 * An HTTP SMS gateway: a generic one that takes a JSON body ({@link JsonSmsGateway}) or a provider with its
 * own request shape, signature and error codes ({@link AliyunSmsGateway}). Each maps the answer to sent,
 * retry or give up.
 */
public interface SmsGateway {

    /**
     * Sends one SMS to one mobile number.
     *
     * @param deliveryId the delivery's id; gateways that accept a reference of the sender's pass it on
     */
    SendResult send(String deliveryId, String mobile, Messages.Sms sms);
}
