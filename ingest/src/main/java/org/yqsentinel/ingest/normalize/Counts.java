package org.yqsentinel.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.Reasons;
import org.yqsentinel.ingest.RejectCode;

/**
 * Reads the counts platforms display: numbers, digit strings with thousands separators ({@code 1,234}), the
 * Chinese units {@code 12.3万} and {@code 1.2亿}, capped displays ({@code 10万+}, {@code 100+}, read as the cap),
 * and the bare labels Weibo shows instead of a zero ({@code 转发}, {@code 评论}, {@code 赞}). A count above the
 * largest plausible one ({@code ingest.max-count}), negative, fractional or malformed is refused, never wrapped
 * around or read in part. Thread-safe.
 */
public final class Counts {

    /** Longer displays are no count: {@code 12,345,678,901万+} is 16 characters. */
    private static final int MAX_DISPLAY_CHARS = 24;
    private static final Pattern COUNT = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)\\s*([万亿wWkK])?\\s*\\+?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,，]\\d{3})+(\\.\\d+)?\\s*[万亿wWkK]?\\s*\\+?");
    private static final Set<String> ZERO_LABELS = Set.of("转发", "评论", "赞", "点赞", "在看", "分享", "收藏");

    private final long maxCount;

    /** @param maxCount the largest plausible count */
    public Counts(long maxCount) {
        this.maxCount = maxCount;
    }

    /** The count in {@code node.get(field)}, null when absent or empty; refuses what is not a plausible count. */
    public Long of(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Long count = null;
        if (value.isIntegralNumber()) {
            count = value.canConvertToLong() ? value.asLong() : null;
        } else if (value.isNumber()) {
            double d = value.asDouble();
            count = d == Math.rint(d) && Math.abs(d) <= maxCount ? (long) d : null;
        } else if (value.isTextual()) {
            if (value.asText().isBlank()) {
                return null;
            }
            count = parse(value.asText());
        }
        if (count == null || count < 0) {
            throw new InvalidRecord(RejectCode.BAD_VALUE, "field " + field + " is not a count: "
                    + (value.isTextual() || value.isNumber() ? Reasons.quote(value.asText()) : Reasons.jsonType(value)));
        }
        if (count > maxCount) {
            throw new InvalidRecord(RejectCode.BAD_VALUE, "field " + field + " is not a plausible count: " + Reasons.quote(value.asText())
                    + " is above " + maxCount + " (ingest.max-count)");
        }
        return count;
    }

    /** A displayed count as text; null when blank or not a count. Not bounded by the plausible maximum. */
    public static Long parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_DISPLAY_CHARS) {
            return null;
        }
        if (ZERO_LABELS.contains(t)) {
            return 0L;
        }
        if (t.indexOf(',') >= 0 || t.indexOf('，') >= 0) {
            if (!GROUPED.matcher(t).matches()) {
                return null;  // separators only between groups of three digits: "1,2,3,," is no count
            }
            t = t.replace(",", "").replace("，", "");
        }
        Matcher m = COUNT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit != null) {
            number = number.multiply(switch (unit) {
                case "万", "w", "W" -> BigDecimal.valueOf(10_000);
                case "亿" -> BigDecimal.valueOf(100_000_000);
                default -> BigDecimal.valueOf(1_000);
            });
        }
        return number.longValue();  // at most 15 digits times 10^8: within a long
    }
}
