package org.yqsentinel.ingest.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Cuts a file of crawler output into the records that go onto a raw topic, each with its original bytes and
 * the line it starts on, reading the file as a stream: memory stays within a few records whatever the
 * file's size. The form is told by the content:
 *
 * <ul>
 *   <li>JSON lines: one record per line that is not blank (only spaces and tabs); {@code \n}, {@code \r\n}
 *       and {@code \r} all end a line. A line of other invisible characters is a record, refused by the reader.</li>
 *   <li>A JSON array: one record per element, its bytes exactly as written. The cutting needs no valid JSON:
 *       a broken element is one refused record and the elements after it still count. Text after the closing
 *       {@code ]}, and a value that follows an element on a new line without a comma, are read as JSON lines.
 *       A first line that is a whole array and is followed by more lines is one record of a JSON-lines file.</li>
 *   <li>For policy pages, a file that starts with neither {@code {} nor {@code [} is one page of text or HTML.</li>
 * </ul>
 *
 * A record longer than the limit keeps its first bytes and is handed on refused; so are an array element
 * cut short by the end of the file and an empty policy file. Every record of a file is handed on: nothing is
 * skipped without a word.
 */
public final class RawRecordFiles {

    /** One record of a file: where it starts, its bytes, and the refusal found while cutting it, if any. */
    public record RawLine(String file, int line, byte[] value, Refusal refusal) {
        public RawLine(String file, int line, byte[] value) {
            this(file, line, value, null);
        }

        /** {@code weibo.jsonl:12}, how messages point at it. */
        public String where() {
            return file + ":" + line;
        }
    }

    /** Why a record is refused before any reader sees it. */
    public record Refusal(RejectCode code, String reason) {}

    private static final int BUFFER = 64 * 1024;

    private RawRecordFiles() {}

    /** Every record of {@code content}, in order, with the default record limit (for tests and small inputs). */
    public static List<RawLine> split(String file, byte[] content, boolean policyPages) {
        return split(file, content, policyPages, SentinelConfig.Ingest.DEFAULTS.maxRecordBytes());
    }

    /** Every record of {@code content}, in order (for tests and small inputs). */
    public static List<RawLine> split(String file, byte[] content, boolean policyPages, int maxRecordBytes) {
        List<RawLine> records = new ArrayList<>();
        try {
            read(file, new ByteArrayInputStream(content), policyPages, maxRecordBytes, records::add);
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
        return records;
    }

    /**
     * Hands every record of the stream to {@code out}, in order.
     *
     * @param policyPages    true for the policy channel: a file that is neither JSON lines nor an array is one page
     * @param maxRecordBytes a longer record keeps its first bytes and is refused
     * @return the number of records handed on
     * @throws IOException only when the stream cannot be read
     */
    public static long read(String file, InputStream in, boolean policyPages, int maxRecordBytes, Consumer<RawLine> out)
            throws IOException {
        return new Cutter(file, in, policyPages, maxRecordBytes, out).run();
    }

    /** The state machine over the bytes: one pass, one buffer, one record at a time. */
    private static final class Cutter {
        private final String file;
        private final InputStream in;
        private final boolean policyPages;
        private final int max;
        private final Consumer<RawLine> out;
        private final byte[] buffer = new byte[BUFFER];
        private int position;
        private int limit;
        private int line = 1;
        private boolean afterCr;
        private long handed;
        private final Record record = new Record();

        Cutter(String file, InputStream in, boolean policyPages, int max, Consumer<RawLine> out) {
            this.file = file;
            this.in = in;
            this.policyPages = policyPages;
            this.max = max;
            this.out = out;
        }

        long run() throws IOException {
            skipByteOrderMark();
            int first = peekNonBlank();
            if (first < 0) {
                if (policyPages) {
                    emit(new RawLine(file, 1, new byte[0], new Refusal(RejectCode.EMPTY, "empty file: no policy page in it")));
                }
                return handed;
            }
            if (first == '[') {
                array();
            } else if (policyPages && first != '{') {
                page();
            } else {
                lines(false);
            }
            return handed;
        }

        // ---- JSON lines ----

        /** @param carried the record under way already holds a byte that is not blank (handed over by {@link #array}) */
        private void lines(boolean carried) throws IOException {
            int b;
            boolean content = carried;
            if (!carried) {
                record.start(line);
            }
            while ((b = next()) >= 0) {
                if (b == '\n' || b == '\r') {
                    if (content) {
                        emitRecord(null);
                    }
                    countLineEnd(b);
                    content = false;
                    record.start(line);
                    continue;
                }
                countLineEnd(b);
                record.add(b);
                content |= b != ' ' && b != '\t';
            }
            if (content) {
                emitRecord(null);
            }
        }

        // ---- a JSON array ----

        private void array() throws IOException {
            next();  // the [
            int openLine = line;
            int depth = 1;
            boolean inString = false;
            boolean escaped = false;
            boolean inElement = false;
            boolean afterComma = false;
            boolean newlineSinceValue = false;
            // elements that start on the line of the [ are held until it is clear the file is an array
            List<RawLine> held = new ArrayList<>();
            ByteArrayOutputStream firstLine = new ByteArrayOutputStream();
            firstLine.write('[');
            boolean holding = true;
            int b;
            while ((b = next()) >= 0) {
                boolean lineEnd = b == '\n' || b == '\r';
                if (holding && (lineEnd || firstLine.size() > max)) {
                    holding = false;
                    held.forEach(this::emit);
                    held.clear();
                }
                if (holding) {
                    firstLine.write(b);
                }
                int at = line;
                countLineEnd(b);
                if (inString) {
                    record.add(b);
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                    continue;
                }
                if (depth == 1 && (b == ',' || b == ']')) {
                    RawLine element = inElement ? record.take(file, null, true)
                            : b == ',' || afterComma ? record.empty(file, at, "an empty element in the JSON array (two commas,"
                            + " or a comma before the closing ])") : null;
                    if (element != null && holding) {
                        held.add(element);
                    } else if (element != null) {
                        emit(element);
                    }
                    inElement = false;
                    afterComma = b == ',';
                    newlineSinceValue = false;
                    if (b == ']') {
                        afterArray(openLine, holding, held, firstLine.toByteArray());
                        return;
                    }
                    continue;
                }
                if (lineEnd || b == ' ' || b == '\t') {
                    if (inElement) {
                        record.add(b);
                        newlineSinceValue |= lineEnd && depth == 1;
                    }
                    continue;
                }
                if (depth == 1 && inElement && newlineSinceValue) {
                    // a value on a new line with no comma before it: the rest is no array but JSON lines
                    emit(record.take(file, new Refusal(RejectCode.NOT_JSON, "not JSON: an element of a JSON array not followed by , or ]"), true));
                    record.start(at);
                    record.add(b);
                    lines(true);
                    return;
                }
                if (!inElement) {
                    record.start(at);
                    inElement = true;
                }
                record.add(b);
                newlineSinceValue = false;
                if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if ((b == '}' || b == ']') && depth > 1) {
                    depth--;
                }
            }
            held.forEach(this::emit);
            if (inElement) {
                emit(record.take(file, depth > 1 || inString ? new Refusal(RejectCode.NOT_JSON,
                        "not JSON: the file ends inside this element of the JSON array (cut short?)") : null, true));
            }
        }

        /** After the closing ]: only blanks, or more records as JSON lines. */
        private void afterArray(int openLine, boolean holding, List<RawLine> held, byte[] firstLine) throws IOException {
            int closeLine = line;
            int next = peekNonBlank();
            if (next >= 0 && holding && openLine == closeLine && line > closeLine) {
                // a first line that is a whole array, and more lines after it: a JSON-lines file
                emit(new RawLine(file, openLine, firstLine, null));
            } else {
                held.forEach(this::emit);
            }
            if (next >= 0) {
                lines(false);
            }
        }

        // ---- a policy page ----

        private void page() throws IOException {
            record.start(1);
            int b;
            while ((b = next()) >= 0) {
                record.add(b);
            }
            emitRecord(null);
        }

        // ---- bytes, lines and records ----

        private void emitRecord(Refusal refusal) {
            emit(record.take(file, refusal, false));
        }

        private void emit(RawLine raw) {
            handed++;
            out.accept(raw);
        }

        private void countLineEnd(int b) {
            if (b == '\n') {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
            } else if (b == '\r') {
                line++;
                afterCr = true;
            } else {
                afterCr = false;
            }
        }

        private int next() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        private boolean fill() throws IOException {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        /** Skips JSON whitespace (counting lines) and answers the next byte without taking it; -1 at the end. */
        private int peekNonBlank() throws IOException {
            while (true) {
                if (position == limit && !fill()) {
                    return -1;
                }
                int b = buffer[position] & 0xff;
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    return b;
                }
                position++;
                countLineEnd(b);
            }
        }

        private void skipByteOrderMark() throws IOException {
            if (!fill()) {
                return;
            }
            while (limit < 3) {  // a stream may hand over fewer bytes at first
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    break;
                }
                limit += n;
            }
            if (limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                position = 3;
            }
        }

        /** The bytes of the record being cut: up to the limit kept, the rest only counted. */
        private final class Record {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private long length;
            private int startLine;

            void start(int at) {
                bytes.reset();
                length = 0;
                startLine = at;
            }

            void add(int b) {
                if (length++ < max) {
                    bytes.write(b);
                }
            }

            /** @param trimEnd drop the blanks at the end (an array element's, up to its comma) */
            RawLine take(String file, Refusal refusal, boolean trimEnd) {
                Refusal why = length > max ? new Refusal(RejectCode.TOO_LARGE, "record of " + length + " bytes, longer than "
                        + max + " (ingest.max-record-bytes); its first " + max + " bytes are kept") : refusal;
                byte[] value = bytes.toByteArray();
                int end = value.length;
                while (trimEnd && end > 0 && (value[end - 1] == ' ' || value[end - 1] == '\t' || value[end - 1] == '\n' || value[end - 1] == '\r')) {
                    end--;
                }
                RawLine raw = new RawLine(file, startLine, end == value.length ? value : Arrays.copyOf(value, end), why);
                start(line);
                return raw;
            }

            RawLine empty(String file, int at, String reason) {
                start(at);
                return new RawLine(file, at, new byte[0], new Refusal(RejectCode.EMPTY, reason));
            }
        }
    }
}
