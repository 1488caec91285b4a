package org.yqsentinel.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.yqsentinel.model.config.ConfigException;
import org.yqsentinel.model.config.SentinelConfig;

/** An Elasticsearch client with its transport, closed together (the client's I/O threads keep a JVM alive). */
public record ElasticsearchConnection(ElasticsearchClient client, RestClientTransport transport) implements AutoCloseable {

    /** A client of an Elasticsearch without security (a local stack, a test). */
    public static ElasticsearchConnection open(String url) {
        return of(RestClient.builder(HttpHost.create(url)));
    }

    /**
     * A client of the configured Elasticsearch: its URL (the local stack's when none is set), with the API key or the
     * user and password, and over https trusting the configured CA file or CA fingerprint (else the JVM's trusted CAs).
     * Secrets in files are read here, where the client is made.
     *
     * @throws ConfigException when a secret or CA file cannot be read
     */
    public static ElasticsearchConnection open(SentinelConfig config) {
        SentinelConfig.Elasticsearch settings = config.elasticsearch();
        RestClientBuilder builder = RestClient.builder(HttpHost.create(config.elasticsearchUrl()));
        String apiKey = secret(settings.apiKey(), settings.apiKeyFile(), "elasticsearch.api-key-file");
        if (!apiKey.isEmpty()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
        }
        BasicCredentialsProvider credentials;
        if (!settings.username().isBlank()) {
            credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(settings.username(),
                    secret(settings.password(), settings.passwordFile(), "elasticsearch.password-file")));
        } else {
            credentials = null;
        }
        SSLContext ssl = sslContext(settings);
        builder.setHttpClientConfigCallback(http -> {
            if (credentials != null) {
                http.setDefaultCredentialsProvider(credentials);
            }
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        return of(builder);
    }

    private static ElasticsearchConnection of(RestClientBuilder builder) {
        RestClientTransport transport = new RestClientTransport(builder.build(), new JacksonJsonpMapper());
        return new ElasticsearchConnection(new ElasticsearchClient(transport), transport);
    }

    private static SSLContext sslContext(SentinelConfig.Elasticsearch settings) {
        if (!settings.caFile().isBlank()) {
            File ca = new File(settings.caFile());
            if (!ca.canRead()) {
                throw new ConfigException("elasticsearch.ca-file " + settings.caFile() + " cannot be read; give the PEM file of the CA"
                        + " that signed Elasticsearch's certificate (on a new cluster: config/certs/http_ca.crt)");
            }
            try {
                return TransportUtils.sslContextFromHttpCaCrt(ca);
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("elasticsearch.ca-file " + settings.caFile() + " is not a PEM certificate: " + e.getMessage());
            }
        }
        if (!settings.fingerprint().isBlank()) {
            return TransportUtils.sslContextFromCaFingerprint(settings.fingerprint().replace(":", ""));
        }
        return null;
    }

    /** The secret itself, or the first line of the file holding it, or "" when neither is given. */
    static String secret(String value, String file, String option) {
        if (!value.isBlank() || file.isBlank()) {
            return value.strip();
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ConfigException(option + " " + file + " cannot be read (" + e.getClass().getSimpleName() + "); it must hold the secret"
                    + " on its first line, readable by this user");
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException ignored) {
            // closing a loopback connection pool; nothing left to do
        }
    }
}
