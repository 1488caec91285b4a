package org.yqsentinel.enrich.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class PatternDetector {

    private static final String AFTER = "(?![0-9A-Za-z_])";
    private static final String AREA_CODE = "0(?:10|2\\d|[3-9]\\d{2})";
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String PLATE_LETTER = "A-HJ-NP-Za-hj-np-z";

    private static final Pattern MOBILE = Pattern.compile(
            "(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:\\d{8}|-\\d{4}-\\d{4}| \\d{4} \\d{4})(?![0-9A-Za-z_元万亿])");
    private static final Pattern LANDLINE = Pattern.compile(
            "(?:(" + AREA_CODE + ")[- ]|[(（](" + AREA_CODE + ")[)）] ?)[1-9]\\d{6,7}" + AFTER);
    private static final Pattern ID_18 = Pattern.compile(
            "[1-8]\\d{5}( ?)(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\1\\d{3}[0-9Xx]" + AFTER);
    private static final Pattern ID_15 = Pattern.compile("[1-8]\\d{14}" + AFTER);
    /** Any ID-card-shaped number, for numbers labelled as one: the label says what the number is, not its check digit. */
    private static final Pattern LABELLED_ID = Pattern.compile("(?:\\d{6}( ?)\\d{8}\\1\\d{3}[0-9Xx]|\\d{15})" + AFTER);
    /** 身份证, 身份证号(码), 证件号(码), 身份号码, then an optional ：, 为 or 是, spaces anywhere between. */
    private static final Pattern ID_LABEL = Pattern.compile(
            "(?:身份证(?:号码|号)?|证件号码?|身份号码)\\s*(?:[：:]\\s*)?(?:[为是]\\s*)?(?:[：:]\\s*)?$");
    private static final int ID_LABEL_CHARS = 12;
    private static final Pattern BANK_CARD = Pattern.compile(
            "[3-6]\\d{3}(?:\\d{12,15}|([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?)" + AFTER);
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*"
            + "@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])");
    private static final Pattern PLATE = Pattern.compile("[" + PROVINCES + "][" + PLATE_LETTER + "]([·•・ ]?)"
            + "([" + PLATE_LETTER + "0-9]{5,6}|[" + PLATE_LETTER + "0-9]{4}[挂学警港澳领试超])(?![0-9A-Za-z])");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[\\x21-\\x7E]+");
    private static final Pattern NOT_PERSONAL_NUMBER = Pattern.compile(
            "(?:订单|单号|(?<!身份证)编号|流水|运单|快递|工单|交易号|批次|票号|发票|合同号|案号|文号|序列号|条码)[号码]?\\s*[：:#＃]?\\s*$");
    private static final int CONTEXT_CHARS = 12;

    void detect(String text, List<Hit> out) {
        Scan scan = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (startsNumber(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                scan = scan == null ? new Scan(text) : scan;
                scan.numbersAt(i, out);
            } else if (isAsciiLetter(c) && i > 0 && PROVINCES.indexOf(text.charAt(i - 1)) >= 0) {
                scan = scan == null ? new Scan(text) : scan;
                scan.plateAt(i - 1, out);
            }
        }
        if (text.indexOf('@') >= 0) {
            emails(text, out);
        }
    }

    private static final class Scan {

        private final String text;
        private final Matcher mobile;
        private final Matcher landline;
        private final Matcher id18;
        private final Matcher id15;
        private final Matcher labelledId;
        private final Matcher bankCard;
        private final Matcher plate;
        private List<int[]> urls;

        Scan(String text) {
            this.text = text;
            this.mobile = MOBILE.matcher(text);
            this.landline = LANDLINE.matcher(text);
            this.id18 = ID_18.matcher(text);
            this.id15 = ID_15.matcher(text);
            this.labelledId = LABELLED_ID.matcher(text);
            this.bankCard = BANK_CARD.matcher(text);
            this.plate = PLATE.matcher(text);
        }

        void numbersAt(int start, List<Hit> out) {
            if (matchesAt(mobile, start) && !isOrderNumber(start)) {
                String number = mobile.group();
                int prefixDigits = Checks.digitsOf(number).length() - 11;
                out.add(hit(Kind.PHONE, mobile, Masks.keepDigits(number, prefixDigits + 3, 4)));
            }
            if (matchesAt(landline, start)) {
                String area = landline.group(1) != null ? landline.group(1) : landline.group(2);
                out.add(hit(Kind.PHONE, landline, Masks.keepDigits(landline.group(), area.length(), 2)));
            }
            if (matchesAt(labelledId, start) && isLabelledId(start)) {
                out.add(hit(Kind.ID_CARD, labelledId, Masks.keepDigits(labelledId.group(), 3, 2)));
            } else {
                if (matchesAt(id18, start) && Checks.isIdCard18(Checks.digitsOf(id18.group()))) {
                    out.add(hit(Kind.ID_CARD, id18, Masks.keepDigits(id18.group(), 3, 2)));
                }
                if (matchesAt(id15, start) && Checks.isIdCard15(id15.group()) && !isOrderNumber(start)) {
                    out.add(hit(Kind.ID_CARD, id15, Masks.keepDigits(id15.group(), 3, 2)));
                }
            }
            if (matchesAt(bankCard, start) && Checks.isLuhn(Checks.digitsOf(bankCard.group())) && !isOrderNumber(start)
                    && !insideUrl(start)) {
                out.add(hit(Kind.BANK_CARD, bankCard, Masks.bankCard(bankCard.group())));
            }
        }

        void plateAt(int start, List<Hit> out) {
            if (matchesAt(plate, start) && isPlateBody(plate.group(2))) {
                out.add(hit(Kind.LICENSE_PLATE, plate, Masks.keepPrefix(plate.group(), plate.start(2) - start)));
            }
        }

        private boolean isLabelledId(int start) {
            return ID_LABEL.matcher(text.substring(Math.max(0, start - ID_LABEL_CHARS), start)).find();
        }

        private boolean isOrderNumber(int start) {
            return NOT_PERSONAL_NUMBER.matcher(text.substring(Math.max(0, start - CONTEXT_CHARS), start)).find();
        }

        private boolean insideUrl(int position) {
            if (urls == null) {
                urls = urlSpans(text);
            }
            for (int[] span : urls) {
                if (position >= span[0] && position < span[1]) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matchesAt(Matcher matcher, int start) {
            matcher.region(start, matcher.regionEnd());
            return matcher.lookingAt();
        }

        private static Hit hit(Kind kind, Matcher matcher, String replacement) {
            return new Hit(kind, matcher.start(), matcher.end(), replacement);
        }
    }

    private static void emails(String text, List<Hit> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new Hit(Kind.EMAIL, m.start(), m.end(), Masks.email(m.group())));
        }
    }

    private static boolean isPlateBody(String body) {
        if (body.length() == 6 && "DFdf".indexOf(body.charAt(0)) < 0 && "DFdf".indexOf(body.charAt(5)) < 0) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) >= '0' && body.charAt(i) <= '9') {
                digits++;
            }
        }
        return digits >= 2;
    }

    private static List<int[]> urlSpans(String text) {
        if (!text.contains("://") && !text.contains("www.")) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static boolean startsNumber(char c) {
        return c >= '0' && c <= '9' || c == '+' || c == '(' || c == '（';
    }

    private static boolean isWordChar(char c) {
        return c >= '0' && c <= '9' || isAsciiLetter(c) || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
