package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yqsentinel.model.json.Json;

/** Crawler records in their own shapes, one per line, under src/test/resources/crawlers/. */
final class Fixtures {

    private Fixtures() {}

    static List<String> lines(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/crawlers/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record whose top-level {@code mid} (or its card's {@code mblog.mid}) is {@code mid}. */
    static byte[] weibo(String file, String mid) {
        List<String> matching = lines(file).stream().filter(l -> {
            try {
                JsonNode node = Json.mapper().readTree(l);
                JsonNode mblog = node.has("mblog") ? node.get("mblog") : node;
                return mid.equals(mblog.path("mid").asText());
            } catch (IOException e) {
                return false;
            }
        }).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(matching.size() + " records of " + file + " have mid " + mid);
        }
        return matching.get(0).getBytes(StandardCharsets.UTF_8);
    }

    /** The line that contains {@code marker} (an id or url fragment unique in the file). */
    static byte[] record(String file, String marker) {
        List<String> matching = lines(file).stream().filter(l -> l.contains(marker)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(matching.size() + " lines of " + file + " contain " + marker);
        }
        return matching.get(0).getBytes(StandardCharsets.UTF_8);
    }
}
