package org.yqsentinel.rules.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Region;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.topic.TopicRules;

class PolicyLinkerTest {

    private static final PolicyDocument FEES = new PolicyDocument("江教发〔2026〕18号", "江教发〔2026〕18号",
            new DocumentNumber("江教发", 2026, 18), null, "江城市教育局关于调整中小学课后服务收费标准的通知", "江城市教育局",
            LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), "教育", List.of(), "…", null);
    private static final PolicyDocument HOUSING = new PolicyDocument("江建发〔2026〕7号", "江建发〔2026〕7号",
            new DocumentNumber("江建发", 2026, 7), null, "江城市住房和城乡建设局关于城中村改造房屋征收补偿的通知",
            "江城市住房和城乡建设局", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), "住房", List.of(), "…", null);
    /** Content words of the fee policy as the analyzer gives them (title first; 延时托管 comes as 延时, 托管). */
    private static final List<String> FEE_WORDS = List.of("江城", "市教育局", "调整", "中小学", "课后服务", "收费标准", "通知",
            "课后服务", "基础", "课后服务", "学期", "延时", "托管", "每月", "收费", "低保", "特困", "家庭", "学生", "免收",
            "减半", "收取", "规定", "停止", "执行", "课后服务", "自愿", "收费", "标准");
    private static final List<String> HOUSING_WORDS = List.of("城中村", "改造", "房屋", "征收", "补偿", "安置", "评估", "征收",
            "补偿", "签约", "搬迁", "奖励", "城中村", "改造", "公告", "征收");
    private static final WatchedPolicy FEE_POLICY = watched(FEES, FEE_WORDS, "教育");
    private static final WatchedPolicy HOUSING_POLICY = watched(HOUSING, HOUSING_WORDS, "住房保障");

    private final PolicyLinker linker = new PolicyLinker(RiskRules.load(RuleFiles.bundled()).linking(),
            TopicRules.load(RuleFiles.bundled()), CountedBackground.HANLP_COUNTS);

    private static WatchedPolicy watched(PolicyDocument document, List<String> tokens, String topic) {
        return new WatchedPolicy(document, tokens, 0.5, List.of(), document.issuingOffice(), topic, null);
    }

    private List<PolicyLinker.Link> link(String text, Region... places) {
        return linker.link(new PolicyLinker.Post(null, text, List.of(places)), List.of(FEE_POLICY, HOUSING_POLICY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"江教发〔2026〕18号", "江教发[2026]18号", "江教发（2026）第18号", "江教发 〔2026〕 18 号",
            "江教发【2026】18号", "江教发２０２６年１８号", "江教发2026年第18号"})
    void aDocumentNumberInAnyWrittenFormLinksOutright(String written) {
        List<PolicyLinker.Link> links = link("网传" + written + "文件要求家长缴费，真的假的？");
        assertThat(links).containsExactly(new PolicyLinker.Link(FEES.id(), PolicyLinker.Evidence.DOCUMENT_NUMBER,
                "江教发〔2026〕18号", 1));
    }

    @Test
    void anotherYearSerialOrIssuerIsAnotherDocument() {
        assertThat(link("江教发〔2025〕18号")).isEmpty();
        assertThat(link("江教发〔2026〕81号")).isEmpty();
        assertThat(link("粤教发〔2026〕18号")).isEmpty();
    }

    @Test
    void theTitleOrTheShortTitleInBracketsLinks() {
        assertThat(link("《江城市教育局关于调整中小学课后服务收费标准的通知》出台，家长炸锅了"))
                .extracting(PolicyLinker.Link::evidence, PolicyLinker.Link::confidence)
                .containsExactly(tuple(PolicyLinker.Evidence.TITLE, 0.95));
        assertThat(link("看了《关于调整中小学课后服务收费标准的通知》，每学期要900元"))
                .extracting(PolicyLinker.Link::evidence, PolicyLinker.Link::matched)
                .containsExactly(tuple(PolicyLinker.Evidence.SHORT_TITLE,
                        "关于调整中小学课后服务收费标准的通知"));
    }

    @Test
    void aPostOnThePolicysSubjectInItsOwnWordsLinksWithTheWordsThatMatched() {
        assertThat(link("课后服务费又涨了，一学期九百，谁顶得住"))
                .containsExactly(new PolicyLinker.Link(FEES.id(), PolicyLinker.Evidence.SUBJECT, "课后服务、费、涨、学期", 0.85));
        // fewer words of the subject, less sure: 0.85 × 3 of 4
        assertThat(link("课后托管又涨了"))
                .containsExactly(new PolicyLinker.Link(FEES.id(), PolicyLinker.Evidence.SUBJECT, "课后、托管、涨", 0.638));
    }

    @Test
    void aWordOfTheSubjectAloneOrEverydayWordsAloneDoNotLink() {
        // 课后服务 names the subject, but nothing here tells of fees or of the notice
        assertThat(link("学校的课后服务开了足球和机器人社团，孩子天天说好玩")).isEmpty();
        // 收费、标准、调整、通知 are in the policy but everywhere: a parking fee is not the school fee
        assertThat(link("停车收费标准调整的通知今天执行")).isEmpty();
        assertThat(link("今天比赛真精彩")).isEmpty();
    }

    @Test
    void aWordOfTheBodyNamesTheSubjectOnlyWhenThePolicysTopicConfirmsIt() {
        // 托管 is tied to the title's 课后 by the topic word 课后托管, but it also means server hosting
        assertThat(link("公司服务器托管费一年两万，老板说要换家机房")).isEmpty();
        assertThat(link("托管费一学期又涨了，孩子不去又没人接"))
                .extracting(PolicyLinker.Link::policyId, PolicyLinker.Link::matched)
                .containsExactly(tuple(FEES.id(), "托管、费、学期、涨"));
    }

    @Test
    void aPostAboutAnotherPlaceDoesNotLinkByTheSubjectUnlessItNamesThePolicysOwn() {
        Region shenzhen = new Region("广东", "深圳", null);
        assertThat(link("深圳调整中小学课后服务收费，每学期最高1200元", shenzhen)).isEmpty();
        assertThat(link("深圳的课后服务费都没这么贵，江城这次涨得太猛", shenzhen))
                .extracting(PolicyLinker.Link::evidence).containsExactly(PolicyLinker.Evidence.SUBJECT);
    }

    @Test
    void aPostMayLinkToSeveralPoliciesMostConfidentFirst() {
        List<PolicyLinker.Link> links = link("江建发〔2026〕7号说城中村改造征收补偿，《关于调整中小学课后服务收费标准的通知》也出了");
        assertThat(links).extracting(PolicyLinker.Link::policyId).containsExactly(HOUSING.id(), FEES.id());
    }

    @Test
    void shortTitlesDropTheIssuingOffice() {
        assertThat(PolicyLinker.shortTitles(FEES)).containsExactly("关于调整中小学课后服务收费标准的通知");
    }

    @Test
    void theSubjectIsTheTitlesRareWordsTheBodyWordsTheTopicTiesToThemAndThePolicysOtherRareWords() {
        Map<String, PolicySubject.Role> roles = linker.subject(FEE_POLICY).roles();
        assertThat(roles).containsEntry("课后服务", PolicySubject.Role.CORE).containsEntry("课后", PolicySubject.Role.CORE)
                .containsEntry("托管", PolicySubject.Role.TIED_CORE).containsEntry("延时", PolicySubject.Role.TIED_CORE)
                .containsEntry("减半", PolicySubject.Role.SUBJECT).containsEntry("学期", PolicySubject.Role.SUBJECT)
                .containsEntry("涨价", PolicySubject.Role.REACTION);
        // common words, the issuing office and its place are not the subject; nor is 中小学 (32 in the background), which says who
        assertThat(roles).doesNotContainKeys("通知", "标准", "服务", "江城", "市教育局", "中小学", "学生");
        assertThat(PolicySubject.placeNames("江城市教育局")).containsExactlyInAnyOrder("江城市", "江城");
    }
}
