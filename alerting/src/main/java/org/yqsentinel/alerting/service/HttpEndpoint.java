package org.yqsentinel.alerting.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.yqsentinel.alerting.message.Messages.esc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.model.config.ConfigException;

/**
 * The service's HTTP endpoint: acknowledge links ({@code GET /ack?t=…} shows what is to be acknowledged with
 * a button, {@code POST /ack} acknowledges, so that mail scanners that open links do not acknowledge for
 * anyone), SMS short links ({@code /a/<code>}, redirecting to the acknowledge page), {@code /metrics} for
 * Prometheus and {@code /health}.
 */
final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    private static final int MAX_FORM = 16 * 1024;

    /** What the endpoint asks of the service. */
    interface Service {
        AckTokens.Check check(String token);

        Acknowledged acknowledge(String token);

        /** The acknowledge token of the delivery with this short code, or null. */
        String tokenOf(String shortCode);

        String metrics();

        int pending();

        /** Why the service stopped working, or null while it works. */
        String failure();
    }

    /** The outcome of a click on the button: the verdict, and when valid, who acknowledged when, and whether it was the first time. */
    record Acknowledged(AckTokens.Check check, String at, boolean repeated, boolean caseUpdated) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Service service;
    private final DateTimeFormatter time;

    HttpEndpoint(String host, int port, Service service, ZoneId zone) {
        this.service = service;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 50);
        } catch (BindException e) {
            throw new ConfigException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): another ./yq alerting"
                    + " may be running; stop it, or set alerting.http-port (YQ_ALERTING_HTTP_PORT)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(2, AlertingService.daemon("alerting-http"));
        server.setExecutor(executor);
        server.createContext("/ack", exchange -> guarded(exchange, this::ack));
        server.createContext("/a/", this::shortLink);
        server.createContext("/metrics", exchange -> reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", service.metrics()));
        server.createContext("/health", exchange -> {
            String failure = service.failure();
            reply(exchange, failure == null ? 200 : 503, "text/plain; charset=utf-8", failure == null
                    ? "ok; " + service.pending() + " notifications pending\n" : "failed: " + failure + "\n");
        });
        server.createContext("/", exchange -> page(exchange, 404, "找不到页面", "这里只有确认链接（/ack）、短链接（/a/…）、/metrics 和 /health。"));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void ack(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET", "HEAD" -> {
                String token = query(exchange.getRequestURI().getRawQuery()).get("t");
                AckTokens.Check check = service.check(token);
                if (!check.valid()) {
                    refused(exchange, check);
                    return;
                }
                AckTokens.Claim claim = check.claim();
                page(exchange, 200, "确认收到预警", "<p>案件：" + esc(claim.caseId()) + "<br>预警事件：" + esc(claim.alertId()) + "<br>通知对象："
                        + esc(claim.receiver()) + "<br>链接有效至：" + time.format(claim.expires()) + "</p>"
                        + "<form method=\"post\" action=\"/ack\"><input type=\"hidden\" name=\"t\" value=\"" + esc(token) + "\">"
                        + "<button type=\"submit\" style=\"font-size:18px;padding:8px 24px\">确认收到，停止升级提醒</button></form>");
            }
            case "POST" -> {
                String token = query(form(exchange)).get("t");
                Acknowledged result = service.acknowledge(token);
                if (!result.check().valid()) {
                    refused(exchange, result.check());
                    return;
                }
                AckTokens.Claim claim = result.check().claim();
                page(exchange, 200, result.repeated() ? "此前已确认" : "已确认", "<p>案件 " + esc(claim.caseId()) + " 已由 " + esc(claim.receiver())
                        + (result.repeated() ? " 于 " : " 在 ") + esc(result.at()) + " 确认收到；对该案件此前预警的升级提醒已停止。"
                        + (result.caseUpdated() ? "" : "<br>（案件记录暂未写入 yq-cases，确认已记入通知台账。）") + "</p>");
            }
            default -> page(exchange, 405, "不支持的请求", "请用浏览器打开确认链接。");
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A failure behind the page (Elasticsearch unreachable) answers 500 and says to try again, and is logged. */
    private void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            LOG.error("alerting: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString(), e);
            page(exchange, 500, "暂时无法确认", "<p>服务暂时无法记录确认，请稍后重试，或直接联系舆情值班室。</p>");
        }
    }

    private void refused(HttpExchange exchange, AckTokens.Check check) throws IOException {
        int status = switch (check.verdict()) {
            case EXPIRED -> 410;
            case FORGED -> 403;
            default -> 400;
        };
        page(exchange, status, "未确认", "<p>" + esc(check.verdict().meaning()) + "</p>");
    }

    private void shortLink(HttpExchange exchange) throws IOException {
        String code = exchange.getRequestURI().getPath().substring("/a/".length());
        String token = code.matches("[0-9a-f]{8}") ? service.tokenOf(code) : null;
        if (token == null) {
            page(exchange, 404, "链接无效", "<p>这个短链接不是舆情哨兵发出的，或已过期。</p>");
            return;
        }
        exchange.getResponseHeaders().set("Location", "/ack?t=" + token);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        reply(exchange, status, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + esc(title) + " · 舆情哨兵</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h2>" + esc(title) + "</h2>" + body + "</body></html>");
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static String form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM);
            return new String(body, UTF_8);
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).filter(kv -> kv.length == 2)
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], UTF_8), kv -> URLDecoder.decode(kv[1], UTF_8), (a, b) -> a));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.debug("alerting HTTP endpoint stopped");
    }
}
