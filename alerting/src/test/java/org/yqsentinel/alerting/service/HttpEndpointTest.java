package org.yqsentinel.alerting.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yqsentinel.alerting.ack.AckTokens;

/**
 * The HTTP endpoint on a real loopback socket, with raw clients that misbehave: stalled request lines and bodies,
 * oversized headers and forms, guessed short links. The service behind it is a small stand-in.
 */
class HttpEndpointTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final AckTokens TOKENS = new AckTokens("http-endpoint-test-secret-of-32-bytes-or-more".getBytes(UTF_8));
    private static final String DELIVERY = "dlv-0028e58b1f2c4d5e6f708192a3b4c5d6";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final StandIn service = new StandIn();
    private final List<Socket> clients = new ArrayList<>();
    private HttpEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = new HttpEndpoint("127.0.0.1", 0, service, ZoneId.of("Asia/Shanghai"),
                new HttpEndpoint.Limits(8 * 1024, 16 * 1024, IDLE, 256));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        endpoint.close();
    }

    @Test
    void clientsStalledInTheirBodiesOrRequestLinesDoNotHoldUpHealthMetricsOrAcknowledgements() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stalled.add(send("POST /ack HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1000\r\n\r\nt=abc"));
            stalled.add(send("GET /hea"));
        }

        Instant asked = Instant.now();
        HttpResponse<String> health = get("/health");
        HttpResponse<String> metrics = get("/metrics");
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(url("/ack")).timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("t=valid")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok; 3 notifications pending\n");
        assertThat(metrics.body()).contains("yq_alerting_pending 3.0");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(Duration.between(asked, Instant.now())).as("answered while 16 clients stall").isLessThan(IDLE);
        assertThat(service.acknowledged).hasValue(1);
        for (Socket client : stalled) {
            assertThat(closedWithin(client, IDLE.multipliedBy(3))).as("a stalled connection is closed after the idle timeout").isTrue();
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedHeadersAnswer431AnOversizedFormAnswers413AndTheServerGoesOn() throws Exception {
        String big = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "x".repeat(20_000) + "\r\n\r\n";
        String declared = "POST /ack HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 100000\r\n\r\nt=";
        String chunked = "POST /ack HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + "4000\r\n" + "t=" + "a".repeat(0x4000 - 2) + "\r\n" + "10\r\n" + "b".repeat(16) + "\r\n0\r\n\r\n";

        assertThat(statusLine(send(big))).startsWith("HTTP/1.1 431");
        assertThat(statusLine(send(declared))).startsWith("HTTP/1.1 413");
        assertThat(statusLine(send(chunked))).startsWith("HTTP/1.1 413");
        assertThat(service.acknowledged).hasValue(0);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAShortLinkCodeTheServiceMadeRedirectsToItsAcknowledgePage() throws Exception {
        String code = TOKENS.shortCode(DELIVERY);

        HttpResponse<String> real = get("/" + code);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).hasValue("/ack?t=token-of-" + DELIVERY);
        for (String guess : List.of("/" + DELIVERY.substring(4, 12), "/a/" + DELIVERY.substring(4, 12), "/Zz9Yy8Xx7Ww6", "/" + code.substring(1) + "0")) {
            HttpResponse<String> refused = get(guess);
            assertThat(refused.statusCode()).as(guess).isEqualTo(404);
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void theAcknowledgePageCarriesTheResponseFormAndAResponseIsRecordedInTheServicesTimeZone() throws Exception {
        HttpResponse<String> page = get("/ack?t=valid");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/respond\"", "name=\"at\"", "<option>官方微博</option>", "name=\"t\" value=\"valid\"");

        HttpResponse<String> recorded = post("/respond", "t=valid&at=2026-11-21T09:30&channel=" + encode("官方微博")
                + "&url=" + encode("https://weibo.com/1/2") + "&text=" + encode("关于收费标准的说明 <b>"));
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(recorded.body()).contains("回应已记录", "2026-11-21 09:30");
        assertThat(service.responses).containsExactly(Arrays.asList(Instant.parse("2026-11-21T01:30:00Z"), "官方微博",
                "https://weibo.com/1/2", "关于收费标准的说明 <b>"));
    }

    @Test
    void aResponseWithoutItsTimeOrRefusedByTheServiceOrWithABadTokenIsNotRecordedAndSaysWhy() throws Exception {
        HttpResponse<String> noTime = post("/respond", "t=valid&at=&channel=x&text=y");
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(noTime.body()).contains("请填写回应发布的时间", "action=\"/respond\"");

        HttpResponse<String> badUrl = post("/respond", "t=valid&at=2026-11-21T09:30&channel=x&url=" + encode("javascript:alert(1)"));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("回应未记录", "is not an http or https address").doesNotContain("<script");

        HttpResponse<String> forged = post("/respond", "t=forged&at=2026-11-21T09:30&channel=x&text=y");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains(AckTokens.Verdict.MALFORMED.meaning());

        assertThat(get("/respond").statusCode()).isEqualTo(405);
        assertThat(service.responses).isEmpty();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }

    /** The service behind the endpoint: one delivery with a short link, one valid token, three notifications pending. */
    private static final class StandIn implements HttpEndpoint.Service {
        final AtomicInteger acknowledged = new AtomicInteger();
        final List<List<Object>> responses = new ArrayList<>();

        @Override
        public synchronized HttpEndpoint.Responded respond(String token, Instant at, String channel, String url, String text) {
            AckTokens.Check check = check(token);
            if (!check.valid()) {
                return new HttpEndpoint.Responded(check, null);
            }
            if (url != null && url.startsWith("javascript:")) {
                return new HttpEndpoint.Responded(check, "回应未记录：url '" + url + "' is not an http or https address");
            }
            responses.add(Arrays.asList(at, channel, url, text));
            return new HttpEndpoint.Responded(check, null);
        }

        @Override
        public AckTokens.Check check(String token) {
            return "valid".equals(token) ? new AckTokens.Check(AckTokens.Verdict.VALID,
                    new AckTokens.Claim("case-1", "p/opened/iv/1", "值班室（desk）", Instant.now().plusSeconds(3600)))
                    : new AckTokens.Check(AckTokens.Verdict.MALFORMED, null);
        }

        @Override
        public HttpEndpoint.Acknowledged acknowledge(String token) {
            AckTokens.Check check = check(token);
            if (check.valid()) {
                acknowledged.incrementAndGet();
            }
            return new HttpEndpoint.Acknowledged(check, Instant.now().toString(), false, true);
        }

        @Override
        public String tokenOf(String shortCode) {
            return shortCode.equals(TOKENS.shortCode(DELIVERY)) ? "token-of-" + DELIVERY : null;
        }

        @Override
        public String metrics() {
            return "yq_alerting_pending " + pending() + ".0\n";
        }

        @Override
        public int pending() {
            return 3;
        }

        @Override
        public String failure() {
            return null;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }

    /** A raw client that sends these bytes and then nothing more. */
    private Socket send(String bytes) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port());
        clients.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(UTF_8));
        out.flush();
        return socket;
    }

    /** The first line the server answers, waiting up to five seconds. */
    private static String statusLine(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** Whether the server closes the connection (after answering or not) within the time given. */
    private static boolean closedWithin(Socket socket, Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // what the server says before closing (a 408 or 400) does not matter here
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;  // reset by the server
        }
    }
}
