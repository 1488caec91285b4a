package org.yqsentinel.connect;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** An Elasticsearch client with its transport, closed together (the client's I/O threads keep a JVM alive). */
public record ElasticsearchConnection(ElasticsearchClient client, RestClientTransport transport) implements AutoCloseable {

    public static ElasticsearchConnection open(String url) {
        RestClient rest = RestClient.builder(HttpHost.create(url)).build();
        RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper());
        return new ElasticsearchConnection(new ElasticsearchClient(transport), transport);
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
