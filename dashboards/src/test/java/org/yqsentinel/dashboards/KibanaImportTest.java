package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.json.Json;

/**
 * The import against a real HTTP server on loopback that answers as Kibana's import API does: it wants a
 * POST with {@code kbn-xsrf}, a multipart {@code file} part with an {@code .ndjson} name, checks each
 * object's references against the file and what it holds, and overwrites by type and id.
 */
class KibanaImportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the server was sent. */
    record Received(String method, String path, String query, Map<String, String> headers, List<Part> parts) {}

    /** One part of a multipart/form-data body. */
    record Part(Map<String, String> headers, byte[] content) {
        String disposition(String name) {
            Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(headers.getOrDefault("content-disposition", ""));
            return m.find() ? m.group(1) : null;
        }
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> saved = new LinkedHashMap<>();
    private volatile String requiredAuthorization;
    private volatile int cannedStatus;
    private volatile String cannedBody;

    @BeforeEach
    void startKibana() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopKibana() {
        server.stop(0);
    }

    private URI kibana() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private KibanaImport importer(String authorization) {
        return new KibanaImport(kibana(), authorization, TIMEOUT);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<Part> parts = headers.getOrDefault("content-type", "").startsWith("multipart/form-data")
                ? parts(headers.get("content-type"), body) : List.of();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                headers, parts));
        if (cannedStatus != 0) {
            reply(exchange, cannedStatus, cannedBody);
        } else if (!exchange.getRequestURI().getPath().equals("/api/saved_objects/_import") || !exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 404, "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}");
        } else if (requiredAuthorization != null && !requiredAuthorization.equals(headers.get("authorization"))) {
            reply(exchange, 401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"[security_exception]: unable to authenticate user\"}");
        } else if (!headers.containsKey("kbn-xsrf")) {
            reply(exchange, 400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Request must contain a kbn-xsrf header.\"}");
        } else {
            List<Part> files = parts.stream().filter(p -> "file".equals(p.disposition("name"))).toList();
            if (files.size() != 1 || files.get(0).disposition("filename") == null || !files.get(0).disposition("filename").endsWith(".ndjson")) {
                reply(exchange, 400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Invalid file extension\"}");
            } else {
                reply(exchange, 200, Json.toString(importObjects(new String(files.get(0).content(), StandardCharsets.UTF_8),
                        "overwrite=true".equals(exchange.getRequestURI().getQuery()))));
            }
        }
    }

    /** Kibana's import, reduced to what decides its answer: references resolve, and an existing id needs overwrite. */
    private ObjectNode importObjects(String ndjson, boolean overwrite) {
        List<JsonNode> objects = SavedObjectsTest.lines(ndjson);
        ArrayNode errors = Json.mapper().createArrayNode();
        int success = 0;
        for (JsonNode object : objects) {
            String key = object.get("type").asText() + "/" + object.get("id").asText();
            ArrayNode missing = Json.mapper().createArrayNode();
            object.path("references").forEach(ref -> {
                String target = ref.get("type").asText() + "/" + ref.get("id").asText();
                boolean inFile = objects.stream().anyMatch(o -> (o.get("type").asText() + "/" + o.get("id").asText()).equals(target));
                if (!inFile && !saved.containsKey(target)) {
                    missing.addObject().put("type", ref.get("type").asText()).put("id", ref.get("id").asText());
                }
            });
            ObjectNode error = Json.mapper().createObjectNode();
            if (!missing.isEmpty()) {
                error.put("type", "missing_references").set("references", missing);
            } else if (saved.containsKey(key) && !overwrite) {
                error.put("type", "conflict");
            } else {
                saved.put(key, object);
                success++;
                continue;
            }
            ObjectNode failed = errors.addObject().put("id", object.get("id").asText()).put("type", object.get("type").asText());
            failed.putObject("meta").put("title", object.at("/attributes/title").asText());
            failed.set("error", error);
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("success", errors.isEmpty()).put("successCount", success);
        if (!errors.isEmpty()) {
            answer.set("errors", errors);
        }
        answer.putArray("warnings");
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Splits a multipart/form-data body by its boundary, refusing one that is not framed as RFC 7578 says. */
    static List<Part> parts(String contentType, byte[] body) {
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        assertThat(boundary.find()).as("boundary in %s", contentType).isTrue();
        String delimiter = "--" + boundary.group(1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith(delimiter + "\r\n").endsWith("\r\n" + delimiter + "--\r\n");
        List<Part> parts = new ArrayList<>();
        String[] chunks = text.substring(0, text.length() - (delimiter + "--\r\n").length()).split(Pattern.quote(delimiter + "\r\n"), -1);
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            assertThat(chunk).endsWith("\r\n");
            int end = chunk.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : chunk.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            parts.add(new Part(headers, chunk.substring(end + 4, chunk.length() - 2).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    @Test
    void importPostsDataViewsAndDeskAsOneNdjsonFileWithXsrfAndOverwrite() {
        int imported = importer(null).importDesk();

        byte[] bundle = KibanaImport.bundle();
        int objects = (int) new String(bundle, StandardCharsets.UTF_8).lines().count();
        assertThat(imported).isEqualTo(objects).isEqualTo(7 + SavedObjects.objects().size());
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/saved_objects/_import");
        assertThat(request.query()).isEqualTo("overwrite=true");
        assertThat(request.headers()).containsEntry("kbn-xsrf", "true").doesNotContainKey("authorization");
        assertThat(request.parts()).singleElement().satisfies(part -> {
            assertThat(part.disposition("name")).isEqualTo("file");
            assertThat(part.disposition("filename")).isEqualTo("sentinel.ndjson");
            assertThat(part.headers()).containsEntry("content-type", "application/ndjson");
            assertThat(part.content()).isEqualTo(bundle);
        });
        assertThat(saved).containsKeys("index-pattern/yq-items", "lens/yq-desk-regions", "search/yq-policy-posts",
                "dashboard/yq-desk-overview", "dashboard/yq-case-view");
    }

    @Test
    void importingAgainReplacesTheSameObjectsInsteadOfAddingCopies() {
        int first = importer(null).importDesk();
        int second = importer(null).importDesk();

        assertThat(second).isEqualTo(first);
        assertThat(saved).hasSize(first);
    }

    @Test
    void credentialsGoInTheAuthorizationHeader() {
        requiredAuthorization = "Basic ZWxhc3RpYzrlr4bnoIE=";
        assertThat(KibanaImport.basic("elastic", "密码")).isEqualTo(requiredAuthorization);
        assertThat(importer(KibanaImport.basic("elastic", "密码")).importDesk()).isPositive();

        requiredAuthorization = "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
        assertThat(importer(KibanaImport.apiKey("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==")).importDesk()).isPositive();
    }

    @Test
    void anUnauthorizedAnswerSaysSoAndAsksForCredentials() {
        requiredAuthorization = KibanaImport.basic("elastic", "right");

        assertThatThrownBy(() -> importer(KibanaImport.basic("elastic", "wrong")).importDesk())
                .isInstanceOf(KibanaImport.ImportFailed.class)
                .hasMessageContaining("HTTP 401 Unauthorized: [security_exception]: unable to authenticate user")
                .hasMessageContaining("credentials")
                .hasMessageContaining(kibana().toString());
        assertThat(saved).isEmpty();
    }

    @Test
    void aBadRequestCarriesKibanasOwnMessage() {
        cannedStatus = 400;
        cannedBody = "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Invalid file extension .txt\"}";

        assertThatThrownBy(() -> importer(null).importDesk())
                .hasMessageContaining("HTTP 400 Bad Request: Invalid file extension .txt");
    }

    @Test
    void aWrongBasePathIsANotFoundThatPointsAtIt() {
        KibanaImport wrong = new KibanaImport(URI.create(kibana() + "/kibana/"), null, TIMEOUT);

        assertThatThrownBy(wrong::importDesk).hasMessageContaining("HTTP 404").hasMessageContaining("base path");
        assertThat(received.get(0).path()).isEqualTo("/kibana/api/saved_objects/_import");
    }

    @Test
    void objectsKibanaRefusesAreNamedOneALineWithTypeIdAndError() {
        String ndjson = "{\"type\":\"lens\",\"id\":\"yq-a\",\"attributes\":{\"title\":\"甲\"},\"references\":[]}\n"
                + "{\"type\":\"dashboard\",\"id\":\"yq-b\",\"attributes\":{\"title\":\"乙\"},\"references\":["
                + "{\"name\":\"1:panel_1\",\"type\":\"lens\",\"id\":\"yq-a\"},{\"name\":\"2:panel_2\",\"type\":\"lens\",\"id\":\"yq-gone\"}]}\n";

        assertThatThrownBy(() -> importer(null).importNdjson(ndjson.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(KibanaImport.ImportFailed.class, failed -> {
                    assertThat(failed.objects()).containsExactly("dashboard yq-b (\"乙\"): missing_references lens/yq-gone");
                    assertThat(failed.getMessage()).startsWith("Kibana imported 1 saved objects and refused 1:")
                            .contains("\n  dashboard yq-b");
                });
    }

    @Test
    void anErrorWithAMessageKeepsItOnTheObjectsLine() {
        cannedStatus = 200;
        cannedBody = "{\"success\":false,\"successCount\":25,\"errors\":[{\"id\":\"yq-case-view\",\"type\":\"dashboard\","
                + "\"meta\":{\"title\":\"舆情案件\"},\"error\":{\"type\":\"unknown\",\"message\":\"[panelsJSON]:\\nexpected a string\","
                + "\"statusCode\":400}}],\"warnings\":[]}";

        assertThatThrownBy(() -> importer(null).importDesk()).isInstanceOfSatisfying(KibanaImport.ImportFailed.class, failed ->
                assertThat(failed.objects()).containsExactly(
                        "dashboard yq-case-view (\"舆情案件\"): unknown — [panelsJSON]: expected a string"));
    }

    @Test
    void anUnreachableKibanaIsNamedWithItsAddress() throws IOException {
        URI gone;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gone = URI.create("http://127.0.0.1:" + closed.getLocalPort());
        }

        assertThatThrownBy(() -> new KibanaImport(gone, null, Duration.ofSeconds(2)).importDesk())
                .isInstanceOf(KibanaImport.ImportFailed.class)
                .hasMessageContaining("cannot reach Kibana at " + gone);
    }
}
