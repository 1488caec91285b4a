package org.yqsentinel.pipeline.elasticsearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback in front of the real Elasticsearch that refuses the first N bulk
 * requests — item by item with 429 (a full write queue) or whole with 503 — and forwards everything else.
 */
final class FlakyElasticsearchProxy implements AutoCloseable {

    enum Refusal { ITEMS_429, REQUEST_503 }

    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection", "host");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final Refusal refusal;
    private final AtomicInteger refusalsLeft;
    private final AtomicInteger refused = new AtomicInteger();

    FlakyElasticsearchProxy(String target, Refusal refusal, int bulkRequestsToRefuse) throws IOException {
        this.target = target;
        this.refusal = refusal;
        this.refusalsLeft = new AtomicInteger(bulkRequestsToRefuse);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int refusedRequests() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (exchange.getRequestURI().getPath().endsWith("/_bulk") && refusalsLeft.getAndDecrement() > 0) {
                refused.incrementAndGet();
                if (refusal == Refusal.REQUEST_503) {
                    respond(exchange, 503, "{\"error\":{\"type\":\"unavailable\",\"reason\":\"proxy refuses\"},\"status\":503}");
                } else {
                    respond(exchange, 200, rejectAllItems(new String(body, StandardCharsets.UTF_8)));
                }
                return;
            }
            forward(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 502, "{}");
        }
    }

    private static String rejectAllItems(String ndjson) {
        StringBuilder items = new StringBuilder();
        List<String> lines = ndjson.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size(); i += 2) {
            String action = lines.get(i);
            String index = field(action, "_index");
            String id = field(action, "_id");
            items.append(items.isEmpty() ? "" : ",").append("{\"index\":{\"_index\":\"").append(index)
                    .append("\",\"_id\":\"").append(id).append("\",\"status\":429,\"error\":{\"type\":")
                    .append("\"es_rejected_execution_exception\",\"reason\":\"rejected execution (queue full)\"}}}");
        }
        return "{\"took\":1,\"errors\":true,\"items\":[" + items + "]}";
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        sendBody(exchange, response.statusCode(), response.body());
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8");
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        sendBody(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBody(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
