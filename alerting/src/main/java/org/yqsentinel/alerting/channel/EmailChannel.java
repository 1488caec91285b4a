package org.yqsentinel.alerting.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.Digests;

/**
 * Sends the alert e-mail over SMTP (Jakarta Mail, Angus): a multipart/alternative of plain text and HTML,
 * both UTF-8, the Chinese subject and names RFC 2047-encoded. Each delivery has a Message-ID derived from
 * its id, so a mail server or mail client that sees it twice can tell. The server's refusals are mapped to
 * retry (4xx, unreachable, timed out) or give up (5xx, login refused, malformed address).
 */
public final class EmailChannel {

    /** How to reach the mail server. */
    public enum Security {
        /** plain SMTP (a relay on the same host or network) */
        NONE,
        /** upgrade with STARTTLS, refuse to send if the server does not offer it */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465) */
        TLS
    }

    /**
     * @param username empty for a server without login
     * @param password from the environment ({@code YQ_SMTP_PASSWORD}), never from a file in the repository
     * @param trust    hosts whose certificate is trusted without a CA chain ("*" for all), empty for the JDK's CAs
     */
    public record Smtp(String host, int port, Security security, String username, String password, String from,
                       String fromName, Duration timeout, String trust) {

        public Smtp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(from, "from");
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            fromName = fromName == null ? "" : fromName;
            trust = trust == null ? "" : trust;
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("SMTP port " + port + " is not a port; use 25, 465, 587 or the relay's port");
            }
        }
    }

    private final Smtp smtp;
    private final Session session;

    public EmailChannel(Smtp smtp) {
        this.smtp = smtp;
        this.session = Session.getInstance(properties(smtp), smtp.username().isEmpty() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.username(), smtp.password());
            }
        });
    }

    private static Properties properties(Smtp smtp) {
        String protocol = smtp.security() == Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail.transport.protocol.rfc822", protocol);  // what Transport.send uses for an e-mail address
        props.put(prefix + "host", smtp.host());
        props.put(prefix + "port", Integer.toString(smtp.port()));
        props.put(prefix + "auth", Boolean.toString(!smtp.username().isEmpty()));
        String millis = Long.toString(smtp.timeout().toMillis());
        props.put(prefix + "connectiontimeout", millis);
        props.put(prefix + "timeout", millis);
        props.put(prefix + "writetimeout", millis);
        if (smtp.security() == Security.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (smtp.security() != Security.NONE) {
            if (smtp.trust().isEmpty()) {
                props.put(prefix + "ssl.checkserveridentity", "true");  // a CA-signed certificate for this host name
            } else {
                props.put(prefix + "ssl.trust", smtp.trust());  // a relay's own certificate, trusted as it is
                props.put(prefix + "ssl.checkserveridentity", "false");
            }
        }
        return props;
    }

    /**
     * Sends one e-mail to one person.
     *
     * @param deliveryId the delivery's id (alert event, receiver, channel, address): becomes the Message-ID
     */
    public SendResult send(String deliveryId, Messages.Email email, String toName, String toAddress, Instant now) {
        MimeMessage message;
        try {
            message = message(deliveryId, email, toName, toAddress, now);
        } catch (AddressException e) {
            return SendResult.giveUp("malformed e-mail address '" + e.getRef() + "': " + e.getMessage());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return SendResult.giveUp("could not compose the e-mail: " + e.getMessage());
        }
        try {
            Transport.send(message);
            return SendResult.sent(message.getMessageID());
        } catch (MessagingException e) {
            return refusal(e);
        }
    }

    private MimeMessage message(String deliveryId, Messages.Email email, String toName, String toAddress, Instant now)
            throws MessagingException, UnsupportedEncodingException {
        String messageId = "<" + digest(deliveryId) + "@yq-sentinel>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(smtp.fromName().isEmpty() ? new InternetAddress(smtp.from(), true)
                : new InternetAddress(smtp.from(), smtp.fromName(), StandardCharsets.UTF_8.name()));
        InternetAddress to = new InternetAddress(toAddress, true);
        if (toName != null && !toName.isEmpty()) {
            to.setPersonal(toName, StandardCharsets.UTF_8.name());
        }
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        message.setHeader("X-YQ-Delivery", digest(deliveryId));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** What the mail server's refusal means for the next attempt. */
    static SendResult refusal(MessagingException e) {
        for (Exception cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof AuthenticationFailedException) {
                return SendResult.giveUp("the SMTP server refused the login (" + oneLine(cause)
                        + "); check alerting.smtp.username and YQ_SMTP_PASSWORD");
            }
            if (cause instanceof SMTPAddressFailedException address) {
                return byReplyCode(address.getReturnCode(), "refused the address " + address.getAddress() + ": " + oneLine(cause));
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return byReplyCode(failed.getReturnCode(), oneLine(cause));
            }
            if (cause.getMessage() != null && cause.getMessage().contains("STARTTLS is required")) {
                return SendResult.giveUp("the SMTP server does not offer STARTTLS; set alerting.smtp.security to what it offers (tls or none)");
            }
            if (cause instanceof MailConnectException) {
                return SendResult.retry("the SMTP server is unreachable: " + oneLine(cause));
            }
            if (cause instanceof IOException) {
                return SendResult.retry("the connection to the SMTP server failed: " + oneLine(cause));
            }
        }
        return SendResult.retry("the SMTP server did not take the e-mail: " + oneLine(e));
    }

    /** SMTP reply codes (RFC 5321): 4xx is a transient failure, 5xx a permanent one. */
    static SendResult byReplyCode(int code, String what) {
        String reason = "SMTP " + code + ": " + what;
        return code >= 400 && code < 500 ? SendResult.retry(reason) : SendResult.giveUp(reason);
    }

    private static Exception next(Exception e) {
        if (e instanceof SendFailedException failed && failed.getNextException() != null) {
            return failed.getNextException();
        }
        if (e instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return e.getCause() instanceof Exception cause && cause != e ? cause : null;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static String digest(String deliveryId) {
        return Digests.sha256Hex(deliveryId).substring(0, 32);
    }
}
