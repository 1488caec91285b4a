package org.yqsentinel.ingest.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;

/**
 * Portal pages a crawler flattened: the title on a line, the 发布日期 line, the 文号 on a line of its own, a rule,
 * then the document, with no 名称:/文号: labels, and the portal's toolbar and repeated masthead lines mixed in.
 */
class FlattenedPolicyPageTest {

    private static final String URL = "https://www.gd.gov.cn/zwgk/wjk/qbwj/yfb/content/post_2018019.html";
    private static final String GD_TITLE = "广东省人民政府办公厅关于印发广东省促进全域旅游发展实施方案的通知";
    private static final String GD_ADDRESSEE = "各地级以上市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构:";
    private static final String GD_BODY = "各地级以上市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：\n"
            + "《广东省促进全域旅游发展实施方案》已经省人民政府同意，现印发给你们，请认真组织实施。\n"
            + "广东省人民政府办公厅\n2018年5月28日";

    private final PolicyPageAdapter adapter = new PolicyPageAdapter(new TextNormalizer());

    record Page(String file, String title, String number, LocalDate published, String office, String bodyStart,
                String bodyEnd, int bodyLines) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Page> portalPages() {
        return Stream.of(
                new Page("gd-2018-19.txt", GD_TITLE, "粤府办〔2018〕19号", LocalDate.of(2018, 5, 31), "广东省人民政府办公厅",
                        GD_ADDRESSEE + "\n《广东省促进全域旅游发展实施方案》已经省人民政府同意,现印发给你们,",
                        "三、保障措施\n各地要加强组织领导,将全域旅游纳入本地国民经济和社会发展规划,确保各项任务落到实处。", 12),
                new Page("jc-2024-21-repeats.txt", "江城市人民政府办公室关于进一步加强城市内涝防治工作的通知", "江府办〔2024〕21号",
                        LocalDate.of(2024, 4, 2), "江城市人民政府办公室",
                        "各区人民政府,江城经济开发区管委会,市政府各部门:\n为切实做好今年汛期城市内涝防治工作,",
                        "及时发布交通管制信息。\n江城市人民政府办公室\n2024年3月29日", 7),
                new Page("qh-2023-45.txt", "关于做好2023—2024年度冬春农田水利基本建设工作的通知", "清府办〔2023〕45号",
                        LocalDate.of(2023, 11, 15), "清河县人民政府办公室",
                        "各镇人民政府,县直有关单位:\n今冬明春是开展农田水利基本建设的有利时机。",
                        "督导结果纳入年度乡村振兴考核。\n清河县人民政府办公室\n2023年11月10日", 7),
                new Page("moe-2019-6.txt", "教育部办公厅关于做好2019年普通高校招生录取工作的通知", "教学厅函〔2019〕6号",
                        LocalDate.of(2019, 3, 20), "教育部办公厅",
                        "各省、自治区、直辖市教育厅(教委),新疆生产建设兵团教育局,有关部门(单位)教育司(局),部属各高等学校:\n",
                        "及时回应考生和家长关切。\n教育部办公厅\n2019年3月18日", 7),
                new Page("mohrss-2020-45.txt", "人力资源社会保障部财政部关于做好2020年失业保险稳岗返还工作有关问题的通知",
                        "人社部发〔2020〕45号", LocalDate.of(2020, 6, 12), "人力资源社会保障部、财政部",
                        "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅(局)、财政厅(局):\n为贯彻落实党中央、国务院",
                        "确保返还资金及时足额到位。\n人力资源社会保障部 财政部\n2020年6月8日", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portalPages")
    void flattenedPortalPageGivesTitleNumberDateOfficeAndTheDocumentAsBody(Page expected) throws IOException {
        PolicyDocument doc = adapter.adapt(fixture(expected.file()), URL);

        assertThat(doc.title()).isEqualTo(expected.title());
        assertThat(doc.id()).isEqualTo(expected.number());
        assertThat(doc.documentNumber()).isEqualTo(expected.number());
        assertThat(DocumentNumber.parse(expected.number())).contains(doc.documentNumberParts());
        assertThat(doc.publishedOn()).isEqualTo(expected.published());
        assertThat(doc.issuingOffice()).isEqualTo(expected.office());
        assertThat(doc.writtenOn()).as("a flattened page has no 成文日期 field").isNull();
        assertThat(doc.url()).isEqualTo(URL);
        assertThat(doc.body()).startsWith(expected.bodyStart()).endsWith(expected.bodyEnd())
                .doesNotContain(expected.number(), "发布日期", "发布时间", "来源", "浏览次数", "点击数", "字号", "字体", "大 中 小",
                        "打印", "关闭", "分享到", "扫一扫", "当前位置", "首页", "门户网站", "━", "─", "═", "---", "发布机构");
        assertThat(doc.body().lines()).as("the title is not repeated in the body").noneMatch(line -> line.equals(doc.title()));
        assertThat(doc.body().lines()).hasSize(expected.bodyLines());
    }

    static Stream<Arguments> shapes() {
        String title = GD_TITLE + "\n";
        String date = "发布日期：2018-05-31\n";
        String number = "粤府办〔2018〕19号\n";
        String rule = "━━━━━━━━━━━━━━━━━━━━━━━━\n";
        return Stream.of(
                Arguments.of("the shape as crawled", title + date + number + rule + GD_BODY),
                Arguments.of("来源, 浏览次数 and 字号 on the date line", title
                        + "发布日期：2018-05-31　来源：广东省人民政府办公厅　浏览次数：1024　字号：[大 中 小]\n" + number + rule + GD_BODY),
                Arguments.of("来源, 浏览次数 and 字号 on lines of their own", title + date
                        + "来源：广东省人民政府办公厅\n浏览次数：1024\n【字体：大 中 小】\n" + number + rule + GD_BODY),
                Arguments.of("来源 above the date", title + "来源：广东省人民政府办公厅\n" + date + number + rule + GD_BODY),
                Arguments.of("the 文号 before the date", title + number + date + rule + GD_BODY),
                Arguments.of("no rule", title + date + number + GD_BODY),
                Arguments.of("a rule of ─", title + date + number + "────────────────\n" + GD_BODY),
                Arguments.of("a rule of —", title + date + number + "————————————\n" + GD_BODY),
                Arguments.of("a rule of =", title + date + number + "==========================\n" + GD_BODY),
                Arguments.of("a rule of -", title + date + number + "- - - - - - - - - - - -\n" + GD_BODY),
                Arguments.of("date in 年月日", title + "发布日期：2018年05月31日\n" + number + rule + GD_BODY),
                Arguments.of("date with a time", title + "发布日期：2018-05-31 10:20\n" + number + rule + GD_BODY),
                Arguments.of("发布时间 instead of 发布日期", title + "发布时间：2018-05-31 10:20:45\n" + number + rule + GD_BODY),
                Arguments.of("toolbar between title and date", title + "【字体：大 中 小】　打印本页　分享到\n" + date + number + rule + GD_BODY),
                Arguments.of("blank lines and Windows line ends", (title + "\n" + date + "\n" + number + rule + "\n" + GD_BODY)
                        .replace("\n", "\r\n")),
                Arguments.of("the title, 文号 and office repeated above the body", title + date + number + rule
                        + GD_TITLE + "\n" + number + "广东省人民政府办公厅\n" + GD_BODY),
                Arguments.of("the office's 版头 and 发布机构 repeated above the body", title + date + number + rule
                        + "广东省人民政府办公厅文件\n发布机构：广东省人民政府办公厅\n" + GD_BODY),
                Arguments.of("the title repeated wrapped over two lines", title + date + number + rule
                        + "广东省人民政府办公厅关于印发广东省促进\n全域旅游发展实施方案的通知\n" + GD_BODY),
                Arguments.of("HTML paragraphs and a rule", "<div class=\"main\"><p>" + GD_TITLE + "</p><p>发布日期：2018-05-31&nbsp;&nbsp;"
                        + "来源：广东省人民政府办公厅</p><p>粤府办〔2018〕19号</p><hr><div class=\"share\">分享到：微信</div><p>"
                        + GD_BODY.replace("\n", "</p><p>") + "</p></div>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyWritingOfTheFlattenedShapeReadsTheSame(String shape, String page) {
        PolicyDocument doc = adapter.adapt(page, null);

        assertThat(doc.title()).isEqualTo(GD_TITLE);
        assertThat(doc.id()).isEqualTo("粤府办〔2018〕19号");
        assertThat(doc.documentNumberParts()).isEqualTo(new DocumentNumber("粤府办", 2018, 19));
        assertThat(doc.publishedOn()).isEqualTo(LocalDate.of(2018, 5, 31));
        assertThat(doc.issuingOffice()).isEqualTo("广东省人民政府办公厅");
        assertThat(doc.body()).isEqualTo(GD_ADDRESSEE + "\n《广东省促进全域旅游发展实施方案》已经省人民政府同意,现印发给你们,请认真组织实施。\n"
                + "广东省人民政府办公厅\n2018年5月28日");
    }

    @Test
    void titleTheCrawlerWrappedOverTwoLinesIsJoinedWhenTheFirstStartsAnOfficialTitle() {
        PolicyDocument doc = adapter.adapt("广东省人民政府办公厅关于印发广东省促进\n全域旅游发展实施方案的通知\n"
                + "发布日期：2018-05-31\n粤府办〔2018〕19号\n" + GD_BODY, null);

        assertThat(doc.title()).isEqualTo(GD_TITLE);
        assertThat(doc.body()).startsWith(GD_ADDRESSEE);
    }

    @Test
    void lineAboveTheTitleThatStartsNoTitleIsNotJoinedToIt() {
        PolicyDocument doc = adapter.adapt("广东省人民政府\n" + GD_TITLE + "\n发布日期：2018-05-31\n粤府办〔2018〕19号\n" + GD_BODY, null);

        assertThat(doc.title()).isEqualTo(GD_TITLE);
    }

    @Test
    void newsArticleQuotingADocumentNumberDoesNotTakeItAsItsOwn() throws IOException {
        PolicyDocument doc = adapter.adapt(fixture("jc-news-2024-0308.txt"), URL);

        assertThat(doc.title()).isEqualTo("我市老旧小区改造今年将惠及三万户居民");
        assertThat(doc.documentNumber()).isNull();
        assertThat(doc.documentNumberParts()).isNull();
        assertThat(doc.id()).as("no 文号 of its own: the URL identifies it").startsWith("url:");
        assertThat(doc.issuingOffice()).as("来源 江城日报 is no office, the headline no 公文 title").isNull();
        assertThat(doc.publishedOn()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(doc.body()).startsWith("记者日前从市住房和城乡建设局获悉,《江城市人民政府办公室关于做好2024年老旧小区改造工作的通知》"
                        + "(江府办函〔2024〕12号)已于近日印发,")
                .contains("\n江府办函〔2024〕12号\n该负责人表示,")
                .endsWith("(责任编辑:王芳)")
                .doesNotContain("字体", "分享到", "当前位置", "浏览次数");
    }

    @Test
    void documentNumberOnALineOfItsOwnInTheMiddleOfTheBodyIsNotThePages() {
        PolicyDocument doc = adapter.adapt("""
                江城市教育局关于做好寒假安全工作的通知
                发布日期：2024-01-10
                各区教育局，各直属学校：
                请按照下列文件的要求做好寒假安全工作：
                江府办函〔2023〕88号
                江城市教育局
                2024年1月9日
                """, URL);

        assertThat(doc.documentNumber()).isNull();
        assertThat(doc.id()).startsWith("url:");
        assertThat(doc.issuingOffice()).isEqualTo("江城市教育局");
        assertThat(doc.body()).startsWith("各区教育局,各直属学校:").contains("\n江府办函〔2023〕88号\n");
    }

    @Test
    void sourceIsTheIssuingOfficeOnlyWhenItIssuedTheDocumentNumber() {
        String page = "关于印发广东省促进全域旅游发展实施方案的通知\n发布日期：2018-05-31　来源：%s\n粤府办〔2018〕19号\n" + GD_BODY;

        assertThat(adapter.adapt(page.formatted("广东省人民政府办公厅"), null).issuingOffice()).isEqualTo("广东省人民政府办公厅");
        assertThat(adapter.adapt(page.formatted("江城市人民政府办公室"), null).issuingOffice())
                .as("a city portal reprinting the province's document").isNull();
        assertThat(adapter.adapt(page.formatted("广东省文化和旅游厅"), null).issuingOffice())
                .as("a department of the province, but 府办 is the government's office").isNull();
        assertThat(adapter.adapt(page.formatted("南方日报"), null).issuingOffice()).isNull();
    }

    @Test
    void pageWithNothingAboveItsDateButToolbarIsRefusedAsMissingItsTitle() throws IOException {
        InvalidRecord error = reject(fixture("gd-2018-19-no-title.txt"));

        assertThat(error.code()).isEqualTo(RejectCode.MISSING_FIELD);
        assertThat(error.getMessage()).startsWith("missing 名称/标题 (the document's title)").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untitled")
    void lineAboveTheDateThatIsNoTitleLeavesThePageRefused(String why, String above) {
        InvalidRecord error = reject(above + "\n发布日期：2018-05-31\n粤府办〔2018〕19号\n━━━━━━━━\n" + GD_BODY);

        assertThat(error.code()).as(why).isEqualTo(RejectCode.MISSING_FIELD);
    }

    static Stream<Arguments> untitled() {
        return Stream.of(
                Arguments.of("the site's name", "广东省人民政府门户网站"),
                Arguments.of("a sentence", "为贯彻落实省委、省政府部署，现印发实施方案。"),
                Arguments.of("an addressee", "各地级以上市人民政府："),
                Arguments.of("a breadcrumb", "当前位置：首页 > 政务公开 > 文件库"),
                Arguments.of("a date", "2018年05月31日"),
                Arguments.of("the portal's section", "政策文件"));
    }

    @Test
    void officialTitleRightBelowTheRuleIsTheTitleWhenNoneIsAboveTheDate() {
        PolicyDocument doc = adapter.adapt("发布日期：2018-05-31\n粤府办〔2018〕19号\n━━━━━━━━\n" + GD_TITLE + "\n" + GD_BODY, null);

        assertThat(doc.title()).isEqualTo(GD_TITLE);
        assertThat(doc.body()).startsWith(GD_ADDRESSEE);
    }

    @Test
    void documentNumberAndTitleWithoutAnyDateStillMakeAPolicyPage() {
        PolicyDocument doc = adapter.adapt(GD_TITLE + "\n粤府办〔2018〕19号\n━━━━━━━━\n" + GD_BODY, null);

        assertThat(doc.title()).isEqualTo(GD_TITLE);
        assertThat(doc.id()).isEqualTo("粤府办〔2018〕19号");
        assertThat(doc.publishedOn()).isNull();
        assertThat(doc.body()).startsWith(GD_ADDRESSEE);
    }

    @Test
    void aMastheadOfAHundredThousandRepeatedLinesIsReadThroughToItsBody() {
        StringBuilder page = new StringBuilder(GD_TITLE).append("\n发布日期：2018-05-31\n粤府办〔2018〕19号\n");
        for (int i = 0; i < 100_000; i++) {
            page.append(i % 2 == 0 ? "# 第" + i + "部分\n" : "广东省人民政府办公厅\n");
        }
        page.append(GD_BODY);

        PolicyDocument doc = adapter.adapt(page.toString(), null);

        assertThat(doc.body()).isEqualTo(GD_ADDRESSEE + "\n《广东省促进全域旅游发展实施方案》已经省人民政府同意,现印发给你们,请认真组织实施。\n"
                + "广东省人民政府办公厅\n2018年5月28日");
    }

    private InvalidRecord reject(String page) {
        InvalidRecord error = catchThrowableOfType(InvalidRecord.class, () -> adapter.adapt(page, URL));
        assertThat(error).as("rejected").isNotNull();
        return error;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FlattenedPolicyPageTest.class.getResourceAsStream("/policy/flat/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
