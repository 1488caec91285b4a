package org.yqsentinel.alerting.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.yqsentinel.alerting.message.Messages.esc;

import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.alerting.ack.AckTokens;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.rules.control.CaseStep;

/**
 * The service's HTTP endpoint: acknowledge links ({@code GET /ack?t=…} shows what is to be acknowledged with
 * a button, {@code POST /ack} acknowledges, so that mail scanners that open links do not acknowledge for
 * anyone), SMS short links ({@code /<code>}, redirecting to the acknowledge page), {@code /metrics} for
 * Prometheus and {@code /health}.
 *
 * <p>On Jetty rather than the JDK's server, whose only read timeouts are JVM-wide system properties: here request
 * lines and headers are parsed without holding a thread, headers beyond {@link Limits#maxHeaderBytes} answer 431,
 * a form beyond {@link Limits#maxFormBytes} 413, the form is read without holding a thread either, and a connection
 * idle for {@link Limits#idleTimeout} (a client that stalls mid-request) is closed. Slow clients therefore cannot
 * starve the handlers that answer {@code /health}, {@code /metrics} and {@code /ack}.
 */
final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    /**
     * What one request may take.
     *
     * @param maxHeaderBytes request line and headers together
     * @param maxFormBytes   the body of {@code POST /ack}
     * @param idleTimeout    a connection that sends nothing for this long is closed
     * @param maxConnections connections open at once; more wait to be accepted
     */
    record Limits(int maxHeaderBytes, int maxFormBytes, Duration idleTimeout, int maxConnections) {
        static final Limits DEFAULT = new Limits(8 * 1024, 16 * 1024, Duration.ofSeconds(10), 256);
    }

    /** What the endpoint asks of the service. */
    interface Service {
        AckTokens.Check check(String token);

        Acknowledged acknowledge(String token);

        /** Records the department's response to the token's case: {@code refusal} is null when it was recorded. */
        Responded respond(String token, Instant at, String channel, String url, String text);

        /** The acknowledge token of the delivery with this short code, or null. */
        String tokenOf(String shortCode);

        String metrics();

        int pending();

        /** Why the service stopped working, or null while it works. */
        String failure();
    }

    /** The outcome of a click on the button: the verdict, and when valid, who acknowledged when, and whether it was the first time. */
    record Acknowledged(AckTokens.Check check, String at, boolean repeated, boolean caseUpdated) {}

    /** The outcome of a response recorded on the page: the token's verdict, and why the response was refused, or null. */
    record Responded(AckTokens.Check check, String refusal) {}

    /** The channels the response form offers. */
    static final List<String> RESPONSE_CHANNELS = List.of("官方微博", "政府网站", "微信公众号", "新闻发布会", "媒体采访", "短视频平台", "其他");

    private final Server server;
    private final ServerConnector connector;
    private final Service service;
    private final Limits limits;
    private final DateTimeFormatter time;

    HttpEndpoint(String host, int port, Service service, ZoneId zone) {
        this(host, port, service, zone, Limits.DEFAULT);
    }

    HttpEndpoint(String host, int port, Service service, ZoneId zone, Limits limits) {
        this.service = service;
        this.limits = limits;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("alerting-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setHandler(new Routes());
        server.setStopTimeout(1_000);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new ConfigException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): another ./yq alerting"
                        + " may be running; stop it, or set alerting.http-port (YQ_ALERTING_HTTP_PORT)");
            }
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("cannot start the HTTP endpoint on " + host + ":" + port + ": " + e, e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Dispatches by path; every branch completes the callback, with a page, a redirect or an error. */
    private final class Routes extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            try {
                if (path.equals("/ack")) {
                    ack(request, response, callback);
                } else if (path.equals("/respond")) {
                    respond(request, response, callback);
                } else if (path.equals("/metrics")) {
                    reply(request, response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", service.metrics());
                } else if (path.equals("/health")) {
                    String failure = service.failure();
                    reply(request, response, callback, failure == null ? 200 : 503, "text/plain; charset=utf-8", failure == null
                            ? "ok; " + service.pending() + " notifications pending\n" : "failed: " + failure + "\n");
                } else if (AckTokens.SHORT_CODE.matcher(path.substring(1)).matches()) {
                    shortLink(request, response, callback, path.substring(1));
                } else {
                    page(request, response, callback, 404, "找不到页面", "这里只有确认链接（/ack）、短链接、/metrics 和 /health。");
                }
            } catch (RuntimeException e) {
                failed(request, response, callback, e);
            }
            return true;
        }
    }

    private void ack(Request request, Response response, Callback callback) {
        switch (request.getMethod()) {
            case "GET", "HEAD" -> {
                String token = Request.extractQueryParameters(request, UTF_8).getValue("t");
                AckTokens.Check check = service.check(token);
                if (!check.valid()) {
                    refused(request, response, callback, check);
                    return;
                }
                AckTokens.Claim claim = check.claim();
                page(request, response, callback, 200, "确认收到预警", "<p>案件：" + esc(claim.caseId()) + "<br>预警事件：" + esc(claim.alertId())
                        + "<br>通知对象：" + esc(claim.receiver()) + "<br>链接有效至：" + time.format(claim.expires()) + "</p>"
                        + "<form method=\"post\" action=\"/ack\"><input type=\"hidden\" name=\"t\" value=\"" + esc(token) + "\">"
                        + "<button type=\"submit\" style=\"font-size:18px;padding:8px 24px\">确认收到，停止升级提醒</button></form>"
                        + responseForm(token));
            }
            case "POST" -> onForm(request, response, callback, fields -> acknowledge(request, response, callback, fields));
            default -> page(request, response, callback, 405, "不支持的请求", "请用浏览器打开确认链接。");
        }
    }

    /** {@code POST /respond}: the response form of the acknowledge page. */
    private void respond(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("POST")) {
            page(request, response, callback, 405, "不支持的请求", "请在确认页面上填写回应。");
            return;
        }
        onForm(request, response, callback, fields -> {
            String token = fields.getValue("t");
            Instant at;
            try {
                at = LocalDateTime.parse(Objects.requireNonNullElse(fields.getValue("at"), "")).atZone(time.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                page(request, response, callback, 400, "回应未记录", "<p>请填写回应发布的时间（年-月-日 时:分）。</p>" + responseForm(token));
                return;
            }
            Responded result = service.respond(token, at, fields.getValue("channel"), fields.getValue("url"), fields.getValue("text"));
            if (!result.check().valid()) {
                refused(request, response, callback, result.check());
            } else if (result.refusal() != null) {
                page(request, response, callback, 400, "回应未记录", "<p>" + esc(result.refusal()) + "</p>" + responseForm(token));
            } else {
                page(request, response, callback, 200, "回应已记录", "<p>案件 " + esc(result.check().claim().caseId()) + " 的官方回应（"
                        + esc(time.format(at)) + "）已由 " + esc(result.check().claim().receiver()) + " 记录。监测系统将比较回应前后的舆情，"
                        + "结果见案件的评估记录。</p>");
            }
        });
    }

    /** Reads a posted form without holding a thread while the client sends; what follows writes to Kafka or Elasticsearch: a blocking task. */
    private void onForm(Request request, Response response, Callback callback, Consumer<Fields> then) {
        if (request.getLength() > limits.maxFormBytes()) {
            tooLarge(request, response, callback);
            return;
        }
        FormFields.onFields(request, UTF_8, 16, limits.maxFormBytes(), Promise.Invocable.from(InvocationType.BLOCKING, (fields, failure) -> {
            if (failure != null) {
                if (Request.getContentBytesRead(request) >= limits.maxFormBytes()) {
                    tooLarge(request, response, callback);
                } else {
                    LOG.debug("alerting: the form of POST {} could not be read: {}", Request.getPathInContext(request), failure.toString());
                    callback.failed(failure);
                }
                return;
            }
            try {
                then.accept(fields);
            } catch (RuntimeException e) {
                failed(request, response, callback, e);
            }
        }));
    }

    /** The form on which the department records its official response to the case. */
    private String responseForm(String token) {
        StringBuilder channels = new StringBuilder();
        RESPONSE_CHANNELS.forEach(c -> channels.append("<option>").append(esc(c)).append("</option>"));
        return "<h3>记录官方回应</h3><form method=\"post\" action=\"/respond\"><input type=\"hidden\" name=\"t\" value=\"" + esc(token) + "\">"
                + "<p><label>回应时间 <input type=\"datetime-local\" name=\"at\" required></label></p>"
                + "<p><label>回应渠道 <select name=\"channel\">" + channels + "</select></label></p>"
                + "<p><label>回应链接 <input type=\"url\" name=\"url\" size=\"50\" placeholder=\"https://\"></label></p>"
                + "<p><label>回应内容<br><textarea name=\"text\" rows=\"6\" cols=\"60\" maxlength=\"" + CaseStep.MAX_TEXT + "\"></textarea></label></p>"
                + "<p><button type=\"submit\">记录回应</button>（链接与内容至少填一项）</p></form>";
    }

    private void acknowledge(Request request, Response response, Callback callback, Fields fields) {
        Acknowledged result = service.acknowledge(fields.getValue("t"));
        if (!result.check().valid()) {
            refused(request, response, callback, result.check());
            return;
        }
        AckTokens.Claim claim = result.check().claim();
        page(request, response, callback, 200, result.repeated() ? "此前已确认" : "已确认", "<p>案件 " + esc(claim.caseId()) + " 已由 "
                + esc(claim.receiver()) + (result.repeated() ? " 于 " : " 在 ") + esc(result.at()) + " 确认收到；对该案件此前预警的升级提醒已停止。"
                + (result.caseUpdated() ? "" : "<br>（案件记录暂未写入 yq-cases，确认已记入通知台账。）") + "</p>"
                + responseForm(fields.getValue("t")));
    }

    /** A failure behind the page (Elasticsearch unreachable) answers 500 and says to try again, and is logged. */
    private void failed(Request request, Response response, Callback callback, RuntimeException e) {
        LOG.error("alerting: {} {} failed: {}", request.getMethod(), Request.getPathInContext(request), e.toString(), e);
        page(request, response, callback, 500, "暂时无法确认", "<p>服务暂时无法记录确认，请稍后重试，或直接联系舆情值班室。</p>");
    }

    private void tooLarge(Request request, Response response, Callback callback) {
        page(request, response, callback, 413, "请求过大", "<p>确认表单不超过 " + limits.maxFormBytes() / 1024 + " KB。</p>");
    }

    private void refused(Request request, Response response, Callback callback, AckTokens.Check check) {
        int status = switch (check.verdict()) {
            case EXPIRED -> 410;
            case FORGED -> 403;
            default -> 400;
        };
        page(request, response, callback, status, "未确认", "<p>" + esc(check.verdict().meaning()) + "</p>");
    }

    /** A code that is not one this service made (guessed, cut short, or of another secret) answers 404 like any unknown page. */
    private void shortLink(Request request, Response response, Callback callback, String code) {
        String token = service.tokenOf(code);
        if (token == null) {
            page(request, response, callback, 404, "链接无效", "<p>这个短链接不是舆情哨兵发出的，或已过期。</p>");
            return;
        }
        response.setStatus(302);
        response.getHeaders().put(HttpHeader.LOCATION, "/ack?t=" + token);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, null, callback);
    }

    private void page(Request request, Response response, Callback callback, int status, String title, String body) {
        reply(request, response, callback, status, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + esc(title) + " · 舆情哨兵</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h2>" + esc(title) + "</h2>" + body + "</body></html>");
    }

    private static void reply(Request request, Response response, Callback callback, int status, String type, String body) {
        byte[] bytes = body.getBytes(UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = request.getMethod().equals("HEAD");
        response.write(true, head ? null : ByteBuffer.wrap(bytes), callback);
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("alerting HTTP endpoint: stopping after a failed start: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stopQuietly();
        LOG.debug("alerting HTTP endpoint stopped");
    }
}
