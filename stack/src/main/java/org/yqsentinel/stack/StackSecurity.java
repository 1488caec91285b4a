package org.yqsentinel.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What the secure local stack ({@code ./yq stack up --secure}) needs, made once under {@code .yq/secure/} and kept:
 * a certificate authority and a server certificate for 127.0.0.1 and localhost (by the JDK's keytool), random
 * passwords for the Elasticsearch user {@code sentinel}, the Kafka users {@code sentinel} and {@code admin} (the
 * broker's own), and the files Sentinel's clients read: {@code kafka-client.properties} (SASL_SSL, PLAIN, the CA) and
 * {@code sentinel.yaml}, the settings every command takes while the secure stack runs. Secrets are in files only
 * their owner may read, and never printed.
 */
public final class StackSecurity {

    /** The Elasticsearch user and Kafka user Sentinel's clients are. */
    public static final String USER = "sentinel";
    static final String KAFKA_ADMIN = "admin";

    private final Path dir;

    public StackSecurity(StackLayout layout) {
        this.dir = layout.secureDir();
    }

    public Path dir() {
        return dir;
    }

    public Path caCertificate() {
        return dir.resolve("certs/ca.crt");
    }

    Path serverKeystore() {
        return dir.resolve("certs/server.p12");
    }

    Path storePasswordFile() {
        return dir.resolve("certs/store.password");
    }

    public Path elasticsearchPasswordFile() {
        return dir.resolve("elasticsearch.password");
    }

    Path kafkaPasswordFile() {
        return dir.resolve("kafka.password");
    }

    Path kafkaAdminPasswordFile() {
        return dir.resolve("kafka-admin.password");
    }

    public Path kafkaClientProperties() {
        return dir.resolve("kafka-client.properties");
    }

    /** The settings of Sentinel's clients of the secure stack, which every command takes while it runs. */
    public Path clientConfig() {
        return dir.resolve("sentinel.yaml");
    }

    String storePassword() throws IOException {
        return secret(storePasswordFile());
    }

    String elasticsearchPassword() throws IOException {
        return secret(elasticsearchPasswordFile());
    }

    String kafkaPassword() throws IOException {
        return secret(kafkaPasswordFile());
    }

    String kafkaAdminPassword() throws IOException {
        return secret(kafkaAdminPasswordFile());
    }

    private static String secret(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /**
     * Makes what is missing (certificates, passwords) and writes the clients' files for these ports. Idempotent: the
     * CA, certificates and passwords of an earlier start are kept, so data and clients made with them go on working.
     */
    void prepare(int kafkaPort, int elasticsearchPort) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("certs"));
        restrict(dir);
        for (Path secret : List.of(storePasswordFile(), elasticsearchPasswordFile(), kafkaPasswordFile(), kafkaAdminPasswordFile())) {
            if (!Files.isRegularFile(secret)) {
                writeSecret(secret, randomPassword());
            }
        }
        if (!Files.isRegularFile(serverKeystore()) || !Files.isRegularFile(caCertificate())) {
            certificates();
        }
        writeSecret(kafkaClientProperties(), String.join("\n",
                "# written by ./yq stack up --secure: the local Kafka's SASL_SSL listener, user " + USER,
                "security.protocol=SASL_SSL",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=" + jaas(USER, kafkaPassword()),
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + caCertificate(),
                ""));
        writeSecret(clientConfig(), String.join("\n",
                "# written by ./yq stack up --secure; every command reads it while the secure local stack runs",
                "kafka:",
                "  bootstrap-servers: \"127.0.0.1:" + kafkaPort + "\"",
                "  properties-file: \"" + kafkaClientProperties() + "\"",
                "elasticsearch:",
                "  url: \"https://127.0.0.1:" + elasticsearchPort + "\"",
                "  username: " + USER,
                "  password-file: \"" + elasticsearchPasswordFile() + "\"",
                "  ca-file: \"" + caCertificate() + "\"",
                ""));
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** An SSL context trusting only the stack's CA, for the health checks. */
    SSLContext sslContext() throws IOException {
        try (InputStream in = Files.newInputStream(caCertificate())) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the stack's CA certificate " + caCertificate() + " is unusable: " + e.getMessage(), e);
        }
    }

    /** The value of an HTTP Basic authorization header of the Elasticsearch user. */
    String basicAuthorization() throws IOException {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + elasticsearchPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** A CA, and a server certificate it signed for 127.0.0.1 and localhost, in PKCS#12 stores; the CA also as PEM. */
    private void certificates() throws IOException, InterruptedException {
        Path certs = dir.resolve("certs");
        Path ca = certs.resolve("ca.p12");
        Path request = certs.resolve("server.csr");
        Path signed = certs.resolve("server.crt");
        for (Path old : List.of(ca, serverKeystore(), request, signed, caCertificate())) {
            Files.deleteIfExists(old);
        }
        String password = storePassword();
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=Sentinel local stack CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-file", caCertificate().toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=127.0.0.1", "-keystore", serverKeystore().toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-certreq", "-alias", "server", "-keystore", serverKeystore().toString(), "-storepass", password, "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "825", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", serverKeystore().toString(), "-storepass", password,
                "-file", caCertificate().toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-keystore", serverKeystore().toString(), "-storepass", password,
                "-file", signed.toString());
        Files.delete(request);
        for (Path file : List.of(ca, serverKeystore(), signed)) {
            restrict(file);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(StackLayout.javaHome().resolve("bin/keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new StackException("keytool " + arguments[0] + " failed while making the secure stack's certificates: "
                    + output.strip().lines().reduce((a, b) -> b).orElse("no output"));
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void restrict(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }
}
