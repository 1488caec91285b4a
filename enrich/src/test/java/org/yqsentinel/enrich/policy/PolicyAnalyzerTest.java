package org.yqsentinel.enrich.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.risk.WatchedPolicy;

class PolicyAnalyzerTest {

    private static final PolicyAnalyzer ANALYZER = new PolicyAnalyzer(RuleFiles.bundled());

    private static PolicyDocument policy(String title, String issuingOffice, String body) {
        return new PolicyDocument("p", null, null, null, title, issuingOffice, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2),
                null, List.of(), body, null);
    }

    @Test
    void aCityBureausPolicyIsPlacedInItsCityUnderItsMainTopic() {
        WatchedPolicy watched = ANALYZER.watch(policy("广州市教育局关于做好2026年义务教育阶段学校招生工作的通知", "广州市教育局",
                "各区教育局：为做好我市2026年义务教育阶段学校招生工作，保障适龄儿童少年依法接受义务教育，现将有关事项通知如下。"
                        + "公办小学按照学区划分招生范围，民办学校招生纳入统一平台管理，严禁以各类考试选拔学生。"));
        assertThat(watched.topic()).isEqualTo("教育");
        assertThat(watched.region().province()).isEqualTo("广东");
        assertThat(watched.region().city()).isEqualTo("广州");
        assertThat(watched.region().location()).as("the city's coordinates").isNotNull();
        assertThat(watched.subject().topic()).isEqualTo("教育");
        assertThat(watched.subject().region()).isEqualTo(watched.region());
    }

    @Test
    void aProvincialOfficesPolicyIsPlacedInTheProvinceWithoutACity() {
        WatchedPolicy watched = ANALYZER.watch(policy("广东省人民政府办公厅关于推进阳光政务建设工作的通知", "广东省人民政府办公厅",
                "各地级以上市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：为贯彻落实省阳光政务建设经验推介现场会精神，"
                        + "全面推进我省阳光政务建设工作，现将有关事项通知如下。"));
        assertThat(watched.region().province()).isEqualTo("广东");
        assertThat(watched.region().city()).isNull();
    }

    @Test
    void aPolicyWhoseOfficeAndTitleNameNoPlaceHasNoRegionEvenWhenItsBodyDoes() {
        WatchedPolicy watched = ANALYZER.watch(policy("关于进一步规范中小学课后服务收费的通知", null,
                "近期深圳、东莞等地家长反映课后服务收费上涨过快。各学校要严格执行课后服务收费标准，不得强制学生参加。"));
        assertThat(watched.topic()).isEqualTo("教育");
        assertThat(watched.region()).isNull();
        assertThat(watched.subject().region()).isNull();
    }

    @Test
    void aPolicyNoTopicRuleMatchesHasNoTopic() {
        WatchedPolicy watched = ANALYZER.watch(policy("关于印发机关公文处理办法的通知", "市人民政府办公室",
                "现将《机关公文处理办法》印发给你们，请认真贯彻执行。"));
        assertThat(watched.topic()).as("其他 is not a topic to route on").isNull();
    }
}
