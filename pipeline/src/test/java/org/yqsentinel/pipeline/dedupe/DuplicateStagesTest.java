package org.yqsentinel.pipeline.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.text.SimHash;
import org.yqsentinel.pipeline.monitor.MonitorJob;
import org.yqsentinel.pipeline.read.ItemWatermarks;

/** The duplicate stages of the monitor job on a Flink mini-cluster, parallelism 2, on a bounded set of items. */
class DuplicateStagesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String ARTICLE = "11月20日,市教育局印发《江城市关于调整中小学课后服务收费标准的通知》,自明年春季学期起,"
            + "课后服务收费由每生每学期300元调整为480元,低保家庭学生继续免收。市教育局表示将加强收费监管。";

    private static Item item(Channel channel, String sourceId, String url, String text, String publishedAt) {
        return new Item(Item.idOf(channel, sourceId), channel, sourceId, "site", null, null, null, text, url,
                Instant.parse(publishedAt), Engagement.NONE, null, null, null, false, SimHash.hex(SimHash.of(text)));
    }

    /**
     * As in the job: event time is the publish time. The tolerated out-of-orderness spans the whole input
     * (a day), so the arrival order within it does not matter; watermarks move with the data.
     */
    private static DataStream<Item> withEventTime(StreamExecutionEnvironment env, List<Item> items) {
        return env.fromData(items).assignTimestampsAndWatermarks(ItemWatermarks.forItems(Duration.ofDays(1), Duration.ofSeconds(30)));
    }

    @Test
    void repeatsAreDroppedAndReprintsAreKeptMarkedAsCopiesOfTheEarliestWhateverTheArrivalOrder() throws Exception {
        List<Item> input = List.of(
                item(Channel.WECHAT, "copied", "https://c.example/x", "原标题:课后服务收费\n" + ARTICLE, "2026-11-21T01:00:00Z"),
                item(Channel.NEWS, "reprint", "https://b.example/9", ARTICLE + "(来源:江城日报)", "2026-11-20T05:00:00Z"),
                item(Channel.NEWS, "original", "https://a.example/1", ARTICLE, "2026-11-20T03:00:00Z"),
                item(Channel.NEWS, "original", "https://a.example/1", ARTICLE, "2026-11-20T03:00:00Z"),
                item(Channel.NEWS, "other-id-same-url", "https://a.example/1", ARTICLE, "2026-11-20T03:00:00Z"),
                item(Channel.WEIBO, "short-1", "https://w.example/1", "转发微博", "2026-11-20T04:00:00Z"),
                item(Channel.WEIBO, "short-2", "https://w.example/2", "转发微博", "2026-11-20T04:01:00Z"),
                item(Channel.NEWS, "unrelated", "https://d.example/2", "江城市今年冬季供暖将于12月1日开始,各小区供暖设施已完成检修,"
                        + "市民如遇暖气不热可拨打热线反映。", "2026-11-20T06:00:00Z"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Item> out = MonitorJob.dropRepeatsMarkCopies(withEventTime(env, input), Duration.ofDays(1));
        List<Item> results = new ArrayList<>();
        try (CloseableIterator<Item> it = out.executeAndCollect("dedupe")) {
            it.forEachRemaining(results::add);
        }

        Map<String, Item> byId = results.stream().collect(Collectors.toMap(Item::id, Function.identity()));
        assertThat(byId).containsOnlyKeys("news:original", "news:reprint", "wechat:copied", "weibo:short-1", "weibo:short-2",
                "news:unrelated");
        assertThat(byId.get("news:original").copyOf()).isNull();
        assertThat(byId.get("news:reprint").copyOf()).isEqualTo("news:original");
        assertThat(byId.get("wechat:copied").copyOf()).isEqualTo("news:original");
        assertThat(byId.get("weibo:short-2").copyOf()).as("too short to call a copy").isNull();
        assertThat(byId.get("news:unrelated").copyOf()).isNull();
    }

    @Test
    void accumulatorsCountWhatWasDroppedAndMarked() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Item> input = List.of(
                item(Channel.NEWS, "a", "https://a.example/1", ARTICLE, "2026-11-20T03:00:00Z"),
                item(Channel.NEWS, "a", "https://a.example/1", ARTICLE, "2026-11-20T03:00:00Z"),
                item(Channel.NEWS, "b", "https://b.example/1", ARTICLE + "。", "2026-11-20T04:00:00Z"));
        MonitorJob.dropRepeatsMarkCopies(withEventTime(env, input), Duration.ofDays(1)).sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute("dedupe-counts");
        assertThat(result.<Long>getAccumulatorResult(DropRepeats.ACCUMULATOR)).isEqualTo(1L);
        assertThat(result.<Long>getAccumulatorResult(MarkCopies.ACCUMULATOR)).isEqualTo(1L);
    }
}
