package org.yqsentinel.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoreDictionaryBackgroundTest {

    private final CoreDictionaryBackground background = CoreDictionaryBackground.get();

    @Test
    void aKnownWordHasItsCountInTheCoreDictionaryAndNoParts() {
        assertThat(background.frequency("收费")).isEqualTo(101);
        assertThat(background.frequency("托管")).isEqualTo(3);
        assertThat(background.frequency("服务")).isGreaterThan(500);
        assertThat(background.parts("收费")).isEmpty();
    }

    @Test
    void anUnknownCompoundIsAsRareAsItsRarestKnownPart() {
        assertThat(background.parts("课后服务")).containsExactly("课后", "服务");
        assertThat(background.frequency("课后服务")).isEqualTo(background.frequency("课后")).isEqualTo(1);
        assertThat(background.parts("收费标准")).containsExactly("收费", "标准");
        assertThat(background.frequency("收费标准")).isEqualTo(101);
        // nothing known inside: as rare as it gets
        assertThat(background.frequency("晚托")).isZero();
    }
}
