package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RiskFactorTest {

    @ParameterizedTest
    @CsvSource({"volume, 声量", "negative-share, 负面占比", "alarm, 愤怒与恐慌", "pre-issuance, 出台前风险"})
    void labelOfAKeyIsTheFactorsChineseLabel(String key, String label) {
        assertThat(RiskFactor.labelOf(key)).isEqualTo(label);
    }

    @ParameterizedTest
    @EnumSource(RiskFactor.class)
    void everyFactorsKeyLeadsBackToItsOwnLabel(RiskFactor factor) {
        assertThat(RiskFactor.labelOf(factor.key())).isEqualTo(factor.label()).isNotEqualTo(factor.key());
    }

    @Test
    void anUnknownKeyIsShownAsItIs() {
        assertThat(RiskFactor.labelOf("领域:教育")).isEqualTo("领域:教育");
        assertThat(RiskFactor.labelOf("Volume")).isEqualTo("Volume");
        assertThat(RiskFactor.labelOf(null)).isNull();
    }
}
