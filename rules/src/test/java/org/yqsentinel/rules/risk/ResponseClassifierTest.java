package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.rules.RuleFiles;

class ResponseClassifierTest {

    private static final List<ResponseClassRule> RULES = RiskRules.load(RuleFiles.bundled()).responseClasses();
    private static final List<Factor> CALM = List.of(new Factor("reach", 1000, 0.1, 20, "传播范围"), new Factor("influential", 1, 0.2, 10, "大V"));

    @Test
    void aLivelihoodPolicyWhosePostsTalkOfMoneyConcernsPeoplesOwnInterestsWithItsEvidence() {
        List<ResponseClass> classes = ResponseClassifier.classify(RULES, "教育", Map.of("涨价", 23L, "收费", 17L, "学费", 2L, "负担", 1L), CALM);

        assertThat(classes).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("涉及切身利益");
            assertThat(c.evidence()).isEqualTo("政策主题“教育”；帖文提及“涨价”23 条、“收费”17 条、“学费”2 条");
            assertThat(c.advice()).startsWith("涉及群众切身利益");
        });
    }

    @Test
    void theSameWordsOnAPolicyOfNoLivelihoodTopicOrTooFewPostsAreNoClass() {
        assertThat(ResponseClassifier.classify(RULES, "营商环境", Map.of("涨价", 23L), CALM)).isEmpty();
        assertThat(ResponseClassifier.classify(RULES, "教育", Map.of("涨价", 2L, "收费", 2L), CALM)).isEmpty();
        assertThat(ResponseClassifier.classify(RULES, null, Map.of(), CALM)).isEmpty();
    }

    @Test
    void rumoursAnAccidentAndAHotTopicAreEachTheirClassInTheFilesOrder() {
        List<Factor> hot = List.of(new Factor("reach", 4_000_000, 1.0, 20, "传播范围"), new Factor("influential", 8, 0.9, 10, "大V"),
                new Factor("spread", 7, 0.85, 15, "扩散面"));

        List<ResponseClass> classes = ResponseClassifier.classify(RULES, "安全生产", Map.of("谣言", 4L, "辟谣", 2L, "爆炸", 9L, "受伤", 6L), hot);

        assertThat(classes).extracting(ResponseClass::name).containsExactly("误解误读", "突发事件", "社会热点");
        assertThat(classes.get(0).evidence()).isEqualTo("帖文提及“谣言”4 条、“辟谣”2 条");
        assertThat(classes.get(2).evidence()).isEqualTo("传播范围 1.00、大V与认证账号 0.90、扩散面 0.85");
        List<Factor> narrow = List.of(hot.get(0), hot.get(1), new Factor("spread", 2, 0.25, 15, "扩散面"));
        assertThat(ResponseClassifier.classify(RULES, "安全生产", Map.of(), narrow)).as("wide but in one place: no hot topic").isEmpty();
    }
}
