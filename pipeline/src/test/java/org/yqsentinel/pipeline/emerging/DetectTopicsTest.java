package org.yqsentinel.pipeline.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.TopicHit;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.control.CaseStep;
import org.yqsentinel.rules.emerging.EmergingRules;
import org.yqsentinel.rules.emerging.TopicPost;
import org.yqsentinel.rules.emerging.TopicWords;

/**
 * The detector's operator over its Flink state: restored from a checkpoint taken at any point of a stream (posts waiting
 * for the watermark, posts that came after their time was added, a policy's posts not yet counted), it goes on as if it had
 * never stopped.
 */
class DetectTopicsTest {

    private static final EmergingRules RULES = EmergingRules.load(RuleFiles.bundled());
    private static final Instant DAY = Instant.parse("2026-11-20T16:00:00Z");
    private static final Region CITY = new Region("湖北", "江城", null);
    private static final String[][] EVERYDAY = {
        {"天气", "降温", "外套", "大雾", "晚霞"}, {"美食", "牛腩粉", "夜市", "早茶", "咖啡"}, {"江城队", "主场", "点球", "球迷"},
        {"地铁", "早高峰", "换乘", "信号", "站台"}, {"萌宠", "橘猫", "柯基", "遛狗"}, {"加班", "周报", "同事", "午饭", "外卖"}};
    private static final String[] TUNNEL = {"隧道", "坍塌", "塌方", "被困", "救援", "工人", "施工", "事故"};
    /** How far the watermark trails the posts: posts arrive out of order within it. */
    private static final Duration BOUND = Duration.ofMinutes(3);

    /** What the operator gave out: its alert events, risk points and cases, in order. */
    private record Output(List<Alert> alerts, List<RiskPoint> points, List<CaseRecord> cases) {}

    @Test
    void restoredFromACheckpointAtAnyPointItGivesTheSameAlertsPointsAndCasesAsWithoutOne() throws Exception {
        List<TopicPost> stream = stream(new Random(11));
        Output once = run(stream, -1);
        assertThat(once.alerts()).as("the collapse is raised").anySatisfy(a -> {
            assertThat(a.subjectId()).startsWith("topic:");
            assertThat(a.tier()).isGreaterThanOrEqualTo(Tier.III_YELLOW);
        });
        assertThat(once.points()).isNotEmpty();

        // checkpoints before the warm-up ends, as the collapse starts, at its height (posts waiting, late posts held), and after
        for (int at : new int[] {stream.size() / 5, stream.size() * 3 / 5, stream.size() * 7 / 10, stream.size() - 40}) {
            assertThat(run(stream, at)).as("restored at post %d of %d", at, stream.size()).isEqualTo(once);
        }
    }

    @Test
    void aPostWithTheIdOfOneHeldIsNotCountedTwice() throws Exception {
        List<TopicPost> stream = stream(new Random(11));
        List<TopicPost> doubled = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            doubled.add(stream.get(i));
            if (i % 3 == 0) {
                doubled.add(stream.get(i));
            }
        }
        assertThat(run(doubled, doubled.size() / 2)).isEqualTo(run(stream, -1));
    }

    /**
     * Feeds the stream in its order, the watermark {@link #BOUND} behind the latest post; at post {@code checkpointAt}
     * (when not negative) the operator is snapshot, dropped, and a new one restored from the snapshot goes on.
     */
    private static Output run(List<TopicPost> stream, int checkpointAt) throws Exception {
        Output out = new Output(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        KeyedTwoInputStreamOperatorTestHarness<String, TopicPost, CaseStep, Alert> harness = harness(null);
        long latest = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < stream.size(); i++) {
            if (i == checkpointAt) {
                OperatorSubtaskState snapshot = harness.snapshot(1L, watermark);
                drain(harness, out);
                harness.close();
                harness = harness(snapshot);
                harness.processBothWatermarks(new Watermark(watermark));
            }
            TopicPost post = stream.get(i);
            long at = post.post().item().publishedAt().toEpochMilli();
            harness.processElement1(new StreamRecord<>(post, at));
            latest = Math.max(latest, at);
            long next = latest - BOUND.toMillis();
            if (next > watermark + 60_000) {
                watermark = next;
                harness.processBothWatermarks(new Watermark(watermark));
            }
        }
        harness.processBothWatermarks(new Watermark(latest + Duration.ofHours(3).toMillis()));
        drain(harness, out);
        harness.close();
        return out;
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, TopicPost, CaseStep, Alert> harness(OperatorSubtaskState restored)
            throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, TopicPost, CaseStep, Alert> harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new DetectTopics("")), p -> DetectTopics.KEY, s -> DetectTopics.KEY, Types.STRING);
        harness.setup();
        harness.initializeState(restored);
        harness.open();
        return harness;
    }

    private static void drain(KeyedTwoInputStreamOperatorTestHarness<String, TopicPost, CaseStep, Alert> harness, Output out) {
        out.alerts().addAll(harness.extractOutputValues());
        if (harness.getSideOutput(DetectTopics.RISK) != null) {
            harness.getSideOutput(DetectTopics.RISK).forEach(r -> out.points().add(r.getValue()));
        }
        if (harness.getSideOutput(DetectTopics.CASES) != null) {
            harness.getSideOutput(DetectTopics.CASES).forEach(r -> out.cases().add(r.getValue()));
        }
    }

    /**
     * Ten hours of a city's chatter, then a tunnel collapse told in many wordings, rising to 300 posts an hour; some posts a
     * policy claims; arriving out of order within the watermark's bound, and every 40th post later than that.
     */
    private static List<TopicPost> stream(Random random) {
        List<TopicPost> posts = new ArrayList<>();
        for (int minute = 0; minute < 12 * 60; minute++) {
            Instant at = DAY.plus(Duration.ofMinutes(minute));
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                String[] theme = EVERYDAY[random.nextInt(EVERYDAY.length)];
                posts.add(post("d" + minute + "-" + i, at.plusSeconds(random.nextInt(60)), pick(theme, 2 + random.nextInt(2), random),
                        List.of(), random.nextInt(10) == 0, i == 1 && minute % 7 == 0));
            }
            if (minute >= 10 * 60) {
                double rate = 5.0 * Math.min(1, (minute - 600 + 1) / 20.0);
                int count = (int) rate + (random.nextDouble() < rate - (int) rate ? 1 : 0);
                for (int i = 0; i < count; i++) {
                    posts.add(post("t" + minute + "-" + i, at.plusSeconds(random.nextInt(60)), pick(TUNNEL, 2 + random.nextInt(3), random),
                            random.nextInt(3) > 0 ? List.of("东莞") : List.of(), random.nextInt(10) < 8, false));
                }
            }
        }
        // arrival order: by publish time give or take two minutes; every 40th post four to ten minutes late
        List<long[]> order = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            long at = posts.get(i).post().item().publishedAt().toEpochMilli();
            long delay = i % 40 == 39 ? Duration.ofMinutes(4 + random.nextInt(7)).toMillis() : random.nextInt(120_000);
            order.add(new long[] {at + delay, i});
        }
        order.sort(Comparator.<long[]>comparingLong(o -> o[0]).thenComparingLong(o -> o[1]));
        return order.stream().map(o -> posts.get((int) o[1])).toList();
    }

    private static List<String> pick(String[] from, int n, Random random) {
        List<String> words = new ArrayList<>(List.of(from));
        Collections.shuffle(words, random);
        return List.copyOf(words.subList(0, Math.min(n, words.size())));
    }

    private static TopicPost post(String id, Instant at, List<String> words, List<String> places, boolean negative, boolean claimed) {
        Item item = new Item(id, Channel.WEIBO, id, "微博", new Author("网友" + id, 300L, false, null), null, null,
                String.join("，", words), "https://m.weibo.cn/status/" + id, at, new Engagement(2L, 1L, 5L, null), CITY, null, null, false,
                null);
        List<NamedEntity> entities = places.stream().map(p -> new NamedEntity(NamedEntity.Kind.PLACE, p, 0, p.length())).toList();
        Analysis analysis = new Analysis(words, words, new Sentiment(negative ? -0.8 : 0.3, negative ? Sentiment.Label.NEGATIVE
                : Sentiment.Label.NEUTRAL), new Emotion(negative ? Emotion.Label.FEAR : Emotion.Label.NEUTRAL, 0.7),
                List.of(new TopicHit("安全生产", 1, "应急管理局", List.of())), entities);
        EnrichedItem enriched = new EnrichedItem(item, analysis);
        List<String> offered = TopicWords.of(enriched, RULES);
        return claimed ? new TopicPost(enriched, offered, true) : new TopicPost(enriched, offered, false, List.of());
    }
}
