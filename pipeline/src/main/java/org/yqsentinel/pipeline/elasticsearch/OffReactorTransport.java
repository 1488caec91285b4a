package org.yqsentinel.pipeline.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A transport whose asynchronous requests complete on a thread of their own, never on the HTTP client's I/O
 * reactor. The client's {@code BulkIngester} holds its lock while it sends a request; when Elasticsearch is
 * unreachable, the reactor fails the connection request while holding the connection pool's lock and, completing
 * the future in place, runs the ingester's handler, which waits for the ingester's lock: each thread waits for
 * the other's (elastic/elasticsearch-java#925; found by the Elasticsearch-outage fault test). Completing elsewhere
 * breaks the cycle.
 */
final class OffReactorTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport delegate;
    private final Executor completions;

    OffReactorTransport(ElasticsearchTransport delegate, Executor completions) {
        this.delegate = delegate;
        this.completions = completions;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                  TransportOptions options) throws IOException {
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        CompletableFuture<ResponseT> result = new CompletableFuture<>();
        delegate.performRequestAsync(request, endpoint, options).whenComplete((response, failure) -> completions.execute(() -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(response);
            }
        }));
        return result;
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
