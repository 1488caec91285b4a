package org.yqsentinel.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 文号 (document number) read into its parts: issuer code 粤办函, year 2016, serial 629 of
 * 粤办函〔2016〕629号. Portals and posts write the year brackets as 〔〕, [], (), （）, ［］ or 【】;
 * {@link #canonical()} always writes 〔〕.
 */
public record DocumentNumber(String issuerCode, int year, int serial) {

    private static final Pattern WHOLE = Pattern.compile(
            "^\\s*(\\p{IsHan}[\\p{IsHan}A-Za-z]{0,11})\\s*[〔\\[(（［【﹝]\\s*((?:19|20)\\d{2})\\s*[〕\\])）］】﹞]\\s*第?\\s*(\\d{1,5})\\s*号\\s*$");

    /** The 文号 in a field that holds one and nothing else, in any of its bracket variants. */
    public static Optional<DocumentNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = WHOLE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DocumentNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** {@code 粤办函〔2016〕629号}. */
    public String canonical() {
        return issuerCode + "〔" + year + "〕" + serial + "号";
    }
}
