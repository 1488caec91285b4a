package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Factor;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.topic.TopicClassifier;
import org.yqsentinel.rules.topic.TopicRules;

class PreIssuanceRiskTest {

    private static final PreIssuanceRisk RISK = new PreIssuanceRisk(RiskRules.load(RuleFiles.bundled()),
            new TopicClassifier(TopicRules.load(RuleFiles.bundled())));

    @Test
    void aFeePolicyForSchoolsIsRiskyAndSaysWhy() {
        PreIssuanceRisk.Assessment assessment = RISK.assess("江城市教育局关于调整中小学课后服务收费标准的通知",
                "基础课后服务每生每学期900元。原减半收取的规定停止执行，困难家庭可申请补贴。");
        assertThat(assessment.factors()).extracting(Factor::name)
                .containsExactly("领域:教育", "诉求词:停止", "诉求词:减半", "诉求词:收费", "诉求词:补贴");
        assertThat(assessment.score()).isEqualTo(0.15 + 0.1 + 0.1 + 0.15 + 0.1, offset(1e-9));
        assertThat(assessment.factors().get(0).explanation()).startsWith("涉及民生领域「教育」（");
    }

    @Test
    void anAdministrativeNoticeCarriesNoRisk() {
        PreIssuanceRisk.Assessment assessment = RISK.assess("关于印发2026年政务公开工作要点的通知",
                "各区人民政府，市政府各部门：现将工作要点印发给你们，请认真贯彻落实。");
        assertThat(assessment.score()).isZero();
        assertThat(assessment.factors()).isEmpty();
    }

    @Test
    void theScoreIsAtMostOne() {
        PreIssuanceRisk.Assessment assessment = RISK.assess("关于城中村改造房屋征收与拆迁补偿及学区调整的通知",
                "取消原有补贴，上调收费，限购，涨价，罚款。医院、养老院、学校一并调整。");
        assertThat(assessment.score()).isEqualTo(1.0);
        assertThat(assessment.factors().size()).isGreaterThan(8);
    }
}
