package org.yqsentinel.alerting.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.yqsentinel.model.json.Json;

/** One POST to a gateway or robot, with a timeout; what went wrong on the way is worth a retry. */
final class HttpPost {

    /** The gateway's answer, or why there was none. */
    record Answer(int status, String body, SendResult failure) {

        boolean answered() {
            return failure == null;
        }

        boolean ok() {
            return answered() && status >= 200 && status < 300;
        }

        /** The body as JSON; an empty object when it is empty or not JSON. */
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                return Json.mapper().createObjectNode();
            }
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    HttpPost(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer post(URI url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), null);
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", SendResult.retry("no answer from " + host(url) + " within " + timeout.toSeconds()
                    + " s (the message may have gone out)"));
        } catch (IOException e) {
            return new Answer(0, "", SendResult.retry(host(url) + " is unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", SendResult.retry("interrupted while sending to " + host(url)));
        }
    }

    /** HTTP statuses: 408, 425, 429 and 5xx are worth a retry, other 4xx are not. */
    static SendResult byStatus(int status, String body, URI url) {
        String reason = host(url) + " answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        boolean transientFailure = status == 408 || status == 425 || status == 429 || status >= 500;
        return transientFailure ? SendResult.retry(reason) : SendResult.giveUp(reason);
    }

    static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    /** Host and port only: URLs of robots and gateways carry tokens that do not belong in logs. */
    static String host(URI url) {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
