package org.yqsentinel.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongestWait() {
        Backoff backoff = Backoff.ofMillis(100, 1_000);
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(backoff.after(10_000)).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void aLongFirstWaitNeverOverflowsIntoANegativeOne() {
        Backoff backoff = new Backoff(Duration.ofDays(1), Duration.ofDays(3));
        assertThat(backoff.after(64)).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aLongestWaitShorterThanTheFirstIsRefused() {
        assertThatThrownBy(() -> Backoff.ofMillis(500, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 ≤ first ≤ max");
    }
}
