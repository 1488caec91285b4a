package org.yqsentinel.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.config.ConfigLoader;
import org.yqsentinel.model.config.SentinelConfig;

/** What the client sends for each way to authenticate, seen by a server on loopback. */
class ElasticsearchConnectionTest {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SentinelConfig config(Path dir, String yaml, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dir.resolve("sentinel.yaml"), "elasticsearch:\n  url: http://127.0.0.1:" + server.getAddress().getPort()
                + "\n" + yaml);
        return new ConfigLoader(env::get).read(file);
    }

    @Test
    void anApiKeyFromAFileIsSentAsApiKeyAuthorization(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("es.apikey"), "a2V5LWlkOmtleS1zZWNyZXQ=\n");
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config(dir, "  api-key-file: " + key + "\n", Map.of()))) {
            assertThat(es.client().ping().value()).isTrue();
        }
        assertThat(authorizations).containsExactly("ApiKey a2V5LWlkOmtleS1zZWNyZXQ=");
    }

    @Test
    void anApiKeyFromTheEnvironmentIsSentTheSameWay(@TempDir Path dir) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config(dir, "", Map.of("YQ_ELASTICSEARCH_API_KEY", "ZW52OmtleQ==")))) {
            assertThat(es.client().ping().value()).isTrue();
        }
        assertThat(authorizations).containsExactly("ApiKey ZW52OmtleQ==");
    }

    @Test
    void noCredentialsSendNoAuthorization(@TempDir Path dir) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(config(dir, "", Map.of()))) {
            assertThat(es.client().ping().value()).isTrue();
        }
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void aSecretFileThatCannotBeReadIsRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        SentinelConfig config = config(dir, "  username: sentinel\n  password-file: " + dir.resolve("missing") + "\n", Map.of());
        assertThatThrownBy(() -> ElasticsearchConnection.open(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("elasticsearch.password-file").hasMessageContaining("cannot be read");
        SentinelConfig ca = config(dir, "  ca-file: " + dir.resolve("missing.crt") + "\n", Map.of());
        assertThatThrownBy(() -> ElasticsearchConnection.open(ca)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("elasticsearch.ca-file");
    }
}
