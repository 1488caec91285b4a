package org.yqsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The random draws both simulators share. */
class DrawsTest {

    private static final double[] WEIGHTS = {1, 2, 3};

    @ParameterizedTest
    @CsvSource({"0, 0", "0.99, 0", "1, 1", "2.99, 1", "3, 2", "5.99, 2"})
    void anIndexIsWhereTheRunningSumOfTheWeightsPassesTheRoll(double roll, int index) {
        assertThat(Draws.index(WEIGHTS, roll, -1)).isEqualTo(index);
    }

    @Test
    void aRollTheWeightsDoNotSpendGivesTheFallback() {
        assertThat(Draws.index(WEIGHTS, 6, 0)).isZero();
        assertThat(Draws.index(WEIGHTS, 6, 2)).isEqualTo(2);
    }

    @Test
    void weightsThatSumToOneDrawEachIndexAboutAsOftenAsItsWeight() {
        Random rnd = new Random(7);
        int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            counts[Draws.weighted(rnd, new double[] {0.2, 0, 0.8})]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0]).isBetween(1_800, 2_200);
        assertThat(counts[2]).isBetween(7_800, 8_200);
    }

    @Test
    void theSameSeedPicksAndShufflesTheSame() {
        String[] options = {"码住", "转给家长群", "先收藏", "了解一下"};
        Random first = new Random(11);
        Random second = new Random(11);
        assertThat(Draws.pick(first, options)).isEqualTo(Draws.pick(second, options));
        assertThat(Draws.shuffled(first, options)).isEqualTo(Draws.shuffled(second, options))
                .containsExactlyInAnyOrder(options);
    }
}
