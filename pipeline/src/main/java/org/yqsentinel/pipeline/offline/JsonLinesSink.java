package org.yqsentinel.pipeline.offline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;
import org.yqsentinel.model.json.Json;

/**
 * Writes each element as one JSON line (or as the lines it is made into) to a file per subtask
 * ({@code <prefix>-<subtask>.jsonl}): the output of a bounded run on one machine (offline scoring, tests).
 * Not a sink for live jobs: it has no exactly-once guarantee across restarts.
 */
public final class JsonLinesSink<T> implements Sink<T> {

    private final String prefix;
    private final SerializableFunction<T, List<?>> lines;

    /** Each element as one line. */
    public JsonLinesSink(Path prefix) {
        this(prefix, List::of);
    }

    /** Each element as the lines {@code lines} makes of it, none or several. */
    public JsonLinesSink(Path prefix, SerializableFunction<T, List<?>> lines) {
        this.prefix = prefix.toString();
        this.lines = lines;
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
                for (Object line : lines.apply(element)) {
                    out.write(Json.toString(line));
                    out.write('\n');
                }
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
