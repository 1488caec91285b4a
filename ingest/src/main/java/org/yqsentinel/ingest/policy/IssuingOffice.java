package org.yqsentinel.ingest.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yqsentinel.model.DocumentNumber;

/**
 * Where a page without a 发布机构 field still names its issuing office reliably: a line that is an office name and
 * nothing else (the 发文机关标志 of the masthead, 广东省人民政府办公厅 or 广东省人民政府办公厅文件), the title written as
 * 公文 titles are (发文机关 + 关于 + 事由 + 文种), or a 来源 that is an office whose name the 文号 abbreviates.
 */
final class IssuingOffice {

    /**
     * The name of one office: Han characters ending as offices' names end (人民政府, 办公厅, 教育局, 发展改革委, 教育部…);
     * never an addressee (各区人民政府) nor a phrase with 关于, 转发, 批转 or 印发 in it.
     */
    private static final Pattern OFFICE = Pattern.compile(
            "(?!各)(?:(?!关于|转发|批转|印发)\\p{IsHan}){1,28}?(?:政府|办公厅|办公室|委员会|管委会|厅|局|委|部|署|院|办|中心|银行)");
    private static final Pattern OFFICE_LINE = Pattern.compile("^(" + OFFICE.pattern() + ")(?:文件)?$");
    /** Office names before 关于 (or 转发, 批转 when an office passes on another's document), joint ones spaced or with 、. */
    private static final Pattern TITLE_PREFIX = Pattern.compile(
            "^(" + OFFICE.pattern() + "(?:[\\s、]+" + OFFICE.pattern() + ")*)\\s*(?:关于|转发|批转)");
    /** The kind of document ending an issuer code: 粤办函, 国办发, 江数管规, 川府明电. */
    private static final Pattern KIND_SUFFIX = Pattern.compile("(?:明电|发|函|字|规|电|令)$");
    /** Provinces whose 文号 start with an abbreviation their names do not start with (粤 for 广东; not 浙 for 浙江). */
    private static final Map<Character, String> PROVINCES = Map.ofEntries(
            Map.entry('京', "北京"), Map.entry('津', "天津"), Map.entry('沪', "上海"), Map.entry('渝', "重庆"),
            Map.entry('冀', "河北"), Map.entry('晋', "山西"), Map.entry('蒙', "内蒙古"), Map.entry('苏', "江苏"),
            Map.entry('皖', "安徽"), Map.entry('闽', "福建"), Map.entry('赣', "江西"), Map.entry('鲁', "山东"),
            Map.entry('豫', "河南"), Map.entry('鄂', "湖北"), Map.entry('湘', "湖南"), Map.entry('粤', "广东"),
            Map.entry('桂', "广西"), Map.entry('琼', "海南"), Map.entry('川', "四川"), Map.entry('蜀', "四川"),
            Map.entry('黔', "贵州"), Map.entry('滇', "云南"), Map.entry('藏', "西藏"), Map.entry('陇', "甘肃"));

    private IssuingOffice() {}

    /** The office a masthead line names, without a trailing 文件; null when the line is anything else. */
    static String ofLine(String line) {
        Matcher m = OFFICE_LINE.matcher(line.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** The issuing office a 公文 title starts with (joint offices joined with 、), or null. */
    static String ofTitle(String title) {
        Matcher m = TITLE_PREFIX.matcher(title.strip());
        return m.find() ? Arrays.stream(m.group(1).split("[\\s、]+")).collect(Collectors.joining("、")) : null;
    }

    /**
     * Whether a 来源 names the office that issued the 文号: an office name whose start is the issuer code's region
     * (粤 for 广东, 江 for 江城市) and which holds the code's other characters in order (府办 in 人民政府办公厅).
     */
    static boolean issued(String source, DocumentNumber number) {
        if (source == null || number == null || !OFFICE.matcher(source.strip()).matches()) {
            return false;
        }
        String office = source.strip();
        String code = number.issuerCode();
        String rest = code.length() > 1 ? KIND_SUFFIX.matcher(code.substring(1)).replaceFirst("") : "";
        char region = code.charAt(0);
        String regionName = office.charAt(0) == region ? String.valueOf(region) : PROVINCES.get(region);
        if (regionName == null || !office.startsWith(regionName)) {
            return false;
        }
        int at = regionName.length();
        for (char c : rest.toCharArray()) {
            at = office.indexOf(c, at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }
}
