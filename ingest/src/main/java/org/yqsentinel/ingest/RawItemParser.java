package org.yqsentinel.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.json.Json;

/**
 * Reads a raw item record — a JSON object in the canonical raw form of docs/model.md — into an
 * {@link Item}, or says why not. Times without a zone are Beijing time. Pure and thread-safe.
 */
public final class RawItemParser {

    /** How far past its reference time (the record's crawl or Kafka timestamp) a publish time may lie. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    /**
     * @param reference the time the record was seen (Kafka record timestamp), to catch publish times in the future
     */
    public ParseResult<Item> parse(Channel channel, byte[] value, Instant reference) {
        if (value == null || value.length == 0) {
            return ParseResult.rejected("empty record");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            return ParseResult.rejected("not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            return ParseResult.rejected("not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return ParseResult.rejected("expected a JSON object, found " + (node == null ? "nothing" : kind(node)));
        }
        try {
            return ParseResult.accepted(toItem(channel, node, reference));
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e.getMessage());
        }
    }

    private Item toItem(Channel channel, JsonNode node, Instant reference) {
        String text = text(node, "text");
        if (text == null || text.isBlank()) {
            throw new InvalidRecord("missing field text");
        }
        String sourceId = text(node, "sourceId");
        String url = text(node, "url");
        if (blank(sourceId) && blank(url)) {
            throw new InvalidRecord("missing fields sourceId and url (one of them is needed for the item's id)");
        }
        String idPart = blank(sourceId) ? "u" + sha256Hex(url).substring(0, 20) : sourceId.trim();
        Instant publishedAt = publishedAt(node, reference);
        JsonNode author = node.path("author");
        JsonNode engagement = node.path("engagement");
        JsonNode region = node.path("region");
        return new Item(
                Item.idOf(channel, idPart),
                channel,
                idPart,
                text(node, "source"),
                author.isObject()
                        ? new Author(text(author, "name"), count(author, "followerCount", "author."), author.path("verified").asBoolean(false))
                        : null,
                text(node, "title"),
                text,
                url,
                publishedAt,
                engagement.isObject()
                        ? new Engagement(count(engagement, "reposts", "engagement."), count(engagement, "comments", "engagement."),
                                count(engagement, "likes", "engagement."), count(engagement, "reads", "engagement."))
                        : Engagement.NONE,
                region.isObject() && !blank(text(region, "province"))
                        ? new Region(text(region, "province"), text(region, "city"), null)
                        : null);
    }

    private static Instant publishedAt(JsonNode node, Instant reference) {
        String raw = text(node, "publishedAt");
        if (blank(raw)) {
            throw new InvalidRecord("missing field publishedAt");
        }
        Instant instant = parseTime(raw.trim());
        if (reference != null && instant.isAfter(reference.plus(FUTURE_TOLERANCE))) {
            Duration ahead = Duration.between(reference, instant);
            String amount = ahead.toDays() >= 1 ? ahead.toDays() + " days" : ahead.toHours() + " hours";
            throw new InvalidRecord("publish time " + amount + " in the future (" + raw + ", record seen at " + reference + ")");
        }
        return instant;
    }

    static Instant parseTime(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset; try the local forms below
        }
        for (DateTimeFormatter format : LOCAL_FORMATS) {
            try {
                return LocalDateTime.parse(raw, format).atZone(BEIJING).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        throw new InvalidRecord("unparseable time \"" + raw + "\" in field publishedAt (expected ISO-8601, e.g."
                + " 2026-11-20T10:20:00+08:00, or 2026-11-20 10:20:00 in Beijing time)");
    }

    private static Long count(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().trim().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText().trim());
        }
        throw new InvalidRecord("field " + prefix + field + " is not a count: " + value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A record that is JSON but not a usable item; the message is the reason. */
    private static final class InvalidRecord extends RuntimeException {
        InvalidRecord(String reason) {
            super(reason, null, false, false);
        }
    }
}
