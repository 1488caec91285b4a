package org.yqsentinel.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.yqsentinel.model.json.Json;

/**
 * Loads the data views and the desk into Kibana through its import API
 * ({@code POST /api/saved_objects/_import?overwrite=true}, one multipart {@code file}), so that running it
 * again replaces the objects by id instead of adding copies. A refusal — an HTTP error, or an answer with
 * {@code success: false} — is an {@link ImportFailed} that names each object Kibana did not take.
 */
public final class KibanaImport {

    static final String PATH = "/api/saved_objects/_import";
    static final String FILE_NAME = "sentinel.ndjson";

    private final URI kibana;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param kibana        Kibana's address ({@code http://127.0.0.1:5601}, or with a base path or a space {@code …/s/desk})
     * @param authorization the {@code Authorization} header ({@link #basic} or {@link #apiKey}), or null for none
     */
    public KibanaImport(URI kibana, String authorization, Duration timeout) {
        this.kibana = Objects.requireNonNull(kibana, "kibana");
        this.authorization = authorization;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** {@code Basic …} of a Kibana user and password. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code ApiKey …} of an API key as Elasticsearch returns it encoded ({@code encoded} of {@code POST _security/api_key}). */
    public static String apiKey(String encoded) {
        return "ApiKey " + encoded;
    }

    /** Kibana refused the import, in part or whole. */
    public static final class ImportFailed extends RuntimeException {
        private final List<String> objects;

        ImportFailed(String message, List<String> objects) {
            super(objects.isEmpty() ? message : message + "\n  " + String.join("\n  ", objects));
            this.objects = List.copyOf(objects);
        }

        /** One line per object Kibana did not take: {@code type id: error}. */
        public List<String> objects() {
            return objects;
        }
    }

    /** The data views and every saved object of the desk, as one file. */
    public static byte[] bundle() {
        return bundle("");
    }

    /**
     * The same for the indices of a namespace: each data view's index pattern gets the namespace's prefix
     * ({@code test-yq-items-*}); the objects keep their ids, so a Kibana holds the desk of one namespace at a time.
     */
    public static byte[] bundle(String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] views = prefix.isEmpty() ? DataViews.ndjson() : prefixed(DataViews.ndjson(), prefix);
        out.writeBytes(views);
        if (views.length > 0 && views[views.length - 1] != '\n') {
            out.write('\n');
        }
        out.writeBytes(SavedObjects.ndjson().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Imports {@link #bundle()}; returns how many objects Kibana created or replaced. */
    public int importDesk() {
        return importNdjson(bundle());
    }

    /** Imports {@link #bundle(String)} of a namespace's prefix. */
    public int importDesk(String prefix) {
        return importNdjson(bundle(prefix));
    }

    private static byte[] prefixed(byte[] ndjson, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(ndjson, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ObjectNode view = (ObjectNode) Json.mapper().readTree(line);
                ObjectNode attributes = (ObjectNode) view.get("attributes");
                attributes.put("title", prefix + attributes.get("title").asText());
                out.append(Json.mapper().writeValueAsString(view)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled data views do not read as JSON: " + e.getMessage(), e);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Imports saved objects given as NDJSON, replacing those of the same ids; returns Kibana's {@code successCount}. */
    public int importNdjson(byte[] ndjson) {
        String boundary = "sentinel-" + UUID.randomUUID();
        URI uri = URI.create(kibana.toString().replaceAll("/+$", "") + PATH + "?overwrite=true");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("kbn-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, ndjson)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ImportFailed("cannot reach Kibana at " + kibana + " (" + e.getMessage() + "): is it running, and is the address right?", List.of());
        } catch (HttpTimeoutException e) {
            throw new ImportFailed("Kibana at " + kibana + " did not answer the import within " + timeout.toSeconds() + " s", List.of());
        } catch (IOException e) {
            throw new ImportFailed("the import to " + uri + " failed: " + e, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("the import to " + uri + " was interrupted", List.of());
        }
        return answer(uri, response.statusCode(), response.body());
    }

    static byte[] multipart(String boundary, byte[] ndjson) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + FILE_NAME + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(ndjson);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static int answer(URI uri, int status, String body) {
        JsonNode json = parse(body);
        if (status / 100 != 2) {
            String message = json == null ? abbreviated(body) : json.path("message").asText(abbreviated(body));
            throw new ImportFailed("Kibana refused the import at " + uri + ": HTTP " + status + " " + json(json, "error") + message
                    + hint(status), List.of());
        }
        if (json == null || !json.has("success")) {
            throw new ImportFailed("Kibana's answer at " + uri + " is not an import result: " + abbreviated(body), List.of());
        }
        int imported = json.path("successCount").asInt();
        if (!json.get("success").asBoolean()) {
            List<String> objects = new ArrayList<>();
            json.path("errors").forEach(error -> objects.add(describe(error)));
            throw new ImportFailed("Kibana imported " + imported + " saved objects and refused " + objects.size() + ":", objects);
        }
        return imported;
    }

    /** {@code lens yq-desk-regions ("地域分布"): missing_references index-pattern/yq-items}. */
    static String describe(JsonNode error) {
        String title = error.path("meta").path("title").asText(error.path("title").asText(""));
        JsonNode cause = error.path("error");
        StringBuilder line = new StringBuilder(error.path("type").asText("?")).append(' ').append(error.path("id").asText("?"));
        if (!title.isEmpty()) {
            line.append(" (\"").append(title).append("\")");
        }
        line.append(": ").append(cause.path("type").asText("unknown"));
        List<String> missing = new ArrayList<>();
        cause.path("references").forEach(ref -> missing.add(ref.path("type").asText() + "/" + ref.path("id").asText()));
        if (!missing.isEmpty()) {
            line.append(' ').append(String.join(", ", missing));
        }
        if (cause.hasNonNull("message")) {
            line.append(" — ").append(cause.get("message").asText().replace('\n', ' '));
        }
        return line.toString();
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> "; give Kibana credentials (a user and password, or an API key)";
            case 403 -> "; the user or API key may not write saved objects in this space";
            case 404 -> "; is this Kibana (8.x), and its base path or space right?";
            default -> "";
        };
    }

    private static String json(JsonNode json, String field) {
        return json != null && json.hasNonNull(field) ? json.get(field).asText() + ": " : "";
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
