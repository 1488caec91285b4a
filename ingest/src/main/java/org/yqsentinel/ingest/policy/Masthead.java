package org.yqsentinel.ingest.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yqsentinel.ingest.policy.PolicyMetadata.Field;
import org.yqsentinel.model.DocumentNumber;

/**
 * The lines around the metadata block that are not the document: page headings, the title line of a flattened
 * portal page (title, 发布日期 line, 文号, rule, then the document, no 名称/文号 labels), the 文号 and office lines,
 * the repeated 发布日期/来源 lines, and lines that repeat the title or the office. The document starts where the
 * masthead ends; nothing after that start is read as metadata, so a 文号 quoted in the text is never the page's.
 */
final class Masthead {

    /** A 文号 line counts as the masthead of a page without any metadata key only among its first lines. */
    private static final int LEADING_NUMBER_LINES = 3;
    /** A title wrapped by the crawler spans at most this many lines. */
    private static final int TITLE_LINES = 3;
    /** Shorter lines above the date are the portal's section names (政策文件, 通知公告), not titles. */
    private static final int TITLE_MIN_CHARS = 6;
    private static final int TITLE_MAX_CHARS = 150;
    private static final Pattern HEADING_MARK = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A line that ends as a sentence, a clause or an addressee does, or as the site's name, not as a title. */
    private static final Pattern NOT_A_TITLE_END = Pattern.compile("(?:[。,;:、]|网站|门户|政府网)$");
    /** A 公文 title: it ends with the kind of document (通知, 意见, 办法…), after the office and the matter. */
    private static final Pattern OFFICIAL_TITLE = Pattern.compile(
            "^\\p{IsHan}.{3,}(?:通知|通告|公告|意见|决定|办法|规定|细则|方案|规划|纲要|批复|函|报告|通报|决议|命令|公报|指引|措施)$");

    final int bodyStart;
    /** The first {@code #} heading below the block, the last one above it. */
    final String heading;
    final String headingBefore;
    /** The plain title line of a flattened page (lines joined when the crawler wrapped it), or null. */
    final String titleLine;
    final String number;
    /** The office a masthead line names (发文机关标志), or null. */
    final String officeLine;
    /** Keyed lines of the masthead outside the block (来源 above 发布日期, 发布机构 below the 文号). */
    final List<String> keyedLines;

    private Masthead(int bodyStart, String heading, String headingBefore, String titleLine, String number, String officeLine,
                     List<String> keyedLines) {
        this.bodyStart = bodyStart;
        this.heading = heading;
        this.headingBefore = headingBefore;
        this.titleLine = titleLine;
        this.number = number;
        this.officeLine = officeLine;
        this.keyedLines = keyedLines;
    }

    static Masthead read(List<String> lines, PolicyMetadata metadata) {
        int anchor = metadata.isEmpty() ? leadingNumberLine(lines) : metadata.start();
        Set<String> echoes = new HashSet<>();
        for (Field field : List.of(Field.TITLE, Field.ISSUING_OFFICE)) {
            if (metadata.value(field) != null) {
                echoes.add(compact(metadata.value(field)));
            }
        }
        String headingBefore = null;
        for (int i = 0; i < anchor; i++) {
            if (PolicyMetadata.isHeading(lines.get(i))) {
                headingBefore = headingText(lines.get(i));
                echoes.add(compact(headingBefore));
            }
        }

        // above the block: 文号, office and keyed lines, then the title line(s)
        String number = null;
        String officeLine = null;
        List<String> keyedLines = new ArrayList<>();
        int i = anchor - 1;
        for (; i >= 0; i--) {
            String line = lines.get(i);
            String office = IssuingOffice.ofLine(line);
            if (DocumentNumber.parse(line).isPresent()) {
                number = number == null ? line : number;
            } else if (PolicyMetadata.hasKey(line)) {
                keyedLines.add(line);
            } else if (office != null) {
                officeLine = officeLine == null ? office : officeLine;
            } else {
                break;
            }
        }
        List<String> titleLines = headingBefore == null ? titleLinesEndingAt(lines, i) : List.of();
        Set<String> titles = joinsEndingWithTheLast(titleLines);
        echoes.addAll(titles);
        // the titles a crawler may repeat wrapped over several lines: few, so each line is compared with all of them
        Set<String> wrappable = new HashSet<>(titles);
        if (metadata.value(Field.TITLE) != null) {
            wrappable.add(compact(metadata.value(Field.TITLE)));
        }

        // below the block: the same, page headings, lines repeating the title or the office; the document follows
        String heading = null;
        String echoedTitle = null;
        String officialTitle = null;
        boolean titled = metadata.value(Field.TITLE) != null || headingBefore != null || !titleLines.isEmpty();
        i = metadata.isEmpty() ? Math.max(anchor, 0) : metadata.end();
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            int echoed;
            String office;
            if (PolicyMetadata.isHeading(line)) {
                heading = heading == null ? headingText(line) : heading;
                echoes.add(compact(headingText(line)));
                titled = true;
            } else if (DocumentNumber.parse(line).isPresent()) {
                number = number == null ? line : number;
            } else if (PolicyMetadata.hasKey(line)) {
                keyedLines.add(line);
            } else if ((echoed = echoes.contains(compact(line)) ? 1 : wrappedEchoLines(lines, i, wrappable)) > 0) {
                String echo = compactJoin(lines.subList(i, i + echoed));
                echoedTitle = titles.contains(echo) && (echoedTitle == null || echo.length() > echoedTitle.length()) ? echo : echoedTitle;
                i += echoed - 1;
            } else if ((office = IssuingOffice.ofLine(line)) != null) {
                officeLine = officeLine == null ? office : officeLine;
                echoes.add(compact(line));
            } else if (!titled && isOfficialTitle(line)) {
                officialTitle = line;
                echoes.add(compact(line));
                titled = true;
            } else {
                break;
            }
        }
        String titleLine = officialTitle != null ? officialTitle : title(titleLines, echoedTitle);
        return new Masthead(i, heading, headingBefore, titleLine, number, officeLine, List.copyOf(keyedLines));
    }

    /** The index of a 文号 line among the page's first lines, or -1. */
    private static int leadingNumberLine(List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), LEADING_NUMBER_LINES); i++) {
            if (DocumentNumber.parse(lines.get(i)).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** The plain lines that may hold the title, top to bottom, the last at {@code last}: none when that line is no title. */
    private static List<String> titleLinesEndingAt(List<String> lines, int last) {
        if (last < 0 || !isPlainLine(lines.get(last)) || !isTitleEnd(lines.get(last))) {
            return List.of();
        }
        int first = last;
        while (first > 0 && last - first + 1 < TITLE_LINES && isPlainLine(lines.get(first - 1))) {
            first--;
        }
        return lines.subList(first, last + 1);
    }

    /**
     * The title as one line: the lines the crawler wrapped it into, joined, when its repetition below the block shows
     * them, or when the line above the last starts a 公文 title (关于…, 江城市教育局关于…) that only the last completes;
     * else the last line.
     */
    private static String title(List<String> titleLines, String echoedTitle) {
        if (titleLines.isEmpty()) {
            return null;
        }
        int last = titleLines.size() - 1;
        for (int first = 0; echoedTitle != null && first <= last; first++) {
            List<String> joined = titleLines.subList(first, titleLines.size());
            if (compactJoin(joined).equals(echoedTitle)) {
                return joinStripped(joined);
            }
        }
        if (echoedTitle == null && last > 0 && startsATitle(titleLines.get(last - 1)) && !isOfficialTitle(titleLines.get(last - 1))
                && isOfficialTitle(joinStripped(titleLines.subList(last - 1, last + 1)))) {
            return joinStripped(titleLines.subList(last - 1, last + 1));
        }
        return titleLines.get(last).strip();
    }

    private static boolean startsATitle(String line) {
        return line.strip().startsWith("关于") || IssuingOffice.ofTitle(line) != null;
    }

    private static boolean isOfficialTitle(String line) {
        return line.length() <= TITLE_MAX_CHARS && OFFICIAL_TITLE.matcher(line.strip()).matches();
    }

    private static String joinStripped(List<String> lines) {
        return String.join("", lines.stream().map(String::strip).toList());
    }

    private static Set<String> joinsEndingWithTheLast(List<String> titleLines) {
        Set<String> joins = new LinkedHashSet<>();
        for (int first = 0; first < titleLines.size(); first++) {
            joins.add(compactJoin(titleLines.subList(first, titleLines.size())));
        }
        return joins;
    }

    /** How many lines from {@code from} together repeat one of the titles (a crawler wrapped it), or 0. */
    private static int wrappedEchoLines(List<String> lines, int from, Set<String> titles) {
        StringBuilder joined = new StringBuilder();
        for (int j = from; j < Math.min(lines.size(), from + TITLE_LINES); j++) {
            joined.append(compact(lines.get(j)));
            String sofar = joined.toString();
            if (titles.contains(sofar)) {
                return j - from + 1;
            }
            if (titles.stream().noneMatch(title -> title.startsWith(sofar))) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean isPlainLine(String line) {
        return !PolicyMetadata.isHeading(line) && !PolicyMetadata.hasKey(line) && DocumentNumber.parse(line).isEmpty()
                && IssuingOffice.ofLine(line) == null;
    }

    private static boolean isTitleEnd(String line) {
        String title = line.strip();
        return title.length() >= TITLE_MIN_CHARS && title.length() <= TITLE_MAX_CHARS && title.codePoints().anyMatch(Masthead::isHan)
                && !NOT_A_TITLE_END.matcher(title).find() && !PolicyMetadata.isDate(title);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    static String headingText(String line) {
        return HEADING_MARK.matcher(line).replaceFirst("").strip();
    }

    private static String compactJoin(List<String> lines) {
        return compact(String.join("", lines));
    }

    /** The line as compared with the metadata: without whitespace, so 阳光政 务 matches 阳光政务. */
    static String compact(String line) {
        return WHITESPACE.matcher(line).replaceAll("");
    }
}
