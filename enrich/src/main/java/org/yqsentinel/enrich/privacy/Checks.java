package org.yqsentinel.enrich.privacy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

final class Checks {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";
    private static final Set<String> PROVINCE_CODES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82", "83");

    private Checks() {
    }

    static String digitsOf(CharSequence s) {
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X' || c == 'x') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    static boolean isIdCard18(String id) {
        if (id.length() != 18 || !isProvince(id) || !isBirthDate(id, 4, Integer.parseInt(id.substring(6, 10)))) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == idCheckChar(id);
    }

    static char idCheckChar(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS.charAt(sum % 11);
    }

    static boolean isIdCard15(String id) {
        return id.length() == 15 && isProvince(id) && isBirthDate(id, 2, 1900 + Integer.parseInt(id.substring(6, 8)));
    }

    static boolean isLuhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean isProvince(String id) {
        return PROVINCE_CODES.contains(id.substring(0, 2));
    }

    private static boolean isBirthDate(String id, int yearDigits, int year) {
        int monthAt = 6 + yearDigits;
        int month = Integer.parseInt(id.substring(monthAt, monthAt + 2));
        int day = Integer.parseInt(id.substring(monthAt + 2, monthAt + 4));
        if (year < 1900 || month < 1 || month > 12 || day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
            return false;
        }
        return !LocalDate.of(year, month, day).isAfter(LocalDate.now());
    }
}
