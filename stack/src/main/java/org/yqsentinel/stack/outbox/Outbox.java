package org.yqsentinel.stack.outbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.json.Json;

/**
 * The demo's outbox: a real SMTP server and a real HTTP endpoint on 127.0.0.1 that take the e-mails, SMS and
 * chat-robot messages the alerting service sends and keep each one as a file under a folder
 * ({@code .yq/outbox/} in the demo), so people can open what the departments would receive. For the demo and
 * local runs only, never production: it binds to loopback alone, asks no one to log in and accepts every
 * address.
 *
 * <p>A mail sent again under a Message-ID it already keeps for that recipient is not kept again (as mail clients
 * that thread by Message-ID show it once), and it answers the SMS gateway's status query: {@code GET /sms/<request
 * id>} is 200 with the SMS when it has one of that request id, 404 when not. Both survive its restarts: it reads
 * what its folder already holds.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private static final int MAX_BODY_BYTES = 1 << 20;
    /** The file names are read by people: Beijing time, like the messages themselves. */
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(Zones.BEIJING);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String LOOPBACK = "127.0.0.1";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String USAGE = "the outbox takes POST /sms, GET /sms/<request id> and POST /robot/<name>\n";
    /** The field of the SMS body (the default template's) that carries the request id. */
    private static final String REQUEST_ID = "requestId";

    private final Path dir;
    private final Path mailDir;
    private final Path smsDir;
    private final Path robotDir;
    private final List<Path> mails = new CopyOnWriteArrayList<>();
    private final List<Path> sms = new CopyOnWriteArrayList<>();
    private final List<Path> robotMessages = new CopyOnWriteArrayList<>();
    /** Mails kept, by Message-ID and recipient file name. */
    private final Map<String, Path> mailsById = new ConcurrentHashMap<>();
    /** SMS kept, by request id. */
    private final Map<String, Path> smsById = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private GreenMail smtp;
    private HttpServer http;
    /** Numbers the files, continuing after those already in the folder, so that names never clash. */
    private int counter;

    private Outbox(Path dir) {
        this.dir = dir;
        this.mailDir = dir.resolve("mail");
        this.smsDir = dir.resolve("sms");
        this.robotDir = dir.resolve("robot");
    }

    /**
     * Starts the outbox on 127.0.0.1.
     *
     * @param dir      where the files go, in {@code mail/}, {@code sms/} and {@code robot/}; created if missing
     * @param smtpPort plain SMTP, no login; 0 for a free port
     * @param httpPort {@code POST /sms} and {@code POST /robot/<name>}; 0 for a free port
     * @throws IllegalStateException when a port is taken or the folder cannot be written
     */
    public static Outbox start(Path dir, int smtpPort, int httpPort) {
        Outbox outbox = new Outbox(dir);
        try {
            outbox.counter = outbox.prepareFolders();
            outbox.startSmtp(smtpPort);
            outbox.startHttp(httpPort);
            return outbox;
        } catch (RuntimeException e) {
            outbox.close();
            throw e;
        }
    }

    private int prepareFolders() {
        int existing = 0;
        for (Path folder : List.of(mailDir, smsDir, robotDir)) {
            try {
                Files.createDirectories(folder);
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        existing++;
                        remember(folder, file);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the outbox cannot use the folder " + folder + " (" + e
                        + "); check that it can be created and written, or start the outbox on another folder", e);
            }
        }
        return existing;
    }

    /** Indexes a file kept by an earlier run: a mail by its Message-ID, an SMS by its request id. */
    private void remember(Path folder, Path file) {
        String name = file.getFileName().toString();
        try {
            if (folder.equals(mailDir) && name.endsWith(".eml")) {
                try (InputStream in = Files.newInputStream(file)) {
                    String messageId = new InternetHeaders(in).getHeader("Message-ID", null);
                    String[] parts = name.split("-", 4);  // <day>-<time>-<n>-<recipient>.eml
                    if (messageId != null && parts.length == 4) {
                        mailsById.putIfAbsent(mailKey(messageId, parts[3]), file);
                    }
                }
            } else if (folder.equals(smsDir) && name.endsWith(".json")) {
                String id = requestId(Files.readAllBytes(file));
                if (id != null) {
                    smsById.putIfAbsent(id, file);
                }
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.warn("outbox: {} could not be read, so a repeat of it is not recognised: {}", file, e.toString());
        }
    }

    private void startSmtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        MessageDeliveryHandler mailbox = server.getUserManager().getMessageDeliveryHandler();
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> keepMail(message, recipient, mailbox));
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.stop();
            throw new ConfigException("the outbox cannot listen for SMTP on 127.0.0.1:" + port
                    + "; the port is probably taken (an outbox left running?): stop what holds it or set alerting.smtp.port");
        }
        smtp = server;
    }

    private void startHttp(int port) {
        try {
            http = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        } catch (BindException e) {
            throw new ConfigException("the outbox cannot listen for HTTP on 127.0.0.1:" + port
                    + "; the port is taken (an outbox left running?): stop what holds it");
        } catch (IOException e) {
            throw new UncheckedIOException("the outbox cannot listen for HTTP on 127.0.0.1:" + port, e);
        }
        http.createContext("/", this::answer);
        http.start();
    }

    /**
     * Called by GreenMail once per recipient, before it answers 250 to the DATA: a failure here answers 451. A mail whose
     * Message-ID it already keeps for this recipient is taken (250) and not kept again.
     */
    private GreenMailUser keepMail(MovingMessage message, MailAddress recipient, MessageDeliveryHandler mailbox)
            throws MessagingException, UserException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            String suffix = safe(recipient.getEmail()) + ".eml";
            String messageId = message.getMessage().getMessageID();
            synchronized (mailsById) {
                Path earlier = messageId == null ? null : mailsById.get(mailKey(messageId, suffix));
                if (earlier != null) {
                    LOG.info("outbox: mail to {} with Message-ID {} came again; it is kept once, as {}", recipient.getEmail(), messageId, earlier);
                    if (!mails.contains(earlier)) {
                        mails.add(earlier);  // taken by this outbox, though an earlier run kept it
                    }
                    return mailbox.handle(message, recipient);
                }
                message.getMessage().writeTo(raw);
                raw.write(CRLF);  // the end of the last line, which GreenMail takes as part of the <CRLF>.<CRLF> that ends DATA
                Kept kept = keep(mailDir, "-" + suffix, raw.toByteArray(), mails);
                if (messageId != null) {
                    mailsById.put(mailKey(messageId, suffix), kept.file());
                }
                LOG.info("outbox: mail to {} \"{}\" kept as {}", recipient.getEmail(), abbreviate(message.getMessage().getSubject()),
                        kept.file());
            }
        } catch (IOException e) {
            throw new MessagingException("the outbox could not keep the mail to " + recipient.getEmail() + ": " + e, e);
        }
        return mailbox.handle(message, recipient);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (IOException e) {
                LOG.warn("outbox: could not keep {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
                respond(exchange, 500, TEXT, ("the outbox could not keep the message: " + e + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean post = exchange.getRequestMethod().equals("POST");
        String robot = path.startsWith("/robot/") ? path.substring("/robot/".length()).replaceAll("^/+|/+$", "") : "";
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/sms/")) {
            Path kept = smsById.get(URLDecoder.decode(path.substring("/sms/".length()), StandardCharsets.UTF_8));
            if (kept == null) {
                respond(exchange, 404, TEXT, "the outbox has no SMS of this request id\n".getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 200, JSON, Files.readAllBytes(kept));
            }
        } else if (post && path.equals("/sms")) {
            byte[] body = body(exchange);
            if (body != null) {
                Kept kept = keep(smsDir, ".json", body, sms);
                String id = requestId(body);
                if (id != null) {
                    smsById.putIfAbsent(id, kept.file());
                }
                LOG.info("outbox: SMS \"{}\" kept as {}", abbreviate(new String(body, StandardCharsets.UTF_8)), kept.file());
                respond(exchange, 200, JSON, Json.toBytes(Json.mapper().createObjectNode()
                        .put("code", "0").put("messageId", "outbox-" + kept.number())));
            }
        } else if (post && !robot.isEmpty()) {
            byte[] body = body(exchange);
            if (body != null) {
                String name = robot.substring(robot.lastIndexOf('/') + 1);
                Kept kept = keep(robotDir, "-" + safe(name) + ".json", body, robotMessages);
                LOG.info("outbox: robot message to {} kept as {}", robot, kept.file());
                respond(exchange, 200, JSON, Json.toBytes(Json.mapper().createObjectNode().put("errcode", 0).put("errmsg", "ok")));
            }
        } else {
            respond(exchange, 404, TEXT, USAGE.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request body, or null after answering 413 when it is over 1 MiB (the rest is read and dropped). */
    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length <= MAX_BODY_BYTES) {
            return body;
        }
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        respond(exchange, 413, TEXT, "the outbox keeps bodies up to 1 MiB\n".getBytes(StandardCharsets.UTF_8));
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private record Kept(int number, Path file) {}

    /** Writes one file as {@code <time>-<n><suffix>}: under a hidden name first, then moved in place at once. */
    private synchronized Kept keep(Path folder, String suffix, byte[] content, List<Path> kept) throws IOException {
        int n = ++counter;
        Path file = folder.resolve(FILE_TIME.format(Instant.now()) + "-" + n + suffix);
        Path partial = folder.resolve("." + file.getFileName() + ".part");
        try {
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        kept.add(file);
        return new Kept(n, file);
    }

    private static String mailKey(String messageId, String recipientFile) {
        return messageId.strip() + " " + recipientFile;
    }

    /** The request id of an SMS body, or null when it is not JSON or has none. */
    private static String requestId(byte[] body) {
        try {
            String id = Json.mapper().readTree(body).path(REQUEST_ID).asText("");
            return id.isEmpty() ? null : id;
        } catch (IOException e) {
            return null;
        }
    }

    /** A file-name-safe form: letters, digits, {@code @ . _ + -} stay, anything else becomes {@code _}. */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9@._+-]", "_");
        return safe.length() <= 100 ? safe : safe.substring(0, 100);
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public Path dir() {
        return dir;
    }

    /**
     * The e-mails this outbox took since it started, one file per message and recipient, in the order they came; a
     * mail an earlier run kept under the same Message-ID is its earlier file.
     */
    public List<Path> mails() {
        return List.copyOf(mails);
    }

    /** The SMS kept so far, in the order they came. */
    public List<Path> sms() {
        return List.copyOf(sms);
    }

    /** The robot messages kept so far, in the order they came. */
    public List<Path> robotMessages() {
        return List.copyOf(robotMessages);
    }

    /** Stops both servers; the files stay. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (http != null) {
            http.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
