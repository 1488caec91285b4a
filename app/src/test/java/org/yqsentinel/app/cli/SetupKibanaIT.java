package org.yqsentinel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.app.StackCli;
import org.yqsentinel.stack.junit.LocalStackExtension;
import org.yqsentinel.stack.junit.StackContext;

/**
 * {@code yq setup --kibana URL} on the real stack: topics and templates as always, then the desk's saved objects posted to
 * Kibana's import API, here a server on loopback that checks the request as Kibana does and answers as it answers.
 */
@ExtendWith(LocalStackExtension.class)
class SetupKibanaIT {

    @TempDir
    Path dir;

    @Test
    void setupLoadsTheDeskIntoKibanaOverTheNamespacesIndicesAndSaysWhatKibanaRefused(StackContext stack) throws Exception {
        List<String> bodies = new ArrayList<>();
        AtomicBoolean refuse = new AtomicBoolean();
        HttpServer kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/api/saved_objects/_import", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean asKibanaWants = exchange.getRequestMethod().equals("POST") && "overwrite=true".equals(exchange.getRequestURI().getQuery())
                    && exchange.getRequestHeaders().getFirst("kbn-xsrf") != null
                    && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("multipart/form-data; boundary=")
                    && body.contains("Content-Disposition: form-data; name=\"file\"; filename=\"sentinel.ndjson\"");
            bodies.add(body);
            long objects = body.lines().filter(l -> l.startsWith("{\"")).count();
            String answer = !asKibanaWants ? "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"not a saved-objects import\"}"
                    : refuse.get() ? "{\"success\":false,\"successCount\":" + (objects - 1) + ",\"errors\":[{\"id\":\"yq-case-view\","
                    + "\"type\":\"dashboard\",\"title\":\"舆情案件\",\"error\":{\"type\":\"missing_references\"}}]}"
                    : "{\"success\":true,\"successCount\":" + objects + ",\"successResults\":[]}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(asKibanaWants ? 200 : 400, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        kibana.start();
        try {
            Path config = StackCli.config(dir, stack);
            String url = "http://127.0.0.1:" + kibana.getAddress().getPort();

            StackCli.Printed loaded = StackCli.run(config, "setup", "--kibana", url);

            assertThat(loaded.exit()).as(loaded.err()).isZero();
            assertThat(bodies).hasSize(1);
            long objects = bodies.get(0).lines().filter(l -> l.startsWith("{\"")).count();
            assertThat(objects).isGreaterThan(20);
            assertThat(loaded.out()).contains("setup done on ").contains("kibana: " + objects + " saved objects loaded into " + url);
            // the data views read this namespace's indices
            assertThat(bodies.get(0)).contains("\"title\":\"" + stack.namespace().index("yq-items-*") + "\"")
                    .contains("\"type\":\"dashboard\",\"id\":\"yq-desk-overview\"");

            refuse.set(true);
            StackCli.Printed refused = StackCli.run(config, "setup", "--kibana", url);
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("yq-case-view").contains("missing_references").doesNotContain("Exception");
            assertThat(StackCli.run(config, "setup", "--kibana", "ftp://nowhere").exit()).isEqualTo(2);
        } finally {
            kibana.stop(0);
        }
    }
}
