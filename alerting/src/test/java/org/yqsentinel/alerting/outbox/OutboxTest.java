package org.yqsentinel.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.alerting.channel.EmailChannel;
import org.yqsentinel.alerting.message.Messages;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.stack.outbox.Outbox;

/** The outbox against real SMTP and HTTP clients on loopback. */
class OutboxTest {

    private static final String SUBJECT = "【Ⅱ级橙色预警】江城一中课后服务收费 舆情升级，请于30分钟内研判";
    private static final String TEXT = "王晓明同志：\n江城一中课后服务收费相关舆情已升级为Ⅱ级橙色预警。\n"
            + "请于30分钟内研判并反馈。\n";
    private static final String SMS = "{\"mobile\":\"+8613800138000\","
            + "\"content\":\"【江城舆情】Ⅱ级橙色：江城一中课后服务收费，请30分钟内研判\",\"requestId\":\"alert-1\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private Outbox outbox;

    @BeforeEach
    void start() {
        outbox = Outbox.start(dir.resolve("outbox"), 0, 0);
    }

    @AfterEach
    void stop() {
        outbox.close();
    }

    @Test
    void aMailToTwoPeopleIsKeptOncePerRecipientAsItWasSent() throws Exception {
        Session session = Session.getInstance(smtpProperties(outbox.smtpPort()));
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("yuqing-sentinel@localhost", "舆情哨兵", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, "wang.xiaoming@edu.jiangcheng.example.gov.cn, duty@jiangcheng.example.gov.cn");
        message.setSubject(SUBJECT, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT, "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>" + TEXT + "</p>", "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        message.writeTo(sent);

        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }

        List<Path> mails = waitFor(outbox::mails, 2);
        assertThat(mails).extracting(file -> file.getFileName().toString()).satisfiesExactlyInAnyOrder(
                name -> assertThat(name).matches("\\d{8}-\\d{6}-\\d+-wang\\.xiaoming@edu\\.jiangcheng\\.example\\.gov\\.cn\\.eml"),
                name -> assertThat(name).matches("\\d{8}-\\d{6}-\\d+-duty@jiangcheng\\.example\\.gov\\.cn\\.eml"));
        assertThat(mails).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(outbox.dir().resolve("mail")));
        byte[] kept = Files.readAllBytes(mails.get(0));
        assertThat(endsWith(kept, sent.toByteArray())).as("the bytes as sent, after the server's Return-Path and Received").isTrue();
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(mails.get(0))) {
            parsed = new MimeMessage(session, in);
        }
        assertThat(parsed.getSubject()).isEqualTo(SUBJECT);
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
    }

    @Test
    void anSmsIsKeptAsTheBytesPostedAndAnsweredLikeTheJsonGatewayExpects() throws Exception {
        HttpResponse<String> response = post("/sms", SMS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode reply = Json.mapper().readTree(response.body());
        assertThat(reply.path("code").asText()).isEqualTo("0");
        assertThat(reply.path("messageId").asText()).matches("outbox-\\d+");
        List<Path> sms = waitFor(outbox::sms, 1);
        assertThat(sms.get(0).getFileName().toString()).matches("\\d{8}-\\d{6}-\\d+\\.json")
                .contains("-" + reply.path("messageId").asText().substring("outbox-".length()) + ".");
        assertThat(Files.readAllBytes(sms.get(0))).isEqualTo(SMS.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRobotMessageIsKeptUnderTheRobotsNameAndAnsweredErrcodeZero() throws Exception {
        String body = "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"Ⅱ级橙色预警\",\"text\":\"### 江城一中课后服务收费\"}}";

        HttpResponse<String> response = post("/robot/dingtalk/duty?access_token=demo", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = Json.mapper().readTree(response.body());
        assertThat(reply.path("errcode").isInt()).isTrue();
        assertThat(reply.path("errcode").asInt()).isZero();
        assertThat(reply.path("errmsg").asText()).isEqualTo("ok");
        List<Path> robot = waitFor(outbox::robotMessages, 1);
        assertThat(robot.get(0).getFileName().toString()).endsWith("-duty.json");
        assertThat(Files.readString(robot.get(0))).isEqualTo(body);
    }

    @Test
    void anythingElseIsNotFoundAndNothingIsKept() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(url("/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = post("/send", SMS);
        HttpResponse<String> noRobot = post("/robot/", SMS);

        assertThat(List.of(root.statusCode(), unknown.statusCode(), noRobot.statusCode())).containsOnly(404);
        assertThat(root.body()).contains("POST /sms");
        assertThat(outbox.sms()).isEmpty();
        assertThat(outbox.robotMessages()).isEmpty();
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        HttpResponse<String> response = post("/sms", "x".repeat((1 << 20) + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(outbox.sms()).isEmpty();
    }

    @Test
    void aTakenPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Outbox.start(dir.resolve("other"), port, 0))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("SMTP on 127.0.0.1:" + port);
            assertThatThrownBy(() -> Outbox.start(dir.resolve("other"), 0, port))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("HTTP on 127.0.0.1:" + port);
        }
    }

    @Test
    void aRestartedOutboxNumbersOnWithoutOverwriting() throws Exception {
        post("/sms", SMS);
        outbox.close();
        outbox.close();
        outbox = Outbox.start(dir.resolve("outbox"), 0, 0);

        post("/sms", SMS);

        try (var files = Files.list(outbox.dir().resolve("sms"))) {
            assertThat(files.filter(file -> !file.getFileName().toString().startsWith("."))).hasSize(2);
        }
    }

    @Test
    void aMailSentAgainUnderTheSameMessageIdIsKeptOnceAlsoAfterTheOutboxRestarts() throws Exception {
        EmailChannel.Smtp smtp = new EmailChannel.Smtp("127.0.0.1", outbox.smtpPort(), EmailChannel.Security.NONE, "", "",
                "yuqing-sentinel@localhost", "舆情哨兵", Duration.ofSeconds(5), "");
        Messages.Email email = new Messages.Email(SUBJECT, TEXT, "<p>" + TEXT + "</p>");
        Instant now = Instant.parse("2026-11-20T11:00:00Z");

        assertThat(new EmailChannel(smtp).send("dlv-1", email, "王晓明", "wang@edu.jc.example.gov.cn", now).sent()).isTrue();
        assertThat(new EmailChannel(smtp).send("dlv-1", email, "王晓明", "wang@edu.jc.example.gov.cn", now.plusSeconds(30)).sent()).isTrue();
        assertThat(waitFor(outbox::mails, 1)).hasSize(1);

        outbox.close();
        outbox = Outbox.start(dir.resolve("outbox"), 0, 0);
        EmailChannel channel = new EmailChannel(new EmailChannel.Smtp("127.0.0.1", outbox.smtpPort(), EmailChannel.Security.NONE, "", "",
                "yuqing-sentinel@localhost", "舆情哨兵", Duration.ofSeconds(5), ""));
        assertThat(channel.send("dlv-1", email, "王晓明", "wang@edu.jc.example.gov.cn", now.plusSeconds(60)).sent()).isTrue();
        assertThat(channel.send("dlv-2", email, "王晓明", "wang@edu.jc.example.gov.cn", now.plusSeconds(60)).sent()).isTrue();
        assertThat(channel.send("dlv-1", email, "值班室", "duty@jc.example.gov.cn", now.plusSeconds(60)).sent()).isTrue();

        List<Path> taken = waitFor(outbox::mails, 3);
        assertThat(taken).as("the mail kept before the restart is taken again as its earlier file").hasSize(3);
        try (var files = Files.list(outbox.dir().resolve("mail"))) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".eml")))
                    .as("another delivery, and the same one to another person, are new files; the same mail again is not")
                    .hasSize(3);
        }
    }

    @Test
    void theSmsStatusQueryTellsWhetherARequestIdWasKeptAlsoAfterTheOutboxRestarts() throws Exception {
        assertThat(get("/sms/alert-1").statusCode()).isEqualTo(404);

        post("/sms", SMS);
        HttpResponse<String> found = get("/sms/alert-1");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).isEqualTo(SMS);

        outbox.close();
        outbox = Outbox.start(dir.resolve("outbox"), 0, 0);
        assertThat(get("/sms/alert-1").statusCode()).isEqualTo(200);
        assertThat(get("/sms/alert-2").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + outbox.httpPort() + path);
    }

    private static Properties smtpProperties(int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        return props;
    }

    /** Polls, up to two seconds, until the outbox has kept this many files. */
    private static List<Path> waitFor(Supplier<List<Path>> kept, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(2);
        while (kept.get().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(kept.get()).hasSize(count).allSatisfy(file -> assertThat(file).isRegularFile());
        return kept.get();
    }

    private static boolean endsWith(byte[] bytes, byte[] tail) {
        return bytes.length >= tail.length && Arrays.equals(bytes, bytes.length - tail.length, bytes.length, tail, 0, tail.length);
    }
}
