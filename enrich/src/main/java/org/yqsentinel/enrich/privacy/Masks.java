package org.yqsentinel.enrich.privacy;

final class Masks {

    private Masks() {
    }

    static String keepDigits(CharSequence s, int keepFirst, int keepLast) {
        int total = Checks.digitsOf(s).length();
        StringBuilder out = new StringBuilder(s.length());
        int index = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X' || c == 'x') {
                out.append(index >= keepFirst && index < total - keepLast ? '*' : c);
                index++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String bankCard(String card) {
        String digits = Checks.digitsOf(card);
        if (digits.length() == card.length()) {
            return "****" + digits.substring(digits.length() - 4);
        }
        return keepDigits(card, 0, 4);
    }

    static String email(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    static String keepPrefix(String s, int keep) {
        return s.substring(0, keep) + "*".repeat(s.length() - keep);
    }
}
