package org.yqsentinel.ingest.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;

class PolicyPageAdapterTest {

    private static final String URL = "https://www.jiangcheng.gov.cn/zwgk/zcwj/content/post_2024031.html";
    private static final String BODY = "各区住房和城乡建设局:\n请于3月底前完成辖区物业服务检查并报送结果。\n江城市住房和城乡建设局\n2024年3月5日";

    private final PolicyPageAdapter adapter = new PolicyPageAdapter(new TextNormalizer());

    @Test
    void realGuangdongPageGivesEveryMetadataFieldOfItsBlock() throws IOException {
        PolicyDocument doc = adapter.adapt(fixture("gd-2016-629.txt"), null);

        assertThat(doc.id()).isEqualTo("粤办函〔2016〕629号");
        assertThat(doc.documentNumber()).isEqualTo("粤办函〔2016〕629号");
        assertThat(doc.documentNumberParts()).isEqualTo(new DocumentNumber("粤办函", 2016, 629));
        assertThat(doc.indexNumber()).as("read from the mangled key 引号").isEqualTo("006939748/2016-01043");
        assertThat(doc.category()).isEqualTo("综合政务、通知");
        assertThat(doc.issuingOffice()).isEqualTo("广东省人民政府办公厅");
        assertThat(doc.writtenOn()).isEqualTo(LocalDate.of(2016, 12, 12));
        assertThat(doc.title()).isEqualTo("广东省人民政府办公厅关于推进阳光政务建设工作的通知");
        assertThat(doc.publishedOn()).isEqualTo(LocalDate.of(2016, 12, 16));
        assertThat(doc.subjectWords()).as("主题词: is empty on the page").isEmpty();
        assertThat(doc.url()).isNull();
    }

    @Test
    void realGuangdongBodyRunsFromTheAddresseeToTheSignatureDateWithoutPageFurniture() throws IOException {
        String body = adapter.adapt(fixture("gd-2016-629.txt"), URL).body();

        assertThat(body).startsWith("各地级以上市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构:\n为贯彻落实省阳光政务建设经验推介现场会精神,")
                .endsWith("有关情况及时报省府办公厅。省府办公厅将适时对各地、各部门推进阳光政务建设工作情况开展督查。\n省府办公厅\n2016 年 12 月 12 日")
                .contains("\n二、创新政府系统决策运行监督机制。各地、各部门要认真借鉴省交通运输厅四级决策监督运行机制,")
                .contains("建立健全权力运行内部监督问责机制,明确各层级监督责任,畅通线上线下监督渠道")
                .doesNotContain("**", "#", "浏览次数", "3618", "粤办函", "阳光政 务");
        assertThat(body.lines()).hasSize(12);
    }

    @Test
    void htmlTablePageGivesItsFieldsWithTheDocumentNumberInCanonicalBrackets() throws IOException {
        PolicyDocument doc = adapter.adapt(fixture("jc-2024-sjj-3.html"), URL);

        assertThat(doc.id()).isEqualTo("江数管规〔2024〕3号");
        assertThat(doc.documentNumber()).as("written 江数管规（2024）3号").isEqualTo("江数管规〔2024〕3号");
        assertThat(doc.documentNumberParts()).isEqualTo(new DocumentNumber("江数管规", 2024, 3));
        assertThat(doc.indexNumber()).isEqualTo("JC-SJJ/2024-00031");
        assertThat(doc.category()).isEqualTo("科技、信息产业");
        assertThat(doc.issuingOffice()).isEqualTo("江城市数据管理局");
        assertThat(doc.writtenOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(doc.title()).isEqualTo("江城市数据管理局关于印发《江城市公共数据开放管理办法》的通知");
        assertThat(doc.publishedOn()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(doc.subjectWords()).containsExactly("数据", "开放", "管理");
        assertThat(doc.url()).isEqualTo(URL);
    }

    @Test
    void htmlTablePageBodyHasEntitiesDecodedAndNoScriptNavigationOrFooter() throws IOException {
        String body = adapter.adapt(fixture("jc-2024-sjj-3.html"), URL).body();

        assertThat(body).startsWith("各区人民政府,市政府各部门、各直属机构:\n《江城市公共数据开放管理办法》已经市人民政府同意,")
                .endsWith("立即暂停开放并报告市数据管理局。\n江城市数据管理局\n2024年3月5日")
                .contains("按照“以开放为常态、不开放为例外”的原则,分为无条件开放、有条件开放和不予开放三类, 由数据提供单位")
                .contains("依托江城市数据开放&共享平台统一发布开放数据,单个数据集更新周期<30天的")
                .doesNotContain("&nbsp;", "&ldquo;", "&amp;", "\u00A0", "visitCounter", "getElementById", "_hmt",
                        "当前位置", "网站标识码", "分享到", "浏览次数", "发布时间", "江数管规");
    }

    @Test
    void htmlDivRowPageGivesSimplifiedFieldsAndTheBracketedNumberInCanonicalForm() throws IOException {
        PolicyDocument doc = adapter.adapt(fixture("jc-2024-zfb-12.html"), URL);

        assertThat(doc.id()).isEqualTo("江府办函〔2024〕12号");
        assertThat(doc.documentNumber()).as("written 江府办函[2024]第12号").isEqualTo("江府办函〔2024〕12号");
        assertThat(doc.documentNumberParts()).isEqualTo(new DocumentNumber("江府办函", 2024, 12));
        assertThat(doc.indexNumber()).isEqualTo("JC-ZFB/2024-00112");
        assertThat(doc.category()).isEqualTo("城乡建设、住房保障");
        assertThat(doc.issuingOffice()).as("written 辦公室").isEqualTo("江城市人民政府办公室");
        assertThat(doc.writtenOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(doc.publishedOn()).as("time 16:20 ignored").isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(doc.title()).isEqualTo("江城市人民政府办公室关于做好2024年老旧小区改造工作的通知");
        assertThat(doc.subjectWords()).containsExactly("城乡建设", "住房", "通知");
        assertThat(doc.body()).startsWith("各区人民政府,江城经济开发区管委会,市政府各部门:\n为加快推进我市老旧小区改造,")
                .endsWith("方可实施。\n江城市人民政府办公室\n2024年3月5日")
                .contains("鼓励居民通过“微改造”方式出资参与")
                .doesNotContain("辦", "document.write", "visitCount", "您现在的位置", "互动交流", "字号", "主办", "©");
    }

    static Stream<Arguments> layouts() {
        String spaced = "索引号: JC-ZJJ/2024-00007    发布机构: 江城市住房和城乡建设局\n"
                + "成文日期: 2024-03-05    名称: 江城市住房和城乡建设局关于开展物业服务检查的通知\n"
                + "文号: 江建函〔2024〕7号    发布日期: 2024-03-06\n主题词: 物业、检查\n\n";
        return Stream.of(
                Arguments.of("pairs separated by tabs", spaced.replace("    ", "\t") + BODY),
                Arguments.of("pairs separated by several spaces", spaced + BODY),
                Arguments.of("one pair a line", spaced.replace("    ", "\n") + BODY),
                Arguments.of("pairs concatenated on one line", spaced.replace("    ", "").replace("\n", "").replace(": ", ":")
                        + "\n" + BODY),
                Arguments.of("full-width colons and keys spaced to a column", spaced.replace(": ", "：").replace("名称", "标　　题")
                        .replace("文号", "发文字号") + BODY),
                Arguments.of("HTML key and value on lines of their own", """
                        <dl><dt>索引号：</dt><dd>JC-ZJJ/2024-00007</dd><dt>发布机构：</dt><dd>江城市住房和城乡建设局</dd>
                        <dt>成文日期：</dt><dd>2024年03月05日</dd><dt>名称：</dt><dd>江城市住房和城乡建设局关于开展物业服务检查的通知</dd>
                        <dt>文号：</dt><dd>江建函〔2024〕7号</dd><dt>发布日期：</dt><dd>2024年03月06日</dd><dt>主题词：</dt><dd>物业 检查</dd></dl>
                        <div class="article-content"><p>各区住房和城乡建设局：</p><p>请于3月底前完成辖区物业服务检查并报送结果。</p>
                        <p>江城市住房和城乡建设局</p><p>2024年3月5日</p></div>"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void metadataIsSplitOnTheKnownKeysWhateverSeparatesThePairs(String layout, String page) {
        PolicyDocument doc = adapter.adapt(page, null);

        assertThat(doc.id()).isEqualTo("江建函〔2024〕7号");
        assertThat(doc.indexNumber()).isEqualTo("JC-ZJJ/2024-00007");
        assertThat(doc.issuingOffice()).isEqualTo("江城市住房和城乡建设局");
        assertThat(doc.writtenOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(doc.title()).isEqualTo("江城市住房和城乡建设局关于开展物业服务检查的通知");
        assertThat(doc.publishedOn()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(doc.subjectWords()).containsExactly("物业", "检查");
        assertThat(doc.body()).isEqualTo(BODY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2016-12-12                | 2016-12-12
            2016/12/12                | 2016-12-12
            2016.12.12                | 2016-12-12
            2016年12月12日            | 2016-12-12
            2016年3月5日              | 2016-03-05
            2016 年 3 月 5 日         | 2016-03-05
            2016-12-12 09:30:00       | 2016-12-12
            2016年12月12日 09:30      | 2016-12-12
            ２０１６－１２－１２      | 2016-12-12
            """)
    void datesAreReadInThePortalsWritings(String written, LocalDate expected) {
        PolicyDocument doc = adapter.adapt("索引号: JC/2016-1\n名称: 通知\n成文日期: " + written + "\n发布日期: " + written + "\n正文", null);

        assertThat(doc.writtenOn()).isEqualTo(expected);
        assertThat(doc.publishedOn()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            month 13 in 发布日期             | 发布日期: 2016-13-45            | unparseable date "2016-13-45" in 发布日期
            no 30 February in 成文日期       | 成文日期: 2016年2月30日         | unparseable date "2016年2月30日" in 成文日期
            words instead of a date          | 发布日期: 上周五                | unparseable date "上周五" in 发布日期
            date followed by other text      | 发布时间: 2016-12-16 星期五     | unparseable date "2016-12-16 星期五" in 发布时间
            """)
    void unreadableDateIsRejectedNamingTheFieldAndTheValue(String why, String dateLine, String reason) {
        InvalidRecord error = reject("文号: 粤办函〔2016〕629号\n名称: 通知\n" + dateLine + "\n正文", null);

        assertThat(error.code()).as(why).isEqualTo(RejectCode.BAD_TIME);
        assertThat(error.getMessage()).startsWith(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prose without metadata            | 今天天气很好,我们去公园散步。\\n回来以后写了日记。                    |      | NOT_A_POLICY_PAGE | no policy metadata block (索引号, 发布机构, 文号, …) found
            HTML prose without metadata        | <div><p>今天天气很好。</p><p>回来以后写了日记。</p></div>            | URL  | NOT_A_POLICY_PAGE | no policy metadata block
            news page with only a heading      | <h1>江城举办美食节</h1><p>周末的美食节吸引了很多市民。</p>            | URL  | NOT_A_POLICY_PAGE | no policy metadata block
            metadata without title or heading  | 索引号: JC/2024-1\\n发布机构: 江城市人民政府\\n各区人民政府:\\n正文。 | URL  | MISSING_FIELD     | missing 名称/标题 (the document's title)
            no 文号, 索引号 or URL               | 发布机构: 江城市人民政府\\n名称: 关于开展检查的通知\\n正文。          |      | NO_ID             | no 文号, 索引号 or URL to identify the document
            blank page                         | '  '                                                                 | URL  | EMPTY             | empty page
            """)
    void pagesThatAreNoUsablePolicyDocumentAreRejectedWithAReason(String why, String page, String url, RejectCode code,
            String reason) {
        InvalidRecord error = reject(page.replace("\\n", "\n"), url == null ? null : URL);

        assertThat(error.code()).as(why).isEqualTo(code);
        assertThat(error.getMessage()).startsWith(reason);
    }

    @Test
    void withoutADocumentNumberTheIndexNumberIsTheId() {
        PolicyDocument doc = adapter.adapt("索引号: JC-ZFB/2024-00112\n名称: 关于开展检查的通知\n正文。", URL);

        assertThat(doc.id()).isEqualTo("idx:JC-ZFB/2024-00112");
        assertThat(doc.documentNumber()).isNull();
        assertThat(doc.documentNumberParts()).isNull();
    }

    @Test
    void documentNumberThatDoesNotParseIsKeptAsWrittenAndTheIndexNumberIsTheId() {
        PolicyDocument doc = adapter.adapt("索引号: JC-ZFB/2024-00112\n文号: 江府办函2024年12号\n名称: 关于开展检查的通知\n正文。", URL);

        assertThat(doc.id()).isEqualTo("idx:JC-ZFB/2024-00112");
        assertThat(doc.documentNumber()).isEqualTo("江府办函2024年12号");
        assertThat(doc.documentNumberParts()).isNull();
    }

    @Test
    void withoutDocumentNumberAndIndexNumberTheIdIsAStableHashOfTheUrl() throws Exception {
        String page = "发布机构: 江城市人民政府\n名称: 关于开展检查的通知\n正文。";
        String expected = "url:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(URL.getBytes(StandardCharsets.UTF_8))).substring(0, 20);

        assertThat(adapter.adapt(page, URL).id()).isEqualTo(expected).matches("url:[0-9a-f]{20}");
        assertThat(adapter.adapt(page, " " + URL + " ").id()).isEqualTo(expected);
    }

    @Test
    void documentNumberOnTheDocumentsMastheadServesWhenTheBlockHasNone() {
        PolicyDocument doc = adapter.adapt("索引号: JC/2024-1\n名称: 关于开展检查的通知\n\n江府办函（2024）5号\n各区人民政府:\n正文。", null);

        assertThat(doc.id()).isEqualTo("江府办函〔2024〕5号");
        assertThat(doc.body()).isEqualTo("各区人民政府:\n正文。");
    }

    @Test
    void onlyTheMetadataBlockCountsSoLaterPageLinesDoNotOverrideIt() {
        PolicyDocument doc = adapter.adapt("""
                名称: 关于开展检查的通知\t发布日期: 2016-12-16
                文号: 粤办函〔2016〕629号\t主题词:\t分类: 通知

                # 关于开展检查的通知

                发布日期: 2017-01-01 浏览次数: 5
                各区人民政府:
                正文。
                来源: 江城市人民政府 浏览次数: 5
                """, null);

        assertThat(doc.publishedOn()).isEqualTo(LocalDate.of(2016, 12, 16));
        assertThat(doc.subjectWords()).as("empty 主题词 does not swallow 分类").isEmpty();
        assertThat(doc.category()).isEqualTo("通知");
        assertThat(doc.body()).isEqualTo("各区人民政府:\n正文。");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text heading with a stray space        | 索引号: JC/2024-1\\n\\n# 关于推进阳光政 务建设的通知\\n各区人民政府:\\n正文。
            text heading above the block           | ## 关于推进阳光政务建设的通知\\n索引号: JC/2024-1\\n各区人民政府:\\n正文。
            HTML h1                                | <h1>关于推进阳光政务建设的通知</h1><p>索引号：JC/2024-1</p><p>各区人民政府：</p><p>正文。</p>
            HTML title element, traditional        | <p>索引号：JC/2024-1</p><div class="article-title">關於推進陽光政務建設的通知</div><p>各区人民政府：</p><p>正文。</p>
            """)
    void withoutNameOrTitleInTheBlockThePagesHeadingIsTheTitle(String why, String page) {
        PolicyDocument doc = adapter.adapt(page.replace("\\n", "\n"), null);

        assertThat(doc.title()).as(why).isEqualTo("关于推进阳光政务建设的通知");
        assertThat(doc.id()).isEqualTo("idx:JC/2024-1");
        assertThat(doc.body()).isEqualTo("各区人民政府:\n正文。");
    }

    @Test
    void pageStartingWithAByteOrderMarkAndWhitespaceBeforeItsFirstTagIsReadAsHtml() {
        PolicyDocument doc = adapter.adapt("\uFEFF \n <div><span>文号：</span>江府办函〔2024〕5号</div>"
                + "<div><span>标题：</span>关于开展检查的通知</div><div class=\"article-content\"><p>正文。</p></div>", null);

        assertThat(doc.id()).isEqualTo("江府办函〔2024〕5号");
        assertThat(doc.body()).isEqualTo("正文。");
    }

    private InvalidRecord reject(String page, String url) {
        InvalidRecord error = catchThrowableOfType(InvalidRecord.class, () -> adapter.adapt(page, url));
        assertThat(error).as("rejected").isNotNull();
        return error;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PolicyPageAdapterTest.class.getResourceAsStream("/policy/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
