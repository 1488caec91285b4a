package org.yqsentinel.rules.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.RiskRules;

class PolicyLinkerTest {

    private static final PolicyDocument FEES = new PolicyDocument("江教发〔2026〕18号", "江教发〔2026〕18号",
            new DocumentNumber("江教发", 2026, 18), null, "江城市教育局关于调整中小学课后服务收费标准的通知", "江城市教育局",
            LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), "教育", List.of(), "…", null);
    private static final PolicyDocument HOUSING = new PolicyDocument("江建发〔2026〕7号", "江建发〔2026〕7号",
            new DocumentNumber("江建发", 2026, 7), null, "江城市住房和城乡建设局关于城中村改造房屋征收补偿的通知",
            "江城市住房和城乡建设局", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), "住房", List.of(), "…", null);
    /** Content words of the fee policy as the analyzer gives them. */
    private static final List<String> FEE_WORDS = List.of("江城", "市教育局", "调整", "中小学", "课后服务", "收费标准", "通知",
            "课后服务", "基础", "课后服务", "学期", "延时托管", "每月", "收费", "延时托管", "低保", "特困", "家庭", "学生", "免收",
            "减半", "收取", "规定", "停止", "执行", "课后服务", "自愿", "收费", "标准");
    private static final List<String> HOUSING_WORDS = List.of("城中村", "改造", "房屋", "征收", "补偿", "安置", "评估", "征收",
            "补偿", "签约", "搬迁", "奖励", "城中村", "改造", "公告", "征收");

    private final PolicyLinker linker = new PolicyLinker(RiskRules.load(RuleFiles.bundled()).linking());
    private final WordBackground background = background();

    /** A stream in which everyday words are common and the policy's own words rare. */
    private static WordBackground background() {
        WordBackground background = new WordBackground(7);
        Instant day = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < 200; i++) {
            background.observe(day.plusSeconds(i * 60L), List.of("今天", "通知", "执行", "规定", "调整", "家庭", "学生", "标准",
                    i % 3 == 0 ? "收费" : "天气", i % 5 == 0 ? "停车" : "比赛"));
        }
        return background;
    }

    private List<PolicyLinker.Link> link(String text, List<String> tokens) {
        return linker.link(null, text, tokens, List.of(new PolicyLinker.Policy(FEES, FEE_WORDS),
                new PolicyLinker.Policy(HOUSING, HOUSING_WORDS)), background);
    }

    @ParameterizedTest
    @ValueSource(strings = {"江教发〔2026〕18号", "江教发[2026]18号", "江教发（2026）第18号", "江教发 〔2026〕 18 号",
            "江教发【2026】18号", "江教发２０２６年１８号", "江教发2026年第18号"})
    void aDocumentNumberInAnyWrittenFormLinksOutright(String written) {
        List<PolicyLinker.Link> links = link("网传" + written + "文件要求家长缴费，真的假的？", List.of("网传", "文件", "家长", "缴费"));
        assertThat(links).containsExactly(new PolicyLinker.Link(FEES.id(), PolicyLinker.Evidence.DOCUMENT_NUMBER,
                "江教发〔2026〕18号", 1));
    }

    @Test
    void anotherYearSerialOrIssuerIsAnotherDocument() {
        assertThat(link("江教发〔2025〕18号", List.of())).isEmpty();
        assertThat(link("江教发〔2026〕81号", List.of())).isEmpty();
        assertThat(link("粤教发〔2026〕18号", List.of())).isEmpty();
    }

    @Test
    void theTitleOrTheShortTitleInBracketsLinks() {
        assertThat(link("《江城市教育局关于调整中小学课后服务收费标准的通知》出台，家长炸锅了", List.of()))
                .extracting(PolicyLinker.Link::evidence, PolicyLinker.Link::confidence)
                .containsExactly(tuple(PolicyLinker.Evidence.TITLE, 0.95));
        assertThat(link("看了《关于调整中小学课后服务收费标准的通知》，每学期要900元", List.of()))
                .extracting(PolicyLinker.Link::evidence, PolicyLinker.Link::matched)
                .containsExactly(tuple(PolicyLinker.Evidence.SHORT_TITLE,
                        "关于调整中小学课后服务收费标准的通知"));
    }

    @Test
    void aPostThatSharesEnoughDistinctiveWordsLinksWithLowerConfidence() {
        List<PolicyLinker.Link> links = link("课后服务收费标准又涨了，延时托管每月80元，减半收取取消了",
                List.of("课后服务", "收费标准", "涨", "延时托管", "每月", "减半", "收取", "取消"));
        assertThat(links).hasSize(1);
        PolicyLinker.Link link = links.get(0);
        assertThat(link.policyId()).isEqualTo(FEES.id());
        assertThat(link.evidence()).isEqualTo(PolicyLinker.Evidence.KEYWORDS);
        assertThat(link.matched()).contains("课后服务", "延时托管");
        assertThat(link.confidence()).isBetween(0.3, PolicyLinker.KEYWORD_CONFIDENCE);
    }

    @Test
    void everydayWordsAloneDoNotLink() {
        // 通知、执行、调整、收费 are in the policy but common in the stream; a parking fee post is not about school fees
        assertThat(link("停车收费标准调整的通知今天执行", List.of("停车", "收费", "标准", "调整", "通知", "今天", "执行"))).isEmpty();
        assertThat(link("今天比赛真精彩", List.of("今天", "比赛", "精彩"))).isEmpty();
    }

    @Test
    void aPostMayLinkToSeveralPoliciesMostConfidentFirst() {
        List<PolicyLinker.Link> links = link("江建发〔2026〕7号说城中村改造征收补偿，《关于调整中小学课后服务收费标准的通知》也出了",
                HOUSING_WORDS);
        assertThat(links).extracting(PolicyLinker.Link::policyId).containsExactly(HOUSING.id(), FEES.id());
    }

    @Test
    void shortTitlesDropTheIssuingOffice() {
        assertThat(PolicyLinker.shortTitles(FEES)).containsExactly("关于调整中小学课后服务收费标准的通知");
    }
}
