package org.yqsentinel.pipeline.offline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.yqsentinel.model.json.Json;

/**
 * Writes each element as one JSON line to a file per subtask ({@code <prefix>-<subtask>.jsonl}): the
 * output of a bounded run on one machine (offline scoring, tests). Not a sink for live jobs: it has no
 * exactly-once guarantee across restarts.
 */
public final class JsonLinesSink<T> implements Sink<T> {

    private final String prefix;

    public JsonLinesSink(Path prefix) {
        this.prefix = prefix.toString();
    }

    /** The file subtask {@code index} writes. */
    public static Path file(Path prefix, int index) {
        return Path.of(prefix + "-" + index + ".jsonl");
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path file = file(Path.of(prefix), context.getTaskInfo().getIndexOfThisSubtask());
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) throws IOException {
                out.write(Json.toString(element));
                out.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
