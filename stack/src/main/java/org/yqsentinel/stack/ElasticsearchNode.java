package org.yqsentinel.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A single Elasticsearch node from the integ-test-zip distribution on Maven Central, unpacked under
 * {@code .yq/elasticsearch}, security off, bound to 127.0.0.1; or, secure, under {@code .yq/secure-stack/elasticsearch}
 * with security on: https with the stack's certificate, the file-realm user {@code sentinel} and nobody else.
 * Elasticsearch refuses to run as root, so as root it runs as {@code nobody:nogroup} with its folders owned by that user.
 */
final class ElasticsearchNode extends ServerProcess {

    private static final String CLUSTER = "yq-local";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackLayout layout;
    private final int port;
    private final int heapMb;
    private final Path base;
    /** Null for the plain stack. */
    private final StackSecurity security;

    ElasticsearchNode(StackLayout layout, int port, int heapMb, StackSecurity security) {
        super(security == null ? "Elasticsearch" : "Elasticsearch (secure)");
        this.layout = layout;
        this.port = port;
        this.heapMb = heapMb;
        this.security = security;
        this.base = baseDir(layout, security != null);
    }

    /**
     * {@code .yq/elasticsearch}, unless we are root and the user {@code nobody} cannot reach it (a project
     * under a private home folder); then a folder of ours under /var/tmp.
     */
    private static Path baseDir(StackLayout layout, boolean secure) {
        Path preferred = secure ? layout.secureStackDir().resolve("elasticsearch") : layout.elasticsearchDir();
        if (!isRoot() || reachableByOthers(preferred.getParent())) {
            return preferred;
        }
        return Path.of("/var/tmp", "yq-elasticsearch-" + (secure ? "secure-" : "") + Integer.toHexString(layout.home().toString().hashCode()));
    }

    private Path esHome() {
        return base.resolve("elasticsearch-" + StackLayout.ELASTICSEARCH_VERSION);
    }

    @Override
    Path pidFile() {
        return base.resolve("elasticsearch.pid");
    }

    @Override
    Path logFile() {
        return base.resolve("logs/" + CLUSTER + ".log");
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String portOption() {
        return "stack.elasticsearch-port in sentinel.yaml or YQ_STACK_ELASTICSEARCH_PORT";
    }

    @Override
    String commandMarker() {
        return "org.elasticsearch";
    }

    @Override
    String url() {
        return (security == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    @Override
    boolean healthy() {
        try {
            HttpClient http = HTTP;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health")).timeout(Duration.ofSeconds(3)).GET();
            if (security != null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(security.sslContext()).build();
                request.header("Authorization", security.basicAuthorization());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    void launch() throws IOException, InterruptedException {
        unpack();
        Path data = base.resolve("data");
        Files.createDirectories(data);
        Files.createDirectories(base.resolve("logs"));
        List<String> settings = new ArrayList<>(List.of(
                "# written by the Sentinel stack launcher on every start; edit sentinel.yaml instead",
                "cluster.name: " + CLUSTER,
                "node.name: " + CLUSTER,
                "network.host: 127.0.0.1",
                "http.port: " + port,
                "transport.port: " + (port + 100),
                "discovery.type: single-node",
                "path.data: " + data,
                "path.logs: " + base.resolve("logs"),
                "action.destructive_requires_name: false",
                "cluster.routing.allocation.disk.threshold_enabled: false"));
        if (security == null) {
            settings.add("xpack.security.enabled: false");
        } else {
            secure(settings);
        }
        settings.add("");
        writeString(esHome().resolve("config/elasticsearch.yml"), String.join("\n", settings));
        writeString(esHome().resolve("config/jvm.options.d/yq-heap.options"),
                "-Xms" + heapMb + "m\n-Xmx" + heapMb + "m\n");
        List<String> command = new ArrayList<>(List.of("setsid"));
        if (isRoot()) {
            run(List.of("chown", "-R", "nobody:nogroup", base.toString()));
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(esHome().resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("logs/startup.log").toFile()));
        builder.environment().put("ES_JAVA_HOME", StackLayout.javaHome().toString());
        builder.environment().remove("ES_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process launcher = builder.start();
        // with -d the launcher returns once the node runs in the background, or fails
        if (!launcher.waitFor(180, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
            throw new StackException("Elasticsearch launcher did not return within 180 s; see " + logFile());
        }
        if (launcher.exitValue() != 0) {
            throw new StackException("Elasticsearch failed to start (exit " + launcher.exitValue() + ")"
                    + lastError().map(e -> ": " + e).orElse("") + "; see " + base.resolve("logs/startup.log")
                    + " and " + logFile());
        }
    }

    /**
     * Security on: https with the stack's certificate (its store's password in the node's keystore), and the
     * file-realm user {@code sentinel} with the stack's password, a superuser. Anonymous requests are refused (401).
     */
    private void secure(List<String> settings) throws IOException, InterruptedException {
        Path config = esHome().resolve("config");
        Files.createDirectories(config.resolve("certs"));
        Files.copy(security.serverKeystore(), config.resolve("certs/http.p12"), StandardCopyOption.REPLACE_EXISTING);
        if (isRoot()) {  // the tools run as the node's user, who owns its files (they refuse to change an owner)
            run(List.of("chown", "-R", "nobody:nogroup", base.toString()));
        }
        if (!Files.isRegularFile(config.resolve("elasticsearch.keystore"))) {
            tool(List.of("elasticsearch-keystore", "create"), null);
        }
        tool(List.of("elasticsearch-keystore", "add", "--stdin", "--force", "xpack.security.http.ssl.keystore.secure_password"),
                security.storePassword());
        String users = Files.isRegularFile(config.resolve("users")) ? Files.readString(config.resolve("users")) : "";
        if (users.lines().anyMatch(line -> line.startsWith(StackSecurity.USER + ":"))) {
            tool(List.of("elasticsearch-users", "passwd", StackSecurity.USER, "-p", security.elasticsearchPassword()), null);
        } else {
            tool(List.of("elasticsearch-users", "useradd", StackSecurity.USER, "-p", security.elasticsearchPassword(), "-r", "superuser"), null);
        }
        settings.addAll(List.of(
                "xpack.security.enabled: true",
                "xpack.security.enrollment.enabled: false",
                "xpack.security.http.ssl.enabled: true",
                "xpack.security.http.ssl.keystore.path: certs/http.p12"));
    }

    /** One of the distribution's command-line tools, with {@code input} on its stdin; its output only when it fails. */
    private void tool(List<String> command, String input) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        full.add(esHome().resolve("bin/" + command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", StackLayout.javaHome().toString());
        builder.environment().remove("ES_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write((input + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } else {
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new StackException(command.get(0) + " " + command.get(1) + " failed: " + output.strip().lines().reduce((a, b) -> b).orElse("no output"));
        }
    }

    private void unpack() throws IOException, InterruptedException {
        if (Files.isRegularFile(esHome().resolve("bin/elasticsearch"))) {
            return;
        }
        Path zip = layout.elasticsearchZip();
        if (!Files.isRegularFile(zip)) {
            throw new StackException("the Elasticsearch distribution " + zip + " is missing: build the project first"
                    + " (./yq build, or mvn -pl stack-runtime generate-resources)");
        }
        Path staging = Files.createDirectories(base).resolve("unpacking");
        deleteRecursively(staging);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("unsafe path in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.getParent().getFileName().toString().equals("bin")) {
                    Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(target));
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(target, permissions);
                }
            }
        }
        Files.move(staging.resolve("elasticsearch-" + StackLayout.ELASTICSEARCH_VERSION), esHome());
        deleteRecursively(staging);
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** True when every folder from the root down to {@code dir} lets others pass through. */
    private static boolean reachableByOthers(Path dir) {
        try {
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new StackException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
