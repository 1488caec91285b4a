package org.yqsentinel.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredValues() {
        List<Long> values = new ArrayList<>();
        for (long v = 100; v >= 1; v--) {
            values.add(v);
        }
        Percentiles p = Percentiles.of(values);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void ofFewValuesTheHighPercentileIsTheLargest() {
        Percentiles p = Percentiles.of(List.of(300L, 100L, 200L));
        assertThat(p.at(50)).isEqualTo(200);
        assertThat(p.at(99)).isEqualTo(300);
        assertThat(p.at(1)).isEqualTo(100);
    }

    @Test
    void anEmptySampleHasNoPercentiles() {
        assertThatThrownBy(() -> Percentiles.of(List.of()).at(50)).isInstanceOf(IllegalStateException.class);
    }
}
