package org.yqsentinel.pipeline.risk;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink in front of another that fails the job once, at its {@code failAt}-th element: the job then
 * restarts from its last checkpoint. Counts live in static fields, so one test at a time in one JVM.
 */
final class FailOnceSink<T> implements Sink<T> {

    static final AtomicInteger SEEN = new AtomicInteger();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private final Sink<T> inner;
    private final int failAt;

    FailOnceSink(Sink<T> inner, int failAt) {
        this.inner = inner;
        this.failAt = failAt;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<T> writer = inner.createWriter(context);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) throws IOException, InterruptedException {
                if (SEEN.incrementAndGet() >= failAt && FAILED.compareAndSet(false, true)) {
                    throw new IOException("failing once on purpose at element " + failAt + ", to restart from the checkpoint");
                }
                writer.write(element, context);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                writer.flush(endOfInput);
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
