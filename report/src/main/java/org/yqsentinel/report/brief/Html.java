package org.yqsentinel.report.brief;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.Zones;
import org.yqsentinel.report.Labels;

/**
 * The small pieces of markup a brief is written with. Every value that comes from data goes through {@link #escape};
 * only markup written here or in the brief's own classes goes out as it is, wrapped in {@link Raw}.
 */
final class Html {

    /** Markup the brief wrote itself, to put in a table cell unescaped. */
    record Raw(String markup) {}

    /** What a brief shows for a value it does not have. */
    static final String NONE = "—";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.ROOT).withZone(Zones.BEIJING);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.ROOT).withZone(Zones.BEIJING);

    private Html() {}

    /** The text with {@code & < > " '} replaced by their character references; null gives an empty string. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static Raw raw(String markup) {
        return new Raw(markup);
    }

    /** {@code 2026年3月3日 09:05} in Beijing time. */
    static String dateTime(Instant at) {
        return at == null ? NONE : DATE_TIME.format(at);
    }

    /** {@code 3月3日 09:05} in Beijing time. */
    static String time(Instant at) {
        return at == null ? NONE : TIME.format(at);
    }

    /** {@code 62%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A score or a weight: {@code 74.5}, {@code 60}. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The tier as a coloured badge: {@code Ⅱ级橙色（重大）}; {@value #NONE} for none. */
    static Raw tier(Tier tier) {
        if (tier == null) {
            return raw(NONE);
        }
        return raw("<span class=\"tier tier-" + tier.code() + "\" style=\"background:" + Labels.colour(tier) + "\">"
                + escape(tier.label()) + "</span>");
    }

    /** A table row; a cell may be null. */
    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /**
     * A table: a header row, then one row per entry. A cell is escaped text, a number (right-aligned, whole numbers grouped by thousands), an instant (in
     * Beijing time, on one line), {@link Raw} markup, or null ({@value #NONE}).
     */
    static void table(StringBuilder out, String cssClass, List<String> headers, List<List<Object>> rows) {
        out.append("<table class=\"").append(escape(cssClass)).append("\">\n<thead><tr>");
        headers.forEach(header -> out.append("<th>").append(escape(header)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : rows) {
            out.append("<tr>");
            for (Object cell : row) {
                if (cell instanceof Raw markup) {
                    out.append("<td>").append(markup.markup()).append("</td>");
                } else if (cell instanceof Instant at) {
                    out.append("<td class=\"time\">").append(time(at)).append("</td>");
                } else if (cell instanceof Double value) {
                    out.append("<td class=\"num\">").append(number(value)).append("</td>");
                } else if (cell instanceof Number value) {
                    out.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%,d", value.longValue())).append("</td>");
                } else {
                    out.append("<td>").append(cell == null ? NONE : escape(cell.toString())).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
