package org.yqsentinel.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;

/**
 * Reads the counts platforms display: numbers, digit strings with separators ({@code 1,234}), the
 * Chinese units {@code 12.3万} and {@code 1.2亿}, capped displays ({@code 10万+}, {@code 100+}, read as
 * the cap), and the bare labels Weibo shows instead of a zero ({@code 转发}, {@code 评论}, {@code 赞}).
 */
public final class Counts {

    private static final Pattern COUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([万亿wWkK])?\\s*\\+?");
    private static final Set<String> ZERO_LABELS = Set.of("转发", "评论", "赞", "点赞", "在看", "分享", "收藏");

    private Counts() {}

    /** The count in {@code node.get(field)}, null when absent or empty; refuses what is not a count. */
    public static Long of(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        if (value.isNumber() && value.asDouble() >= 0 && value.asDouble() == Math.rint(value.asDouble())) {
            return (long) value.asDouble();
        }
        if (value.isTextual()) {
            Long parsed = parse(value.asText());
            if (parsed != null || value.asText().isBlank()) {
                return parsed;
            }
        }
        throw new InvalidRecord(RejectCode.BAD_VALUE, "field " + field + " is not a count: " + abbreviate(value.toString()));
    }

    /** A displayed count as text; null when blank or not a count. */
    public static Long parse(String text) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("，", "");
        if (t.isEmpty()) {
            return null;
        }
        if (ZERO_LABELS.contains(t)) {
            return 0L;
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
        return number.longValue();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
