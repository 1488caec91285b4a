package org.yqsentinel.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reasons as an operator reads them on one line of a log or a terminal: control characters escaped,
 * quoted values cut short, the whole reason bounded, whatever a crawler put in the record.
 */
public final class Reasons {

    /** The longest reason kept; longer ones are cut with an ellipsis. */
    public static final int MAX_REASON_CHARS = 300;
    /** The longest part of a value quoted in a reason. */
    static final int MAX_QUOTED_CHARS = 60;

    private Reasons() {}

    /** The reason on one line: control and line-separator characters escaped ({@code \n}, {@code \u001b}), cut to {@value #MAX_REASON_CHARS}. */
    public static String oneLine(String reason) {
        return escaped(reason == null ? "" : reason, MAX_REASON_CHARS);
    }

    /** A value as it appears in a reason: quoted, escaped, cut to {@value #MAX_QUOTED_CHARS} characters with its length when longer. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = escaped(value, MAX_QUOTED_CHARS);
        return "\"" + shown + "\"" + (value.length() > MAX_QUOTED_CHARS ? " (" + value.length() + " characters)" : "");
    }

    /** What a JSON value is, for a reason: {@code an object}, {@code an array}, {@code a number}, {@code true or false}, {@code null}, {@code text}. */
    public static String jsonType(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "null" : value.isObject() ? "an object"
                : value.isArray() ? "an array" : value.isNumber() ? "a number" : value.isBoolean() ? "true or false" : "text";
    }

    private static String escaped(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= max) {
                out.setLength(max);
                if (Character.isHighSurrogate(out.charAt(max - 1))) {
                    out.setLength(max - 1);
                }
                return out.append('…').toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                            || Character.isSurrogate(c) && !validPair(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
