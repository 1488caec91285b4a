package org.yqsentinel.ingest.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yqsentinel.model.json.Json;

/**
 * Cuts a file of crawler output into the records that go onto a raw topic, each with its original
 * bytes and the line it starts on: JSON lines (one record per non-blank line), a JSON array (one
 * record per element, its bytes exactly as written), or — for policy pages — the whole file as one
 * page of text or HTML.
 */
public final class RawRecordFiles {

    /** One record of a file: where it starts and its bytes. */
    public record RawLine(String file, int line, byte[] value) {
        /** {@code weibo.jsonl:12}, how messages point at it. */
        public String where() {
            return file + ":" + line;
        }
    }

    /** A file that cannot be cut into records at all (a JSON array that is not valid JSON). */
    public static final class UnreadableFile extends RuntimeException {
        public UnreadableFile(String message) {
            super(message, null, false, false);
        }
    }

    private RawRecordFiles() {}

    /**
     * @param policyPages true for the policy channel: a file that is neither JSON lines nor an array is one page
     */
    public static List<RawLine> split(String file, byte[] content, boolean policyPages) {
        int start = firstNonSpace(content);
        if (start < 0) {
            return List.of();
        }
        if (content[start] == '[') {
            return array(file, content);
        }
        if (policyPages && content[start] != '{') {
            return List.of(new RawLine(file, 1, content));
        }
        return lines(file, content);
    }

    private static List<RawLine> lines(String file, byte[] content) {
        List<RawLine> records = new ArrayList<>();
        int line = 1;
        int from = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int to = i > from && content[i - 1] == '\r' ? i - 1 : i;
                byte[] value = Arrays.copyOfRange(content, from, to);
                if (firstNonSpace(value) >= 0) {
                    records.add(new RawLine(file, line, value));
                }
                line++;
                from = i + 1;
            }
        }
        return records;
    }

    private static List<RawLine> array(String file, byte[] content) {
        List<RawLine> records = new ArrayList<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(content)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new UnreadableFile(file + ": the JSON array is not closed; nothing from this file was sent");
                }
                int line = parser.currentTokenLocation().getLineNr();
                int from = (int) parser.currentTokenLocation().getByteOffset();
                if (token.isScalarValue()) {
                    parser.finishToken();
                } else {
                    parser.skipChildren();
                }
                int to = (int) parser.currentLocation().getByteOffset();
                records.add(new RawLine(file, line, Arrays.copyOfRange(content, from, to)));
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableFile(file + ":" + e.getLocation().getLineNr() + ": not a valid JSON array ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); nothing from this file was sent");
        } catch (IOException e) {
            throw new UnreadableFile(file + ": " + e.getMessage());
        }
        return records;
    }

    private static int firstNonSpace(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        for (; i < content.length; i++) {
            if (!Character.isWhitespace(content[i])) {
                return i;
            }
        }
        return -1;
    }
}
