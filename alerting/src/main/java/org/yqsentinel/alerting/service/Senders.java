package org.yqsentinel.alerting.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.alerting.channel.AliyunSmsGateway;
import org.yqsentinel.alerting.channel.EmailChannel;
import org.yqsentinel.alerting.channel.JsonSmsGateway;
import org.yqsentinel.alerting.channel.Receipt;
import org.yqsentinel.alerting.channel.RobotWebhooks;
import org.yqsentinel.alerting.channel.SendResult;
import org.yqsentinel.alerting.channel.SmsGateway;
import org.yqsentinel.alerting.delivery.Delivery;
import org.yqsentinel.alerting.delivery.Purpose;
import org.yqsentinel.alerting.message.MessageTemplates;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.alerting.routing.RoutingRules;
import org.yqsentinel.dashboards.Desk;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Renders a delivery for its medium, with its links, and hands it to the channel: e-mail over SMTP, SMS
 * through the configured gateway, robots by webhook; and asks the channel, where it can tell, whether the message
 * of an attempt in doubt arrived. Thread-safe.
 */
public final class Senders implements Channels {

    private final Messages messages;
    private final AckTokens tokens;
    private final SentinelConfig.Alerting config;
    private final RoutingRules routing;
    private final EmailChannel email;
    private final SmsGateway sms;
    private final RobotWebhooks robots;

    public Senders(SentinelConfig.Alerting config, RoutingRules routing, AckTokens tokens, Function<String, String> environment, Clock clock) {
        this.config = config;
        this.routing = routing;
        this.tokens = tokens;
        this.messages = new Messages(routing.timezone(), MessageTemplates.of(routing.templates()));
        this.email = config.smtp().host().isBlank() ? null : new EmailChannel(smtp(config.smtp()));
        this.sms = sms(config.sms(), clock);
        this.robots = new RobotWebhooks(Duration.ofSeconds(config.sms().timeoutSeconds()), environment, clock);
    }

    /**
     * The links of a delivery's message: the signed acknowledge link, its short form for SMS, and the case view dashboard
     * filtered to the case (its alerts and deliveries, its policy's posts and risk) over a day before and after the event.
     */
    public Messages.Links links(Delivery d) {
        String base = config.linkBase();
        Alert alert = d.alert();
        return new Messages.Links(base + "/ack?t=" + token(d), base + "/" + tokens.shortCode(d.id()),
                Desk.caseViewUrl(config.kibanaUrl(), d.caseId(), alert.subjectId(), alert.windowStart().minus(CASE_VIEW_MARGIN),
                        alert.windowEnd().plus(CASE_VIEW_MARGIN)));
    }

    /** How far before and after an event the case view's time range reaches. */
    static final Duration CASE_VIEW_MARGIN = Duration.ofDays(1);

    /** The acknowledge token of a delivery: the same every time it is asked for, valid for the configured hours after it was made. */
    public String token(Delivery d) {
        return tokens.issue(new AckTokens.Claim(d.caseId(), d.alert().id(), d.target().who(),
                d.createdAt().plus(Duration.ofHours(config.ackValidHours()))));
    }

    /** What the target reads: the e-mail subject, the SMS text or the robot's title line; for logs and dry runs. */
    public String preview(Delivery d) {
        return switch (d.target().medium()) {
            case SMS -> messages.sms(d.alert(), links(d).shortLink(), smsRemark(d)).text();
            case EMAIL, DINGTALK, WECOM -> messages.email(d.alert(), links(d), remark(d)).subject();
        };
    }

    @Override
    public SendResult send(Delivery d, Instant now) {
        Messages.Links links = links(d);
        return switch (d.target().medium()) {
            case EMAIL -> email == null ? SendResult.giveUp("no SMTP relay configured (alerting.smtp.host)")
                    : email.send(d.id(), messages.email(d.alert(), links, remark(d)), Messages.clean(d.target().member()), d.target().address(), now);
            case SMS -> sms == null ? SendResult.giveUp("no SMS gateway configured (alerting.sms.provider is none)")
                    : sms.send(d.id(), d.target().address(), messages.sms(d.alert(), links.shortLink(), smsRemark(d)));
            case DINGTALK -> robots.send(robot(d), messages.dingtalk(d.alert(), links, remark(d), reference(d)));
            case WECOM -> robots.send(robot(d), messages.wecom(d.alert(), links, remark(d), reference(d)));
        };
    }

    /**
     * Whether the message of an attempt in doubt arrived: SMS gateways that can be asked are (the JSON gateway's status
     * URL, Alibaba's QuerySendDetails); an SMTP server and chat robots cannot be.
     */
    @Override
    public Receipt receipt(Delivery d) {
        return switch (d.target().medium()) {
            case EMAIL -> Receipt.unknown("an SMTP server cannot be asked whether it took a mail");
            case SMS -> sms == null ? Receipt.unknown("no SMS gateway configured (alerting.sms.provider is none)")
                    : sms.receipt(d.id(), d.target().address(), d.updatedAt());
            case DINGTALK, WECOM -> Receipt.unknown("a chat robot cannot be asked what it posted");
        };
    }

    /** The number a robot message ends with, {@code dlv-1a2b3c4d}: the same in every attempt of the notification. */
    static String reference(Delivery d) {
        return d.id().substring(0, Math.min(d.id().length(), 12));
    }

    private RoutingRules.Webhook robot(Delivery d) {
        RoutingRules.Receiver receiver = routing.receivers().get(d.target().receiver());
        if (receiver != null) {
            for (RoutingRules.Webhook webhook : receiver.webhooks()) {
                if (webhook.url().toString().equals(d.target().address())) {
                    return webhook;
                }
            }
        }
        // the robot left routing.yaml since the delivery was made: post unsigned to the address it was made for
        return new RoutingRules.Webhook(RoutingRules.Webhook.Kind.valueOf(d.target().medium().name()), URI.create(d.target().address()), null);
    }

    private static String remark(Delivery d) {
        return switch (d.purpose()) {
            case NOTICE -> null;
            case REPEAT -> "催办·尚未确认";
            case ESCALATION -> "逾时未确认·升级报告";
        };
    }

    private static String smsRemark(Delivery d) {
        return d.purpose() == Purpose.NOTICE ? null : d.purpose() == Purpose.REPEAT ? "催办" : "逾期";
    }

    private static EmailChannel.Smtp smtp(SentinelConfig.Smtp smtp) {
        EmailChannel.Security security;
        try {
            security = EmailChannel.Security.valueOf(smtp.security().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("alerting.smtp.security is '" + smtp.security() + "'; use none, starttls or tls");
        }
        return new EmailChannel.Smtp(smtp.host(), smtp.port(), security, smtp.username(), smtp.password(), smtp.from(), smtp.fromName(),
                Duration.ofSeconds(smtp.timeoutSeconds()), smtp.trust());
    }

    private static SmsGateway sms(SentinelConfig.Sms sms, Clock clock) {
        Duration timeout = Duration.ofSeconds(sms.timeoutSeconds());
        try {
            return switch (sms.provider().toLowerCase(Locale.ROOT)) {
                case "none" -> null;
                case "json" -> new JsonSmsGateway(new JsonSmsGateway.Settings(url(sms.url(), null), sms.body(), headers(sms.headers()),
                        sms.successPointer(), sms.successValue(), sms.idPointer(), sms.statusUrl(), timeout));
                case "aliyun" -> new AliyunSmsGateway(new AliyunSmsGateway.Settings(url(sms.url(), "https://dysmsapi.aliyuncs.com/"),
                        sms.aliyunAccessKeyId(), sms.aliyunAccessKeySecret(), sms.aliyunSignName(), sms.aliyunTemplateCode(),
                        sms.aliyunRegionId(), timeout), clock);
                default -> throw new ConfigException("alerting.sms.provider is '" + sms.provider() + "'; use none, json or aliyun");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException("alerting.sms: " + e.getMessage());
        }
    }

    private static URI url(String url, String fallback) {
        String value = url.isBlank() ? fallback : url;
        if (value == null) {
            throw new ConfigException("alerting.sms.url is empty; the json provider posts to it");
        }
        URI uri = URI.create(value);
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ConfigException("alerting.sms.url must be an http:// or https:// address, not " + value);
        }
        return uri;
    }

    private static Map<String, String> headers(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : text.split(";")) {
            if (header.isBlank()) {
                continue;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ConfigException("alerting.sms.headers: '" + header.strip() + "' is not 'Name: value'");
            }
            headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return headers;
    }
}
