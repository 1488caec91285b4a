package org.yqsentinel.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkFrontierTest {

    @Test
    void aTimeIsReachedWhenTheFirstPartitionReachesIt() {
        WatermarkFrontier frontier = new WatermarkFrontier();
        frontier.arrived("weibo-0", 1_000, 10);
        frontier.arrived("weibo-1", 900, 11);
        frontier.arrived("weibo-0", 2_000, 20);
        frontier.arrived("weibo-1", 2_500, 25);

        assertThat(frontier.reachedFirst(1_000)).as("weibo-0 at 10, weibo-1 only at 25").isEqualTo(10);
        assertThat(frontier.reachedFirst(800)).isEqualTo(10);
        assertThat(frontier.reachedFirst(2_001)).as("only weibo-1 passed 2,000").isEqualTo(25);
        assertThat(frontier.reachedFirst(2_501)).as("nobody passed 2,500").isEqualTo(-1);
    }

    @Test
    void recordsBehindTheirPartitionsLatestTimeDoNotMoveIt() {
        WatermarkFrontier frontier = new WatermarkFrontier();
        frontier.arrived("news-0", 5_000, 10);
        frontier.arrived("news-0", 4_000, 12);  // late: the watermark stays where 5,000 put it
        frontier.arrived("news-0", 5_000, 14);  // equal: not a step

        assertThat(frontier.reachedFirst(4_000)).isEqualTo(10);
        assertThat(frontier.reachedFirst(5_000)).isEqualTo(10);
        assertThat(frontier.partitionCount()).isEqualTo(1);
    }

    @Test
    void nothingSentReachesNothing() {
        assertThat(new WatermarkFrontier().reachedFirst(0)).isEqualTo(-1);
    }
}
