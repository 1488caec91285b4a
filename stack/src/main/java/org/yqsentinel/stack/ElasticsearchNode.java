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
 * {@code .yq/elasticsearch}, security off, bound to 127.0.0.1. Elasticsearch refuses to run as root,
 * so as root it runs as {@code nobody:nogroup} with its folders owned by that user.
 */
final class ElasticsearchNode extends ServerProcess {

    private static final String CLUSTER = "yq-local";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackLayout layout;
    private final int port;
    private final int heapMb;
    private final Path base;

    ElasticsearchNode(StackLayout layout, int port, int heapMb) {
        super("Elasticsearch");
        this.layout = layout;
        this.port = port;
        this.heapMb = heapMb;
        this.base = baseDir(layout);
    }

    /**
     * {@code .yq/elasticsearch}, unless we are root and the user {@code nobody} cannot reach it (a project
     * under a private home folder); then a folder of ours under /var/tmp.
     */
    private static Path baseDir(StackLayout layout) {
        Path preferred = layout.elasticsearchDir();
        if (!isRoot() || reachableByOthers(preferred.getParent())) {
            return preferred;
        }
        return Path.of("/var/tmp", "yq-elasticsearch-" + Integer.toHexString(layout.home().toString().hashCode()));
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
        return "http://127.0.0.1:" + port;
    }

    @Override
    boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        writeString(esHome().resolve("config/elasticsearch.yml"), String.join("\n",
                "# written by the Sentinel stack launcher on every start; edit sentinel.yaml instead",
                "cluster.name: " + CLUSTER,
                "node.name: " + CLUSTER,
                "network.host: 127.0.0.1",
                "http.port: " + port,
                "transport.port: " + (port + 100),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "path.data: " + data,
                "path.logs: " + base.resolve("logs"),
                "action.destructive_requires_name: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                ""));
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
