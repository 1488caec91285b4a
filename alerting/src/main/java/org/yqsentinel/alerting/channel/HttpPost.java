package org.yqsentinel.alerting.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.yqsentinel.model.json.Json;

/**
 * One POST to a gateway or robot (or a GET of a gateway's status query), with a timeout. A connection that could
 * not be made is worth a retry; a request that went out and got no answer is in doubt: the message may have arrived.
 */
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
        return send(HttpRequest.newBuilder(url).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), url, headers);
    }

    Answer get(URI url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(url).GET(), url, headers);
    }

    private Answer send(HttpRequest.Builder request, URI url, Map<String, String> headers) {
        request.timeout(timeout);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), null);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Answer(0, "", SendResult.retry(host(url) + " is unreachable: " + message(e)));
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", SendResult.inDoubt("no answer from " + host(url) + " within " + timeout.toSeconds()
                    + " s (the message may have gone out)"));
        } catch (IOException e) {
            return new Answer(0, "", SendResult.inDoubt("the connection to " + host(url) + " broke (" + message(e)
                    + "); the message may have gone out"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", SendResult.retry("interrupted while sending to " + host(url)));
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
