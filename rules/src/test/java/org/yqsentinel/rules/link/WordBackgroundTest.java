package org.yqsentinel.rules.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordBackgroundTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void commonWordsWeighLessThanRareOnes() {
        WordBackground background = new WordBackground(7);
        for (int i = 0; i < 100; i++) {
            background.observe(DAY_ONE, i < 10 ? List.of("通知", "学区房") : List.of("通知", "通知"));
        }
        assertThat(background.posts()).isEqualTo(100);
        assertThat(background.idf("学区房")).isGreaterThan(background.idf("通知"));
        assertThat(background.idf("从未见过")).isGreaterThan(background.idf("学区房"));
        assertThat(background.idf("通知")).isEqualTo(Math.log(101.0 / 101.0) + 1);
    }

    @Test
    void daysOlderThanTheSpanAreForgotten() {
        WordBackground background = new WordBackground(2);
        background.observe(DAY_ONE, List.of("台风"));
        background.observe(DAY_ONE.plus(Duration.ofDays(1)), List.of("暴雨"));
        long before = background.version();
        background.observe(DAY_ONE.plus(Duration.ofDays(2)), List.of("暴雨"));
        assertThat(background.posts()).isEqualTo(2);
        assertThat(background.idf("台风")).isEqualTo(background.idf("从未见过"));
        assertThat(background.version()).isGreaterThan(before);
        background.observe(DAY_ONE, List.of("台风"));  // too old now: not counted
        assertThat(background.posts()).isEqualTo(2);
    }

    @Test
    void aBackgroundRestoredFromItsBytesWeighsAndForgetsAsTheOriginal() {
        WordBackground original = new WordBackground(2);
        original.observe(DAY_ONE, List.of("台风", "停课"));
        original.observe(DAY_ONE.plus(Duration.ofDays(1)), List.of("暴雨", "停课"));
        WordBackground restored = WordBackground.fromBytes(original.toBytes());
        assertThat(restored.posts()).isEqualTo(2);
        assertThat(restored.version()).isEqualTo(original.version());
        for (String word : List.of("台风", "停课", "暴雨", "从未见过")) {
            assertThat(restored.idf(word)).isEqualTo(original.idf(word));
        }
        original.observe(DAY_ONE.plus(Duration.ofDays(2)), List.of("暴雨"));
        restored.observe(DAY_ONE.plus(Duration.ofDays(2)), List.of("暴雨"));
        assertThat(restored.idf("台风")).isEqualTo(original.idf("台风")).isEqualTo(original.idf("从未见过"));
        assertThat(restored.posts()).isEqualTo(original.posts()).isEqualTo(2);
    }
}
