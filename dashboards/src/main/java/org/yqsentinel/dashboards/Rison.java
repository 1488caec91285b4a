package org.yqsentinel.dashboards;

import java.nio.charset.StandardCharsets;

/**
 * The little of Rison (the URL-friendly JSON of Kibana's {@code _g} and {@code _a} state) the case link
 * needs: strings, bare when they are Rison identifiers, else quoted with {@code '} and {@code !} escaped
 * by {@code !}; and the percent-encoding Kibana applies to a state value in its URL.
 */
final class Rison {

    private static final String NOT_ID_CHAR = " '!:(),*@$";
    private static final String NOT_ID_START = "-0123456789";

    private Rison() {}

    static String string(String value) {
        if (isId(value)) {
            return value;
        }
        return "'" + value.replace("!", "!!").replace("'", "!'") + "'";
    }

    private static boolean isId(String value) {
        if (value.isEmpty() || NOT_ID_START.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        return value.chars().noneMatch(c -> NOT_ID_CHAR.indexOf(c) >= 0 || Character.isISOControl(c));
    }

    /**
     * Percent-encodes as JavaScript's {@code encodeURIComponent} (UTF-8; letters, digits and {@code -_.!~*'()}
     * stay), then leaves {@code : , @ $} readable, as Kibana's own links do.
     */
    static String urlEncoded(String rison) {
        StringBuilder out = new StringBuilder();
        for (byte b : rison.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.!~*'():,@$".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
