package org.yqsentinel.alerting.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.json.Json;

/**
 * A gateway that takes the SMS as a JSON body of the operator's design: the body is a JSON template whose
 * string values may hold {@code ${mobile}}, {@code ${text}}, {@code ${id}} and the SMS's parts
 * ({@code ${event}}, {@code ${name}}, {@code ${score}}, {@code ${deadline}}, {@code ${link}}); values are
 * filled in JSON-escaped. Gateways that answer HTTP 200 with an error code in the body are told apart by
 * {@code successPointer} and {@code successValue}. With a {@code statusUrl}, the gateway can be asked whether it
 * has the SMS of a request id: {@code GET} it with {@code ${id}} filled in, 200 for yes, 404 for no.
 */
public final class JsonSmsGateway implements SmsGateway {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)}");
    private static final Set<String> KNOWN = Set.of("mobile", "text", "id", "event", "name", "score", "deadline", "link");

    /**
     * @param body           the JSON template, e.g. {@code {"to":"${mobile}","content":"${text}","ref":"${id}"}}
     * @param headers        added to every request (an API key from the environment, say)
     * @param successPointer a JSON pointer into the answer, e.g. {@code /code}; empty when HTTP 2xx is enough
     * @param idPointer      where the answer carries the gateway's message id; empty for none
     * @param statusUrl      the gateway's status query for a request id, e.g. {@code http://gw/sms/${id}}; empty for none
     */
    public record Settings(URI url, String body, Map<String, String> headers, String successPointer, String successValue,
                           String idPointer, String statusUrl, Duration timeout) {

        public Settings {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
            successPointer = successPointer == null ? "" : successPointer;
            successValue = successValue == null ? "" : successValue;
            idPointer = idPointer == null ? "" : idPointer;
            statusUrl = statusUrl == null ? "" : statusUrl.strip();
            if (!statusUrl.isEmpty() && (!statusUrl.contains("${id}") || !statusUrl.matches("(?i)https?://.+"))) {
                throw new IllegalArgumentException("the SMS status URL '" + statusUrl + "' must be an http:// or https:// address with ${id}"
                        + " where the request id goes, e.g. http://gateway/sms/${id}; or empty when the gateway has no status query");
            }
        }
    }

    private final Settings settings;
    private final JsonNode template;
    private final HttpPost http;

    /** @throws IllegalArgumentException when the template is not JSON, lacks the number or the text, or names an unknown part */
    public JsonSmsGateway(Settings settings) {
        this.settings = settings;
        try {
            this.template = Json.mapper().readTree(settings.body());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the SMS body template is not JSON (" + e.getOriginalMessage()
                    + "); write it as JSON with ${mobile} and ${text} in string values");
        }
        Set<String> used = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(settings.body());
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the SMS body template names " + unknown + ", which an SMS does not have; use "
                    + new TreeSet<>(KNOWN));
        }
        if (!used.contains("mobile") || !(used.contains("text") || used.contains("name"))) {
            throw new IllegalArgumentException("the SMS body template must carry ${mobile} and the message: ${text}, or its parts ${event} ${name} ${score} ${deadline} ${link}");
        }
        if (!settings.successPointer().isEmpty() && !settings.successPointer().startsWith("/")) {
            throw new IllegalArgumentException("success pointer '" + settings.successPointer() + "' is not a JSON pointer; write it like /code");
        }
        this.http = new HttpPost(settings.timeout());
    }

    @Override
    public SendResult send(String deliveryId, String mobile, Messages.Sms sms) {
        Map<String, String> values = new LinkedHashMap<>(sms.fields());
        values.put("mobile", mobile);
        values.put("text", sms.text());
        values.put("id", deliveryId);
        String body = Json.toString(fill(template.deepCopy(), values));
        HttpPost.Answer answer = http.post(settings.url(), "application/json; charset=utf-8", body, settings.headers());
        if (!answer.answered()) {
            return answer.failure();
        }
        if (!answer.ok()) {
            return HttpPost.byStatus(answer.status(), answer.body(), settings.url());
        }
        JsonNode reply = answer.json();
        if (!settings.successPointer().isEmpty()) {
            JsonNode code = reply.at(settings.successPointer());
            if (code.isMissingNode() || !code.asText().equals(settings.successValue())) {
                return SendResult.giveUp(HttpPost.host(settings.url()) + " refused the SMS: " + HttpPost.abbreviate(answer.body()));
            }
        }
        String id = settings.idPointer().isEmpty() ? "" : reply.at(settings.idPointer()).asText("");
        return SendResult.sent(id.isEmpty() ? "HTTP " + answer.status() : id);
    }

    /** Asks the status URL: 200 the gateway has it, 404 it has not; anything else, or no answer, is asked again later. */
    @Override
    public Receipt receipt(String deliveryId, String mobile, Instant since) {
        if (settings.statusUrl().isEmpty()) {
            return Receipt.unknown("alerting.sms.status-url is not set, so the gateway cannot be asked whether it has the SMS");
        }
        URI url = URI.create(settings.statusUrl().replace("${id}", URLEncoder.encode(deliveryId, StandardCharsets.UTF_8).replace("+", "%20")));
        HttpPost.Answer answer = http.get(url, settings.headers());
        if (!answer.answered()) {
            return Receipt.unanswered("the status query of " + HttpPost.host(url) + " could not be asked: " + answer.failure().detail());
        }
        return switch (answer.status()) {
            case 200 -> Receipt.arrived(HttpPost.host(url) + " has the SMS of request " + deliveryId);
            case 404 -> Receipt.missing(HttpPost.host(url) + " has no SMS of request " + deliveryId);
            default -> Receipt.unanswered("the status query of " + HttpPost.host(url) + " answered HTTP " + answer.status());
        };
    }

    private static JsonNode fill(JsonNode node, Map<String, String> values) {
        if (node instanceof TextNode text) {
            Matcher matcher = PLACEHOLDER.matcher(text.textValue());
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
            }
            matcher.appendTail(filled);
            return TextNode.valueOf(filled.toString());
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, fill(object.get(name), values));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), values));
            }
        }
        return node;
    }
}
