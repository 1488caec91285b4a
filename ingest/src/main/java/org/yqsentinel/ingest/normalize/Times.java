package org.yqsentinel.ingest.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.Reasons;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.Zones;

/**
 * Reads the publish times crawlers hand over into UTC instants: ISO-8601, Weibo's
 * {@code Sun Nov 22 16:51:00 +0800 2026}, what news sites print ({@code 2018-05-31 10:20:33},
 * {@code 2018年05月31日 10:20}, {@code 2018/5/31}), Unix seconds or milliseconds, and the relative forms
 * of list pages ({@code 刚刚}, {@code 5分钟前}, {@code 今天 10:20}, {@code 昨天 10:20}, {@code 11-20}) resolved
 * against the crawl time. Without a zone, times are Beijing time.
 */
public final class Times {

    private static final DateTimeFormatter WEIBO = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z uuuu", Locale.ENGLISH);
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT]*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2})\\s*秒?)?)?");
    private static final Pattern AGO = Pattern.compile("(\\d{1,9})\\s*(秒|分钟|小时|天)前");
    private static final Pattern DAY_WORD = Pattern.compile("(今天|昨天|前天)\\s*(\\d{1,2}):(\\d{2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*[-月/]\\s*(\\d{1,2})\\s*日?(?:\\s+(\\d{1,2}):(\\d{2}))?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");

    private Times() {}

    /**
     * @param raw       the time as the source wrote it
     * @param crawledAt when the record was crawled, for the relative forms; may be null
     * @param field     the field's name, for the reason
     */
    public static Instant parse(String raw, Instant crawledAt, String field) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field " + field);
        }
        try {
            Instant instant = absolute(text, field);
            if (instant == null) {
                instant = relative(text, crawledAt);
            }
            if (instant != null) {
                return instant;
            }
        } catch (DateTimeException | ArithmeticException e) {
            // falls through to the reason below: an impossible date such as 2018-13-45, or one beyond any calendar
        }
        throw new InvalidRecord(RejectCode.BAD_TIME, "unparseable time " + Reasons.quote(text) + " in field " + field
                + (crawledAt == null && isRelative(text) ? " (a relative time needs the crawl time)" : ""));
    }

    /**
     * Unix seconds or milliseconds, told apart by magnitude: below 10^11 seconds (until the year 5138), else
     * milliseconds up to 10^14 (the year 5138 again). Anything else is no Unix time a crawler writes.
     */
    public static Instant fromEpoch(long value, String field) {
        if (value < 0 || value >= 100_000_000_000_000L) {
            throw new InvalidRecord(RejectCode.BAD_TIME, "field " + field + " is not a Unix time in seconds or milliseconds: " + value);
        }
        return value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    /** The time in a JSON field: a Unix time when a number, else text as {@link #parse} reads it. */
    public static Instant of(JsonNode value, Instant crawledAt, String field) {
        if (value == null || value.isNull()) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field " + field);
        }
        if (value.isNumber()) {
            if (!value.canConvertToLong() || value.isFloatingPointNumber() && value.asDouble() != Math.rint(value.asDouble())) {
                throw new InvalidRecord(RejectCode.BAD_TIME, "field " + field + " is not a Unix time in seconds or milliseconds: "
                        + Reasons.quote(value.asText()));
            }
            return fromEpoch(value.asLong(), field);
        }
        if (!value.isTextual()) {
            throw new InvalidRecord(RejectCode.BAD_TIME, "field " + field + " is " + Reasons.jsonType(value) + ", not a time");
        }
        return parse(value.asText(), crawledAt, field);
    }

    private static Instant absolute(String text, String field) {
        if (EPOCH.matcher(text).matches()) {
            return fromEpoch(Long.parseLong(text), field);
        }
        for (DateTimeFormatter iso : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_INSTANT)) {
            try {
                return iso.parse(text, Instant::from);
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        try {
            return ZonedDateTime.parse(text, WEIBO).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        Matcher m = ABSOLUTE.matcher(text);
        if (m.matches() || (m.find() && m.start() <= 8 && text.length() - m.end() <= 2)) {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return LocalDateTime.of(date, time).atZone(Zones.BEIJING).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static Instant relative(String text, Instant crawledAt) {
        if (crawledAt == null) {
            return null;
        }
        ZonedDateTime crawled = crawledAt.atZone(Zones.BEIJING);
        if (text.equals("刚刚")) {
            return crawledAt;
        }
        Matcher m = AGO.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration unit = switch (m.group(2)) {
                case "秒" -> Duration.ofSeconds(1);
                case "分钟" -> Duration.ofMinutes(1);
                case "小时" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return crawledAt.minus(unit.multipliedBy(n));
        }
        m = DAY_WORD.matcher(text);
        if (m.matches()) {
            int daysBack = switch (m.group(1)) {
                case "今天" -> 0;
                case "昨天" -> 1;
                default -> 2;
            };
            return crawled.toLocalDate().minusDays(daysBack)
                    .atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).atZone(Zones.BEIJING).toInstant();
        }
        m = MONTH_DAY.matcher(text);
        if (m.matches()) {
            LocalDate date = LocalDate.of(crawled.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (date.isAfter(crawled.toLocalDate())) {
                date = date.minusYears(1);
            }
            LocalTime time = m.group(3) == null ? LocalTime.MIDNIGHT
                    : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            return date.atTime(time).atZone(Zones.BEIJING).toInstant();
        }
        return null;
    }

    private static boolean isRelative(String text) {
        return text.equals("刚刚") || AGO.matcher(text).matches() || DAY_WORD.matcher(text).matches()
                || MONTH_DAY.matcher(text).matches();
    }
}
