package org.yqsentinel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yqsentinel.connect.ElasticsearchConnection;
import org.yqsentinel.connect.KafkaClients;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.stack.StackLayout;
import org.yqsentinel.stack.StackSecurity;

/**
 * {@code ./yq stack up --secure}: a client without credentials (or with wrong ones) is refused by Elasticsearch and
 * by both Kafka listeners, while Sentinel's own commands, which read the stack's client settings, do their work: the
 * demo runs end to end on it. The secure stack runs in a project folder of its own, on ports apart from the test
 * stack's, so both run at once.
 */
class SecureStackIT {

    private static final int KAFKA_PORT = 19392;
    private static final int ELASTICSEARCH_PORT = 19400;

    private static Path home;
    private static Path config;
    private static String previousHome;

    @BeforeAll
    static void startTheSecureStack() throws Exception {
        Path project = StackLayout.detect().home();
        home = project.resolve("app/target/secure-stack-home");
        Files.createDirectories(home);
        Path runtime = home.resolve("stack-runtime");
        if (!Files.exists(runtime)) {
            Files.createSymbolicLink(runtime, project.resolve("stack-runtime"));
        }
        config = Files.writeString(home.resolve("ports.yaml"), "stack:\n  kafka-port: " + KAFKA_PORT + "\n  elasticsearch-port: "
                + ELASTICSEARCH_PORT + "\nalerting:\n  http-port: 19480\n");
        previousHome = System.getProperty("yq.home");
        System.setProperty("yq.home", home.toString());
        StackCli.Printed up = StackCli.run(config, "stack", "up", "--secure");
        assertThat(up.exit()).as(up.out() + up.err()).isZero();
        assertThat(up.out()).contains("Kafka (secure) running", "Elasticsearch (secure) running", "https://127.0.0.1:" + ELASTICSEARCH_PORT);
    }

    @AfterAll
    static void stopIt() {
        try {
            StackCli.run(config, "stack", "down");
        } finally {
            if (previousHome == null) {
                System.clearProperty("yq.home");
            } else {
                System.setProperty("yq.home", previousHome);
            }
        }
    }

    @Test
    void elasticsearchRefusesAnonymousAndPlainHttpAndTakesTheStacksUser() throws Exception {
        StackSecurity security = new StackSecurity(new StackLayout(home));
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(security.caCertificate())).connectTimeout(Duration.ofSeconds(5)).build();
        URI health = URI.create("https://127.0.0.1:" + ELASTICSEARCH_PORT + "/_cluster/health");

        HttpResponse<String> anonymous = trusting.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = trusting.send(HttpRequest.newBuilder(health).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("sentinel:guess".getBytes())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ELASTICSEARCH_PORT
                + "/_cluster/health")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .as("plain http to the https port").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(HttpRequest.newBuilder(health)
                .GET().build(), HttpResponse.BodyHandlers.ofString()))
                .as("a client that does not trust the stack's CA").isInstanceOf(IOException.class);

        SentinelConfig sentinel = sentinelConfig();
        String password = Files.readString(security.elasticsearchPasswordFile()).strip();
        assertThat(password).hasSizeGreaterThan(20);
        assertThat(sentinel.elasticsearch().toString()).as("never printed").contains("user sentinel").doesNotContain(password);
        try (ElasticsearchConnection es = ElasticsearchConnection.open(sentinel)) {
            assertThat(es.client().cluster().health().status().jsonValue()).isIn("green", "yellow");
        }

        // the CA by its fingerprint instead of its file (the API key header is checked in ElasticsearchConnectionTest:
        // this distribution has no analysis module for the security index that API keys are kept in)
        String fingerprint = java.util.HexFormat.ofDelimiter(":").formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                CertificateFactory.getInstance("X.509").generateCertificate(Files.newInputStream(security.caCertificate())).getEncoded()));
        Path byFingerprint = Files.writeString(home.resolve("by-fingerprint.yaml"), "elasticsearch:\n  url: https://127.0.0.1:"
                + ELASTICSEARCH_PORT + "\n  username: sentinel\n  password-file: " + security.elasticsearchPasswordFile()
                + "\n  fingerprint: \"" + fingerprint + "\"\n");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(new ConfigLoader(name -> null).read(byFingerprint))) {
            assertThat(es.client().security().authenticate().username()).isEqualTo("sentinel");
        }
        Path wrongFingerprint = Files.writeString(home.resolve("wrong-fingerprint.yaml"), Files.readString(byFingerprint)
                .replace(fingerprint, "ab".repeat(32)));
        try (ElasticsearchConnection es = ElasticsearchConnection.open(new ConfigLoader(name -> null).read(wrongFingerprint))) {
            assertThatThrownBy(() -> es.client().cluster().health()).as("a server whose CA has another fingerprint").isInstanceOf(IOException.class);
        }
    }

    @Test
    void kafkaRefusesPlaintextWrongPasswordsAndTheControllerListenerAndTakesTheStacksClientSettings() throws Exception {
        StackSecurity security = new StackSecurity(new StackLayout(home));
        refused(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA_PORT));
        Throwable wrongPassword = refused(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA_PORT,
                "security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"sentinel\" password=\"guess\";",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", security.caCertificate().toString()));
        assertThat(wrongPassword).hasCauseInstanceOf(SaslAuthenticationException.class);
        refused(Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, "127.0.0.1:" + (KAFKA_PORT + 1)));

        try (Admin admin = KafkaClients.of(sentinelConfig()).admin(15_000)) {
            assertThat(admin.listTopics().names().get(15, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void theDemoRunsEndToEndOnTheSecureStack() {
        StackCli.Printed demo = StackCli.run(config, "demo");

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("[1/6] local stack already running: Kafka 127.0.0.1:" + KAFKA_PORT + ", Elasticsearch https://127.0.0.1:"
                + ELASTICSEARCH_PORT, "(secure stack: curl --cacert ");
        Matcher items = Pattern.compile("items in Elasticsearch \\(yq-items-\\*\\): (\\d+)").matcher(demo.out());
        assertThat(items.find()).as(demo.out()).isTrue();
        assertThat(Integer.parseInt(items.group(1))).isGreaterThan(3_000);
        Matcher alerts = Pattern.compile("alert events in yq-alerts \\(and on yq.alerts\\): (\\d+)").matcher(demo.out());
        assertThat(alerts.find()).isTrue();
        assertThat(Integer.parseInt(alerts.group(1))).isGreaterThanOrEqualTo(4);
        assertThat(demo.out()).contains("ESCALATED   Ⅰ级红色", "email SENT");
    }

    /** An SSL context that trusts only the CA certificate in this PEM file. */
    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (var in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** The configuration every command of the secure stack's project reads. */
    private static SentinelConfig sentinelConfig() {
        return new ConfigLoader(System::getenv).readAll(List.of(new StackSecurity(new StackLayout(home)).clientConfig(), config));
    }

    /** An admin call with these settings fails; the failure. */
    private static Throwable refused(Map<String, Object> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000);
        try (Admin admin = Admin.create(properties)) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
            assertThat(failure).as("refused: " + settings.keySet()).isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
            return failure;
        }
    }
}
