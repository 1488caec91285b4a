package org.yqsentinel.ingest.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;

/**
 * The portal's metadata block, read from normalized page lines: the first run of lines holding
 * {@code key: value} pairs, split on the known keys (never on whitespace alone, since table rows
 * arrive concatenated). Only this block counts; within it the first non-empty value of a field wins.
 */
final class PolicyMetadata {

    enum Field {
        INDEX_NUMBER, CATEGORY, ISSUING_OFFICE, WRITTEN_ON, TITLE, DOCUMENT_NUMBER, PUBLISHED_ON, SUBJECT_WORDS,
        /** 来源: read, but page furniture rather than metadata, so it does not start a block. */
        SOURCE,
        OTHER
    }

    /**
     * Keys as portals print them. Keys of {@link Field#OTHER} are not read but end the value before
     * them. Where one key contains another (索引号 and 引号, 主题分类 and 分类) the match that starts
     * first wins, so both may be listed.
     */
    private static final Map<String, Field> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("索引号", Field.INDEX_NUMBER);
        KEYS.put("引号", Field.INDEX_NUMBER); // 索引号 with its first character lost, as in the Guangdong sample
        KEYS.put("主题分类", Field.CATEGORY);
        KEYS.put("分类", Field.CATEGORY);
        KEYS.put("发布机构", Field.ISSUING_OFFICE);
        KEYS.put("发文机关", Field.ISSUING_OFFICE);
        KEYS.put("成文日期", Field.WRITTEN_ON);
        KEYS.put("名称", Field.TITLE);
        KEYS.put("标题", Field.TITLE);
        KEYS.put("发文字号", Field.DOCUMENT_NUMBER);
        KEYS.put("文号", Field.DOCUMENT_NUMBER);
        KEYS.put("发布日期", Field.PUBLISHED_ON);
        KEYS.put("发布时间", Field.PUBLISHED_ON);
        KEYS.put("主题词", Field.SUBJECT_WORDS);
        KEYS.put("信息来源", Field.SOURCE);
        KEYS.put("来源", Field.SOURCE);
        for (String other : List.of("体裁分类", "组配分类", "有效性", "公开方式", "公开范围", "生效日期", "废止日期", "失效日期",
                "浏览次数", "浏览量", "点击数", "访问量", "阅读次数", "字号")) {
            KEYS.put(other, Field.OTHER);
        }
    }

    /** A key may be spaced out to fill a table column (标　　题). */
    private static final Pattern KEY = Pattern.compile(KEYS.keySet().stream()
            .map(key -> String.join("\\s*", key.split("")))
            .collect(Collectors.joining("|", "(", ")\\s*:")));
    /** Lines of page furniture repeated below the block, such as 发布日期: 2016-12-16 浏览次数: 3618. */
    private static final Pattern PAGE_INFO = Pattern.compile(
            "^(发布日期|发布时间|来源|浏览次数|浏览量|点击数|访问量|阅读次数|字号)\\s*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+\\S.*");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*(?:([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?)"
                    + "(?:\\s*T?\\s*\\d{1,2}\\s*[:时]\\s*\\d{1,2}(?:\\s*[:分]\\s*\\d{1,2}\\s*秒?)?)?");

    private final Map<Field, String> values;
    private final Map<Field, String> keys;
    private final int start;
    private final int end;

    private PolicyMetadata(Map<Field, String> values, Map<Field, String> keys, int start, int end) {
        this.values = values;
        this.keys = keys;
        this.start = start;
        this.end = end;
    }

    /**
     * Finds the block: it starts at the first line with a key of a read field and runs while lines
     * hold keys. When the block puts each key on a line of its own (a {@code <dl>} list), a key's
     * value is the line below it.
     */
    static PolicyMetadata read(List<String> lines) {
        int start = 0;
        while (start < lines.size() && !hasFieldKey(lines.get(start))) {
            start++;
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        Map<Field, String> keys = new EnumMap<>(Field.class);
        if (start == lines.size()) {
            return new PolicyMetadata(values, keys, -1, -1);
        }
        boolean valuesBelowKeys = keyOnly(lines.get(start)) && start + 1 < lines.size() && isValueLine(lines.get(start + 1));
        int i = start;
        while (i < lines.size() && KEY.matcher(lines.get(i)).find()) {
            String line = lines.get(i);
            List<Pair> pairs = pairs(line);
            Pair last = pairs.get(pairs.size() - 1);
            if (valuesBelowKeys && last.value.isEmpty() && i + 1 < lines.size() && isValueLine(lines.get(i + 1))) {
                pairs.set(pairs.size() - 1, new Pair(last.key, lines.get(++i).strip()));
            }
            for (Pair pair : pairs) {
                put(pair, values, keys);
            }
            i++;
        }
        return new PolicyMetadata(values, keys, start, i);
    }

    /**
     * This block with the pairs of more keyed lines of the masthead (a 来源 or 发布机构 line below the 文号) for the
     * fields the block leaves empty.
     */
    PolicyMetadata with(List<String> keyedLines) {
        Map<Field, String> moreValues = new EnumMap<>(Field.class);
        Map<Field, String> moreKeys = new EnumMap<>(Field.class);
        moreValues.putAll(values);
        moreKeys.putAll(keys);
        for (String line : keyedLines) {
            for (Pair pair : pairs(line)) {
                put(pair, moreValues, moreKeys);
            }
        }
        return new PolicyMetadata(moreValues, moreKeys, start, end);
    }

    /** No line of the page carries a known key. */
    boolean isEmpty() {
        return start < 0;
    }

    /** Index of the block's first line, or -1. */
    int start() {
        return start;
    }

    /** Index of the first line after the block, or -1. */
    int end() {
        return end;
    }

    /** The field's value as the block writes it (normalized), or null when absent or empty. */
    String value(Field field) {
        return values.get(field);
    }

    /**
     * The date in a date field, or null when the field is absent; a time after the date is ignored.
     *
     * @throws InvalidRecord BAD_TIME naming the field and the value when it is no calendar date
     */
    LocalDate date(Field field) {
        String raw = values.get(field);
        if (raw == null) {
            return null;
        }
        Matcher m = DATE.matcher(raw);
        if (m.matches()) {
            try {
                return m.group(2) != null
                        ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))
                        : LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            } catch (DateTimeException notACalendarDate) {
                // reported below with the value
            }
        }
        throw new InvalidRecord(RejectCode.BAD_TIME, "unparseable date \"" + raw + "\" in " + keys.get(field)
                + " (expected e.g. 2016-12-12, 2016/12/12, 2016.12.12 or 2016年12月12日)");
    }

    /** Whether the text is a date and nothing else (a time after it allowed). */
    static boolean isDate(String text) {
        return DATE.matcher(text.strip()).matches();
    }

    static boolean isHeading(String line) {
        return HEADING.matcher(line).matches();
    }

    static boolean isPageInfo(String line) {
        return PAGE_INFO.matcher(line).find();
    }

    /** Whether a text holds any known key followed by a colon. */
    static boolean hasKey(String text) {
        return KEY.matcher(text).find();
    }

    private static void put(Pair pair, Map<Field, String> values, Map<Field, String> keys) {
        Field field = KEYS.get(pair.key);
        if (pair.key != null && field != Field.OTHER && !pair.value.isEmpty() && !values.containsKey(field)) {
            values.put(field, pair.value);
            keys.put(field, pair.key);
        }
    }

    private static boolean hasFieldKey(String line) {
        Matcher m = KEY.matcher(line);
        while (m.find()) {
            Field field = KEYS.get(compact(m.group(1)));
            if (field != Field.OTHER && field != Field.SOURCE) {
                return true;
            }
        }
        return false;
    }

    private static boolean keyOnly(String line) {
        Matcher m = KEY.matcher(line);
        return m.lookingAt() && m.end() == line.length();
    }

    private static boolean isValueLine(String line) {
        return !hasKey(line) && !isHeading(line);
    }

    private record Pair(String key, String value) {}

    private static List<Pair> pairs(String line) {
        Matcher m = KEY.matcher(line);
        List<Pair> pairs = new ArrayList<>();
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                pairs.add(new Pair(key, line.substring(valueStart, m.start()).strip()));
            }
            key = compact(m.group(1));
            valueStart = m.end();
        }
        pairs.add(new Pair(key, line.substring(valueStart).strip()));
        return pairs;
    }

    private static String compact(String key) {
        return key.replaceAll("\\s+", "");
    }
}
