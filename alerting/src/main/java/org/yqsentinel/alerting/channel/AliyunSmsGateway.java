package org.yqsentinel.alerting.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.Digests;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.json.Json;

/**
 * Alibaba Cloud SMS (阿里云短信服务, dysmsapi {@code SendSms}, version 2017-05-25): a POST form signed with the
 * RPC signature (HMAC-SHA1 over the sorted, percent-encoded parameters). Alibaba sends only templates
 * registered and approved in its console, so the SMS goes as its parts ({@code TemplateParam}: event, name,
 * score, deadline, link) under the registered signature; the delivery id goes along as {@code OutId} for
 * the delivery receipts. Error codes are mapped to retry (flow control, throttling, system errors) or give
 * up (bad number, template or signature, credentials, balance). Whether an SMS whose attempt is in doubt
 * arrived is asked of {@code QuerySendDetails}: the number's SMS of the day, matched by {@code OutId}.
 */
public final class AliyunSmsGateway implements SmsGateway {

    /** The public endpoint. */
    public static final URI ENDPOINT = URI.create("https://dysmsapi.aliyuncs.com/");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Alibaba's {@code SendDate} is a day in China. */
    private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** QuerySendDetails lists at most 50 a page; 20 pages are 1,000 SMS to one number in a day. */
    private static final int QUERY_PAGE = 50;
    private static final int MAX_QUERY_PAGES = 20;
    /** Worth trying again later: flow control, throttling, the provider's own failures, a reused nonce. */
    private static final Set<String> RETRY = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL",
            "isp.SYSTEM_ERROR", "Throttling", "Throttling.User", "Throttling.Api", "SignatureNonceUsed", "ServiceUnavailable",
            "InternalError");

    /**
     * @param accessKeySecret from the environment ({@code YQ_ALERTING_SMS_ALIYUN_ACCESS_KEY_SECRET}), never from a file
     * @param signName        the approved signature (短信签名), e.g. 江城市舆情监测
     * @param templateCode    the approved template, e.g. SMS_4851xxxx, with the variables
     *                        {@code ${event} ${name} ${score} ${deadline} ${link}}
     */
    public record Settings(URI endpoint, String accessKeyId, String accessKeySecret, String signName, String templateCode,
                           String regionId, Duration timeout) {

        public Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            required("access-key-id", accessKeyId);
            required("access-key-secret", accessKeySecret);
            required("sign-name", signName);
            required("template-code", templateCode);
            regionId = regionId == null || regionId.isBlank() ? "cn-hangzhou" : regionId;
        }

        private static void required(String option, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("alerting.sms.aliyun-" + option + " is empty; Alibaba Cloud SMS needs it"
                        + (option.equals("access-key-secret") ? " (set YQ_ALERTING_SMS_ALIYUN_ACCESS_KEY_SECRET)" : ""));
            }
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpPost http;

    public AliyunSmsGateway(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = new HttpPost(settings.timeout());
    }

    @Override
    public SendResult send(String deliveryId, String mobile, Messages.Sms sms) {
        SortedMap<String, String> params = new TreeMap<>();
        params.put("Action", "SendSms");
        params.put("OutId", outId(deliveryId));
        params.put("PhoneNumbers", number(mobile));
        params.put("SignName", settings.signName());
        params.put("TemplateCode", settings.templateCode());
        params.put("TemplateParam", templateParam(sms));
        HttpPost.Answer answer = call(params);
        if (!answer.answered()) {
            return answer.failure();
        }
        JsonNode reply = answer.json();
        String code = reply.path("Code").asText("");
        if (code.isEmpty()) {
            return HttpPost.byStatus(answer.status(), answer.body(), settings.endpoint());
        }
        return outcome(code, reply.path("Message").asText(""), reply.path("BizId").asText(""));
    }

    /**
     * Looks for the delivery's SMS among those Alibaba lists for the number ({@code QuerySendDetails}) on the days
     * (China time) from an hour before {@code since} to now, by {@code OutId}. Alibaba lists an SMS a few seconds after
     * it took it, so one taken in the last seconds before a crash may not be listed yet when the service is back
     * within seconds: then it is sent again.
     */
    @Override
    public Receipt receipt(String deliveryId, String mobile, Instant since) {
        String outId = outId(deliveryId);
        LocalDate first = LocalDate.ofInstant(since.minus(Duration.ofHours(1)), Zones.BEIJING);
        LocalDate last = LocalDate.ofInstant(clock.instant(), Zones.BEIJING);
        if (first.isBefore(last.minusDays(29))) {
            return Receipt.unknown("Alibaba Cloud lists SMS of the last 30 days only; this attempt was made on " + first);
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (int page = 1; page <= MAX_QUERY_PAGES; page++) {
                SortedMap<String, String> params = new TreeMap<>();
                params.put("Action", "QuerySendDetails");
                params.put("PhoneNumber", number(mobile));
                params.put("SendDate", SEND_DATE.format(day));
                params.put("PageSize", Integer.toString(QUERY_PAGE));
                params.put("CurrentPage", Integer.toString(page));
                HttpPost.Answer answer = call(params);
                if (!answer.answered()) {
                    return Receipt.unanswered("Alibaba Cloud QuerySendDetails: " + answer.failure().detail());
                }
                JsonNode reply = answer.json();
                String code = reply.path("Code").asText("");
                if (!code.equals("OK")) {
                    return Receipt.unanswered("Alibaba Cloud QuerySendDetails answered " + (code.isEmpty() ? "HTTP " + answer.status() : code)
                            + ": " + HttpPost.abbreviate(reply.path("Message").asText(answer.body())));
                }
                JsonNode details = reply.path("SmsSendDetailDTOs").path("SmsSendDetailDTO");
                for (JsonNode detail : details) {
                    if (outId.equals(detail.path("OutId").asText())) {
                        return Receipt.arrived("Alibaba Cloud lists it (OutId " + outId + ", SendStatus " + detail.path("SendStatus").asText()
                                + ", sent " + detail.path("SendDate").asText() + ")");
                    }
                }
                if (details.size() < QUERY_PAGE || page * QUERY_PAGE >= reply.path("TotalCount").asInt()) {
                    break;
                }
            }
        }
        return Receipt.missing("Alibaba Cloud lists no SMS with OutId " + outId + " to that number from " + first + " to " + last);
    }

    /** A signed RPC call of dysmsapi: the action's parameters, and those every call has. */
    private HttpPost.Answer call(SortedMap<String, String> action) {
        SortedMap<String, String> params = new TreeMap<>(action);
        params.put("AccessKeyId", settings.accessKeyId());
        params.put("Format", "JSON");
        params.put("RegionId", settings.regionId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", TIMESTAMP.format(clock.instant()));
        params.put("Version", "2017-05-25");
        String signature = signature("POST", params, settings.accessKeySecret());
        String form = "Signature=" + percentEncode(signature) + "&" + canonical(params);
        return http.post(settings.endpoint(), "application/x-www-form-urlencoded; charset=utf-8", form, Map.of());
    }

    private static String outId(String deliveryId) {
        return deliveryId.length() <= 256 ? deliveryId : deliveryId.substring(0, 256);
    }

    private static String number(String mobile) {
        return mobile.startsWith("+86") ? mobile.substring(3) : mobile;
    }

    /** What Alibaba's answer code means for the next attempt. */
    static SendResult outcome(String code, String message, String bizId) {
        if (code.equals("OK")) {
            return SendResult.sent(bizId);
        }
        String reason = "Alibaba Cloud SMS " + code + ": " + message;
        return RETRY.contains(code) || code.startsWith("Throttling") ? SendResult.retry(reason) : SendResult.giveUp(reason);
    }

    private static String templateParam(Messages.Sms sms) {
        ObjectNode param = Json.mapper().createObjectNode();
        sms.fields().forEach(param::put);
        return Json.toString(param);
    }

    /** The RPC signature: Base64(HMAC-SHA1(secret + "&", method + "&%2F&" + percentEncode(sorted query))). */
    static String signature(String method, SortedMap<String, String> params, String secret) {
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical(params));
        return Base64.getEncoder().encodeToString(Digests.hmac("HmacSHA1", (secret + "&").getBytes(StandardCharsets.UTF_8),
                stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static String canonical(SortedMap<String, String> params) {
        return params.entrySet().stream().map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding, as Alibaba's signature requires: only A-Z a-z 0-9 - _ . ~ stay as they are. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
