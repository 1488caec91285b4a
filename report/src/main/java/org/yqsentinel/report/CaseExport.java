package org.yqsentinel.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;

/**
 * The case's posts as a 舆情 desk opens them in a spreadsheet: one row per post of the case file, in its order, with
 * the {@linkplain PostColumn columns} headed in Chinese, as CSV or as XLSX. Titles, text and the names of personal
 * accounts are de-identified. The CSV is UTF-8 with a byte order mark (so that Excel reads Chinese), RFC 4180 with
 * CRLF line ends, and a text cell that a spreadsheet would run as a formula (starting with {@code = + - @} or a tab)
 * gets a leading {@code '}. The XLSX writes text as text cells, which no spreadsheet runs, numbers as numbers and
 * publish times as date cells in Beijing time; a second sheet says what the export covers.
 */
public final class CaseExport {

    static final String POSTS_SHEET = "帖子";
    static final String ABOUT_SHEET = "说明";
    static final String TIME_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The most characters Excel keeps in a cell; a longer text makes it call the file damaged. */
    static final int EXCEL_CELL_LIMIT = 32_767;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(TIME_PATTERN, Locale.ROOT);
    private static final String EXCEL_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final String EXCEL_SCORE_FORMAT = "0.000";
    private static final String EXCEL_COUNT_FORMAT = "0";
    private static final String HEADER_FILL = "FFDDEBF7";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String NOTE = "标题和正文已去标识化（手机号、证件号、银行卡号、邮箱、车牌和私人姓名已打码），"
            + "个人账号的作者名只留首字；时间为北京时间；分值保留三位小数。";

    private final PersonalDataMasker masker;

    /** An export with a masker of its own, used for all its files (the first masker of a JVM loads the entity tagger). */
    public CaseExport() {
        this(new PersonalDataMasker());
    }

    public CaseExport(PersonalDataMasker masker) {
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** Writes the posts as CSV to {@code out}, which is flushed and left open. */
    public void csv(CaseFile file, OutputStream out) throws IOException {
        List<List<Object>> rows = rows(file);
        PostColumn[] columns = PostColumn.values();
        out.write(UTF8_BOM);
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writeCsvRecord(csv, Arrays.stream(columns).map(column -> column.header).toList());
        for (List<Object> row : rows) {
            String[] cells = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                cells[c] = csvCell(columns[c], row.get(c));
            }
            writeCsvRecord(csv, Arrays.asList(cells));
        }
        csv.flush();
    }

    /** Writes the posts as an XLSX workbook to {@code out}, which is flushed and left open. */
    public void xlsx(CaseFile file, OutputStream out) throws IOException {
        List<List<Object>> rows = rows(file);
        Workbook workbook = new Workbook(out, "Sentinel", "1.0");
        writePosts(workbook.newWorksheet(POSTS_SHEET), rows);
        writeAbout(workbook.newWorksheet(ABOUT_SHEET), file, rows.size());
        workbook.finish();
        out.flush();
    }

    /** The values of each post, one list per post in the file's order, in {@link PostColumn} order. */
    List<List<Object>> rows(CaseFile file) {
        PostColumn.Reading reading = new PostColumn.Reading(file.subjectId(), new Redaction(masker));
        return file.posts().stream().map(post -> PostColumn.row(post, reading)).toList();
    }

    private static void writePosts(Worksheet sheet, List<List<Object>> rows) {
        PostColumn[] columns = PostColumn.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].header);
            sheet.width(c, columns[c].width);
        }
        sheet.range(0, 0, 0, columns.length - 1).style().bold().fillColor(HEADER_FILL).set();
        for (int r = 0; r < rows.size(); r++) {
            int at = r + 1;
            for (int c = 0; c < columns.length; c++) {
                Object value = rows.get(r).get(c);
                if (value == null) {
                    continue;
                }
                switch (columns[c].kind) {
                    case TEXT -> sheet.value(at, c, cut((String) value));
                    case NUMBER -> {
                        sheet.value(at, c, (Number) value);
                        sheet.style(at, c).format(value instanceof Double ? EXCEL_SCORE_FORMAT : EXCEL_COUNT_FORMAT).set();
                    }
                    case TIME -> {
                        sheet.value(at, c, (LocalDateTime) value);
                        sheet.style(at, c).format(EXCEL_TIME_FORMAT).set();
                    }
                }
            }
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, rows.size(), columns.length - 1);
    }

    private static void writeAbout(Worksheet sheet, CaseFile file, int postCount) {
        Object[][] lines = {
                {"案件编号", file.caseRecord() == null ? "（无：按政策导出）" : file.caseRecord().id()},
                {"监测对象", file.subjectId()},
                {"政策标题", file.title()},
                {"文号", file.policy() == null ? null : file.policy().documentNumber()},
                {"时间范围", time(file.from()) + " 至 " + time(file.to()) + "（北京时间，含起点，不含终点）"},
                {"帖子数", postCount},
                {"说明", NOTE}};
        sheet.value(0, 0, "项目");
        sheet.value(0, 1, "内容");
        sheet.range(0, 0, 0, 1).style().bold().fillColor(HEADER_FILL).set();
        for (int i = 0; i < lines.length; i++) {
            sheet.value(i + 1, 0, (String) lines[i][0]);
            if (lines[i][1] instanceof Number number) {
                sheet.value(i + 1, 1, number);
            } else if (lines[i][1] != null) {
                sheet.value(i + 1, 1, (String) lines[i][1]);
            }
        }
        sheet.width(0, 12);
        sheet.width(1, 90);
    }

    private static String time(Instant at) {
        return TIME.format(PostColumn.beijing(at));
    }

    private static String cut(String text) {
        if (text.length() <= EXCEL_CELL_LIMIT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(EXCEL_CELL_LIMIT - 2)) ? EXCEL_CELL_LIMIT - 2 : EXCEL_CELL_LIMIT - 1;
        return text.substring(0, end) + "…";
    }

    /** A value as CSV text: empty when null, times in Beijing time, numbers in plain notation, text guarded. */
    static String csvCell(PostColumn column, Object value) {
        if (value == null) {
            return "";
        }
        return switch (column.kind) {
            case TIME -> TIME.format((LocalDateTime) value);
            case NUMBER -> value instanceof Double score ? BigDecimal.valueOf(score).stripTrailingZeros().toPlainString()
                    : value.toString();
            case TEXT -> withoutFormula((String) value);
        };
    }

    /** Text a spreadsheet would take for a formula gets a leading {@code '} (OWASP's advice on CSV injection). */
    static String withoutFormula(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    /** One record, RFC 4180: fields with a comma, a quote or a line break quoted, quotes doubled, CRLF at the end. */
    private static void writeCsvRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(field);
            }
        }
        out.write("\r\n");
    }
}
