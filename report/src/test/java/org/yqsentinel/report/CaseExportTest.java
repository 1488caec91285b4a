package org.yqsentinel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.PolicyLink;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;

class CaseExportTest {

    private static final String POLICY_ID = "江教发〔2026〕7号";
    private static final String PHONE = "13812345678";
    private static final String ID_NUMBER = idCard("44010619900307123");
    private static final String FORMULA = "=HYPERLINK(\"http://example.com/x\",\"点我看原图\")";
    private static final List<String> HEADER = List.of("发布时间", "渠道", "来源", "作者", "粉丝数", "标题", "正文", "情感", "情感分值",
            "情绪", "情绪分值", "关联依据", "关联置信度", "转载自", "转发自", "转评赞", "链接", "条目ID");

    /** One export for the class: its masker loads the name lexicon. */
    private static final CaseExport EXPORT = new CaseExport();

    @TempDir
    Path dir;

    @Test
    void csvStartsWithAByteOrderMarkAndEndsEveryRecordWithCrLf() throws IOException {
        byte[] csv = csv(caseFile());

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", HEADER) + "\r\n").endsWith("\r\n");
    }

    @Test
    void csvHasTheChineseHeaderAndOnePostPerRowInTheFilesOrder() throws IOException {
        List<List<String>> rows = parseCsv(csv(caseFile()));

        assertThat(rows.get(0)).containsExactlyElementsOf(HEADER);
        assertThat(rows).hasSize(1 + caseFile().posts().size()).allSatisfy(row -> assertThat(row).hasSize(HEADER.size()));
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(17))
                .containsExactlyElementsOf(caseFile().posts().stream().map(post -> post.item().id()).toList());
        assertThat(rows.get(1)).containsExactly("2026-03-02 09:15:30", "新闻网站", "江城日报", "江城日报", "520000",
                "江城调整中小学课后服务收费标准", "记者从市教育局获悉，\"课后服务\"收费将调整, 每生每学期不超过600元。", "中性", "0.05",
                "平静", "0.7", "文号: 江教发〔2026〕7号", "1", "", "", "180", "https://news.example.cn/a/1", "news:1");
    }

    @Test
    void quotesCommasAndLineBreaksInTextRoundTripThroughTheCsv() throws IOException {
        List<List<String>> rows = parseCsv(csv(caseFile()));

        assertThat(rows.get(1).get(6)).isEqualTo("记者从市教育局获悉，\"课后服务\"收费将调整, 每生每学期不超过600元。");
        assertThat(rows.get(2).get(6)).isEqualTo("第一行：孩子学校又涨价了\n第二行：有事打我电话138****5678\n第三行，完");
    }

    @Test
    void csvPrefixesTextASpreadsheetWouldRunAsAFormulaButNotNegativeNumbers() throws IOException {
        List<List<String>> rows = parseCsv(csv(caseFile()));

        assertThat(rows.get(6).get(6)).isEqualTo("'" + FORMULA);
        assertThat(rows.get(7).get(6)).isEqualTo("'-- 转发微博");
        assertThat(rows.get(7).get(5)).isEqualTo("'+1 同意楼上");
        assertThat(rows.get(8).get(6)).isEqualTo("'@江城发布 怎么回事？");
        assertThat(rows.get(2).get(8)).isEqualTo("-0.823");
        assertThat(CaseExport.withoutFormula("＝全角等号不是公式")).isEqualTo("＝全角等号不是公式");
    }

    @Test
    void phoneAndIdNumbersInPostsAppearInNeitherFormat() throws IOException {
        CaseFile file = caseFile();
        String csv = new String(csv(file), StandardCharsets.UTF_8);
        List<String> xlsxTexts = xlsxRows(xlsx(file)).stream().flatMap(List::stream).toList();

        assertThat(csv).doesNotContain(PHONE).doesNotContain(ID_NUMBER).doesNotContain("张晓明")
                .contains("138****5678").contains("440*************");
        assertThat(xlsxTexts).noneMatch(text -> text.contains(PHONE) || text.contains(ID_NUMBER) || text.contains("张晓明"));
    }

    @Test
    void personalAuthorsAreMaskedAndInstitutionsKeepTheirNames() throws IOException {
        List<List<String>> rows = parseCsv(csv(caseFile()));

        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(3)).containsExactly(
                "江城日报", "张**", "李*****", "江城发布", "江城市教育局", "王*", "赵**", "", "江城教育科技有限公司", "周*");
    }

    @Test
    void theSourceOfAPostByAPrivateAccountIsMaskedAsItsAuthorIs() throws IOException {
        Sentiment negative = new Sentiment(-0.6, Sentiment.Label.NEGATIVE);
        Emotion angry = new Emotion(Emotion.Label.ANGRY, 0.7);
        CaseFile file = new CaseFile(null, null, POLICY_ID, Instant.parse("2026-03-01T16:00:00Z"), Instant.parse("2026-03-08T16:00:00Z"),
                null, null, List.of(
                        post("weibo:21", Channel.WEIBO, "2026-03-02T02:00:00Z", "财经评论员周航", new Author("财经评论员周航", 2_080_000L, true,
                                "personal"), null, "又涨价了", negative, angry, List.of(), Engagement.NONE, null, null, null),
                        post("weibo:22", Channel.WEIBO, "2026-03-02T03:00:00Z", "江城发布", new Author("江城发布", 2_100_000L, true,
                                "government"), null, "通知", negative, angry, List.of(), Engagement.NONE, null, null, null)), null);

        List<List<String>> rows = parseCsv(csv(file));

        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(2), row -> row.get(3))
                .containsExactly(tuple("财******", "财******"), tuple("江城发布", "江城发布"));
    }

    @ParameterizedTest(name = "{0} ({1}, verified {2}) → {3}")
    @CsvSource(nullValues = "null", value = {
            "张小明,       personal,     false, 张**",
            "张小明,       personal,     true,  张**",
            "李四喜欢跑步, null,         false, 李*****",
            "江城发布,     null,         true,  江城发布",
            "江城市教育局, government,   false, 江城市教育局",
            "江城日报,     media,        false, 江城日报",
            "某某科技,     enterprise,   false, 某某科技",
            "江城红十字会, organization, false, 江城红十字会",
            "王,           personal,     false, 王",
            "𠀀二三,       personal,     false, 𠀀**",
            "某某号,       blogger,      true,  某**"})
    void authorNamesShowOnlyTheFirstCharacterForPersonalAccounts(String name, String type, boolean verified, String shown) {
        assertThat(Redaction.accountName(new Author(name, null, verified, type))).isEqualTo(shown);
    }

    @Test
    void linkEvidenceNamesOnlyTheCasesPolicyJoinedBySemicolons() throws IOException {
        List<List<String>> rows = parseCsv(csv(caseFile()));

        assertThat(rows.get(5).subList(11, 13)).containsExactly("文号: 江教发〔2026〕7号；简称: 《课后服务收费标准》", "1");
        assertThat(rows.get(9).subList(11, 13)).containsExactly("主题: 课后服务、收费、涨价", "0.612");
    }

    @Test
    void xlsxHoldsTheSameRowsAsTheCsvWithoutTheFormulaPrefix() throws IOException {
        CaseFile file = caseFile();
        List<List<String>> csv = parseCsv(csv(file));
        List<List<String>> xlsx = xlsxRows(xlsx(file));

        assertThat(xlsx).hasSameSizeAs(csv);
        for (int r = 0; r < csv.size(); r++) {
            List<String> expected = csv.get(r).stream().map(CaseExportTest::withoutFormulaPrefix).toList();
            assertThat(xlsx.get(r)).as("row %d", r).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void xlsxWritesNumbersAsNumbersTimesAsDatesAndFormulaLikeTextAsText() throws IOException {
        ReadingOptions withFormats = new ReadingOptions(true, false);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx(caseFile())), withFormats)) {
            List<Row> rows = workbook.findSheet(CaseExport.POSTS_SHEET).orElseThrow().read();
            Row weibo = rows.get(2);

            assertThat(weibo.getCell(0).getType()).isEqualTo(CellType.NUMBER);
            assertThat(weibo.getCell(0).getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
            assertThat(weibo.getCell(0).asDate()).isEqualTo("2026-03-02T10:00:00");
            for (int column : new int[] {4, 8, 10, 12, 15}) {
                assertThat(weibo.getCell(column).getType()).as(HEADER.get(column)).isEqualTo(CellType.NUMBER);
            }
            assertThat(weibo.getCell(4).asNumber()).isEqualByComparingTo("1234");
            assertThat(weibo.getCell(8).asNumber()).isEqualByComparingTo("-0.823");
            Cell formula = rows.get(6).getCell(6);
            assertThat(formula.getType()).isEqualTo(CellType.STRING);
            assertThat(formula.getFormula()).isNull();
            assertThat(formula.asString()).isEqualTo(FORMULA);
        }
    }

    @Test
    void xlsxHeaderIsBoldFrozenAndFiltered() throws IOException {
        byte[] xlsx = xlsx(caseFile());
        Map<String, String> parts = unzip(xlsx);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(Sheet::getName)).containsExactly("帖子", "说明");
        }
        String posts = parts.get("xl/worksheets/sheet1.xml");
        assertThat(posts).contains("ySplit=\"1\"").contains("state=\"frozen\"").contains("<autoFilter ref=\"A1:R11\"")
                .contains("<col min=\"7\" max=\"7\" width=\"80");
        assertThat(parts.get("xl/styles.xml")).contains("<b/>");
    }

    @Test
    void xlsxSaysWhatTheExportCovers() throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx(caseFile())))) {
            Map<String, String> about = new TreeMap<>();
            for (Row row : workbook.findSheet(CaseExport.ABOUT_SHEET).orElseThrow().read()) {
                about.put(row.getCellText(0), row.getCellText(1));
            }

            assertThat(about).containsEntry("案件编号", "case:alert:江教发〔2026〕7号:1")
                    .containsEntry("政策标题", "江城市关于调整中小学课后服务收费标准的通知")
                    .containsEntry("文号", POLICY_ID)
                    .containsEntry("时间范围", "2026-03-02 00:00:00 至 2026-03-09 00:00:00（北京时间，含起点，不含终点）")
                    .containsEntry("帖子数", "10");
            assertThat(about.get("说明")).contains("正文已去标识化");
        }
    }

    @Test
    void xlsxCutsTextLongerThanAnExcelCellHolds() throws IOException {
        CaseFile file = caseFile();
        EnrichedItem post = file.posts().get(0);
        String long40k = "课后服务收费".repeat(6_000) + "尾";
        Item item = post.item();
        EnrichedItem longPost = new EnrichedItem(new Item(item.id(), item.channel(), item.sourceId(), item.source(), item.author(),
                item.title(), null, long40k, item.url(), item.publishedAt(), item.engagement(), null, null, null, false, null),
                post.analysis());
        CaseFile longFile = new CaseFile(null, null, POLICY_ID, file.from(), file.to(), null, null, List.of(longPost), null);

        String cell = xlsxRows(xlsx(longFile)).get(1).get(6);

        assertThat(cell).hasSize(CaseExport.EXCEL_CELL_LIMIT).endsWith("…").startsWith("课后服务收费课后服务收费");
        assertThat(parseCsv(csv(longFile)).get(1).get(6)).isEqualTo(long40k);
    }

    @Test
    void anEmptyCaseGivesTheHeaderAloneAndTheStreamIsLeftOpen() throws IOException {
        CaseFile empty = new CaseFile(null, null, "topic:课后服务", Instant.parse("2026-03-01T16:00:00Z"),
                Instant.parse("2026-03-08T16:00:00Z"), null, null, null, null);
        OpenStream csv = new OpenStream();
        OpenStream xlsx = new OpenStream();

        EXPORT.csv(empty, csv);
        EXPORT.xlsx(empty, xlsx);

        assertThat(parseCsv(csv.bytes.toByteArray())).containsExactly(HEADER);
        assertThat(xlsxRows(xlsx.bytes.toByteArray())).containsExactly(HEADER);
        assertThat(csv.closed || xlsx.closed).as("closed the caller's stream").isFalse();
    }

    // ---------------------------------------------------------------- the case

    private static CaseFile caseFile() {
        PolicyDocument policy = new PolicyDocument(POLICY_ID, POLICY_ID, new DocumentNumber("江教发", 2026, 7), null,
                "江城市关于调整中小学课后服务收费标准的通知", "江城市教育局", LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 1),
                "教育", List.of("课后服务", "收费"), "……", "https://jyj.jiangcheng.gov.cn/zcwj/7.html");
        CaseRecord record = new CaseRecord("case:alert:" + POLICY_ID + ":1", POLICY_ID, policy.title(), CaseStatus.ASSESSING,
                Tier.III_YELLOW, Tier.III_YELLOW, "江城市教育局", Instant.parse("2026-03-02T06:00:00Z"), null, null, null,
                null, null, null);
        PolicyLink number = new PolicyLink(POLICY_ID, "DOCUMENT_NUMBER", POLICY_ID, 1.0);
        List<EnrichedItem> posts = List.of(
                post("news:1", Channel.NEWS, "2026-03-02T01:15:30.250Z", "江城日报", new Author("江城日报", 520_000L, true, "media"),
                        "江城调整中小学课后服务收费标准", "记者从市教育局获悉，\"课后服务\"收费将调整, 每生每学期不超过600元。",
                        new Sentiment(0.05, Sentiment.Label.NEUTRAL), new Emotion(Emotion.Label.NEUTRAL, 0.7), List.of(number),
                        new Engagement(30L, 50L, 100L, 9000L), null, null, "https://news.example.cn/a/1"),
                post("weibo:2", Channel.WEIBO, "2026-03-02T02:00:00Z", "微博", new Author("张小明", 1234L, false, "personal"), null,
                        "第一行：孩子学校又涨价了\r\n第二行：有事打我电话" + PHONE + "\r第三行，完",
                        new Sentiment(-0.8234, Sentiment.Label.NEGATIVE), new Emotion(Emotion.Label.ANGRY, 0.9149), List.of(number),
                        new Engagement(12L, 40L, 3L, null), null, null, "https://weibo.com/1/2"),
                post("weibo:3", Channel.WEIBO, "2026-03-02T02:30:00Z", "微博", new Author("李四喜欢跑步", 88L, false, null), null,
                        "网友张晓明称，孩子被班主任体罚后收费还涨了", new Sentiment(-0.6, Sentiment.Label.NEGATIVE),
                        new Emotion(Emotion.Label.SAD, 0.66), List.of(number), null, null, null, "https://weibo.com/1/3"),
                post("weibo:4", Channel.WEIBO, "2026-03-02T03:00:00Z", "微博", new Author("江城发布", 2_100_000L, true, null), null,
                        "【权威发布】关于课后服务收费调整的说明", new Sentiment(0.3, Sentiment.Label.POSITIVE),
                        new Emotion(Emotion.Label.HAPPY, 0.51), List.of(number), new Engagement(300L, 200L, 1000L, null), null,
                        null, "https://weibo.com/2/4"),
                post("wechat:5", Channel.WECHAT, "2026-03-02T04:00:00Z", "江城教育", new Author("江城市教育局", null, true, "government"),
                        "答家长问", "寻人启事式的谣言：身份证号" + ID_NUMBER + "的家长被收费？不实。",
                        new Sentiment(0.1, Sentiment.Label.NEUTRAL), new Emotion(Emotion.Label.SURPRISE, 0.4),
                        List.of(number, new PolicyLink(POLICY_ID, "SHORT_TITLE", "《课后服务收费标准》", 0.9)), null, "news:1",
                        null, "https://mp.weixin.qq.com/s/5"),
                post("weibo:6", Channel.WEIBO, "2026-03-02T05:00:00Z", "微博", new Author("王五", 10L, false, "personal"), null,
                        FORMULA, new Sentiment(-0.2, Sentiment.Label.NEGATIVE), new Emotion(Emotion.Label.FEAR, 0.35),
                        List.of(number), new Engagement(1L, 0L, 0L, null), null, "weibo:2", "https://weibo.com/3/6"),
                post("weibo:7", Channel.WEIBO, "2026-03-02T06:00:00Z", "微博", new Author("赵六六", 5L, false, "personal"),
                        "+1 同意楼上", "-- 转发微博", new Sentiment(0.0, Sentiment.Label.NEUTRAL),
                        new Emotion(Emotion.Label.NEUTRAL, 0.8), List.of(number), null, null, "weibo:2", "https://weibo.com/4/7"),
                post("news:8", Channel.NEWS, "2026-03-02T07:00:00Z", "江城论坛", null, null, "@江城发布 怎么回事？",
                        new Sentiment(-0.1, Sentiment.Label.NEUTRAL), null, List.of(number), null, null, null, null),
                post("wechat:9", Channel.WECHAT, "2026-03-02T08:00:00Z", "江城教育科技",
                        new Author("江城教育科技有限公司", 3000L, false, "enterprise"), "托管班招生", "课后服务收费涨价，不如来我们托管班",
                        new Sentiment(0.4, Sentiment.Label.POSITIVE), new Emotion(Emotion.Label.HAPPY, 0.6),
                        List.of(new PolicyLink("粤办函〔2016〕629号", "DOCUMENT_NUMBER", "粤办函〔2016〕629号", 1.0),
                                new PolicyLink(POLICY_ID, "SUBJECT", "课后服务、收费、涨价", 0.61234)),
                        null, null, null, "https://mp.weixin.qq.com/s/9"),
                post("weibo:10", Channel.WEIBO, "2026-03-02T09:00:00Z", "微博", new Author("周杰", 77L, false, "personal"), null,
                        "家长们，一起去教育局问问", new Sentiment(-0.4, Sentiment.Label.NEGATIVE), new Emotion(Emotion.Label.ANGRY, 0.5),
                        List.of(number), null, null, null, "https://weibo.com/5/10"));
        return new CaseFile(record, policy, POLICY_ID, Instant.parse("2026-03-01T16:00:00Z"),
                Instant.parse("2026-03-08T16:00:00Z"), null, null, posts, null);
    }

    private static EnrichedItem post(String id, Channel channel, String publishedAt, String source, Author author, String title,
                                     String text, Sentiment sentiment, Emotion emotion, List<PolicyLink> links,
                                     Engagement engagement, String copyOf, String repostOf, String url) {
        Item item = new Item(id, channel, id.substring(id.indexOf(':') + 1), source, author, title, null, text, url,
                Instant.parse(publishedAt), engagement, null, repostOf, copyOf, false, null);
        return new EnrichedItem(item, new Analysis(List.of(), List.of(), sentiment, emotion, null, null, links));
    }

    /** An 18-digit resident ID number with the check digit of GB 11643. */
    private static String idCard(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    // ---------------------------------------------------------------- reading the files back

    private static byte[] csv(CaseFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORT.csv(file, out);
        return out.toByteArray();
    }

    private static byte[] xlsx(CaseFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORT.xlsx(file, out);
        return out.toByteArray();
    }

    /** RFC 4180: records end with CRLF; a quoted field may hold commas, line breaks and doubled quotes. */
    private static List<List<String>> parseCsv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CR outside quotes is followed by LF").isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("a bare line break outside quotes").isNotEqualTo('\n');
                field.append(c);
            }
        }
        assertThat(quoted).as("an unterminated quoted field").isFalse();
        assertThat(record).as("a last record without CRLF").isEmpty();
        return records;
    }

    /** Each row's cells as the CSV writes them: times as yyyy-MM-dd HH:mm:ss, numbers plain, empty cells empty. */
    private static List<List<String>> xlsxRows(byte[] xlsx) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.findSheet(CaseExport.POSTS_SHEET).orElseThrow().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < HEADER.size(); c++) {
                    Cell cell = row.getOptionalCell(c).orElse(null);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        cells.add("");
                    } else if (cell.getType() == CellType.NUMBER && c == 0) {
                        cells.add(time.format(cell.asDate()));
                    } else if (cell.getType() == CellType.NUMBER) {
                        BigDecimal number = cell.asNumber().stripTrailingZeros();
                        cells.add(number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString());
                    } else {
                        cells.add(cell.asString());
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String withoutFormulaPrefix(String csvField) {
        return csvField.length() > 1 && csvField.charAt(0) == '\'' && "=+-@\t".indexOf(csvField.charAt(1)) >= 0
                ? csvField.substring(1) : csvField;
    }

    /** The parts of an XLSX, read by its central directory as spreadsheets do (its entries have data descriptors). */
    private Map<String, String> unzip(byte[] zip) throws IOException {
        Path file = Files.write(dir.resolve("posts.xlsx"), zip);
        Map<String, String> parts = new TreeMap<>();
        try (ZipFile in = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                parts.put(entry.getName(), new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** A stream that remembers whether it was closed. */
    private static final class OpenStream extends FilterOutputStream {
        final ByteArrayOutputStream bytes;
        boolean closed;

        OpenStream() {
            this(new ByteArrayOutputStream());
        }

        private OpenStream(ByteArrayOutputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
