package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.TopicHit;

class WindowTallyTest {

    private static final Set<String> WATCH = Set.of("维权", "上访");
    private static final Set<String> SENSITIVE_TOPICS = Set.of("政府公信力");

    private static EnrichedItem post(String id, Channel channel, String author, long followers, boolean verified, long reposts,
                                     String city, Sentiment.Label label, List<String> tokens, String... topics) {
        Item item = new Item(id, channel, id, "src", new Author(author, followers, verified, null), null, null, "…", null,
                Instant.parse("2026-11-20T09:00:00Z"), new Engagement(reposts, 0L, 0L, null),
                city == null ? null : new Region("广东", city, null), null, null, false, null);
        List<TopicHit> hits = List.of(topics).stream().map(t -> new TopicHit(t, 2, null, List.of())).toList();
        return new EnrichedItem(item, new Analysis(tokens, List.of(), new Sentiment(label == Sentiment.Label.NEGATIVE ? -0.8 : 0.5, label), null,
                hits, List.of()));
    }

    @Test
    void countsWhatTheRiskScoreReads() {
        WindowTally tally = new WindowTally();
        tally.add(post("w1", Channel.WEIBO, "家长A", 500, false, 20, "广州", Sentiment.Label.NEGATIVE, List.of("收费", "维权")),
                WATCH, SENSITIVE_TOPICS);
        tally.add(post("w2", Channel.WEIBO, "江城发布", 2_000_000, true, 300, "广州", Sentiment.Label.POSITIVE, List.of("解读")),
                WATCH, SENSITIVE_TOPICS);
        tally.add(post("n1", Channel.NEWS, "某网红", 150_000, false, 0, "深圳", Sentiment.Label.NEGATIVE, List.of("上访", "维权"),
                "政府公信力"), WATCH, SENSITIVE_TOPICS);
        Item announcement = new Item("g1", Channel.WEIBO, "g1", "src", new Author("江城教育", 3_000_000L, true, WindowTally.GOVERNMENT),
                null, null, "…", null, Instant.parse("2026-11-20T09:00:00Z"), new Engagement(900L, 0L, 0L, null),
                new Region("广东", "广州", null), null, null, false, null);
        tally.add(new EnrichedItem(announcement, post("x", Channel.WEIBO, "x", 0, false, 0, null, Sentiment.Label.NEUTRAL,
                List.of("维权")).analysis()), WATCH, SENSITIVE_TOPICS);
        WindowStats stats = tally.stats(4.0, 1.5, 0.4);
        assertThat(stats).isEqualTo(new WindowStats(3, 4.0, 1.5, 2, 0, 500 + 20 + 2_000_000 + 300 + 150_000, 2, 2, 2, 3 + 1, 0.4, 1));
        // the posts against the policy first, each part by interactions; the government's announcement nowhere
        assertThat(tally.topPosts()).extracting(Item::id).containsExactly("w1", "n1", "w2");
    }

    @Test
    void postsNamingTheResponseClassesWordsAreCountedOncePerWordMergedAndKeptInTheBucket() {
        List<String> cues = List.of("涨价", "谣言", "爆炸");
        WindowTally tally = new WindowTally();
        tally.add(withText(post("a", Channel.WEIBO, "甲", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()), null,
                "又涨价了，涨价涨价"), WATCH, SENSITIVE_TOPICS, cues);
        tally.add(withText(post("b", Channel.NEWS, "乙", 10, false, 0, null, Sentiment.Label.NEUTRAL, List.of()), "涨价传闻是谣言",
                "官方辟谣"), WATCH, SENSITIVE_TOPICS, cues);
        WindowTally other = new WindowTally();
        other.add(withText(post("c", Channel.WEIBO, "丙", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()), null, "涨价"),
                WATCH, SENSITIVE_TOPICS, cues);

        WindowTally merged = WindowTally.of(tally.toBucket()).merge(WindowTally.of(other.toBucket()));

        assertThat(merged.cueWords()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("涨价", 3L, "谣言", 1L));
    }

    private static EnrichedItem withText(EnrichedItem post, String title, String text) {
        Item i = post.item();
        return new EnrichedItem(new Item(i.id(), i.channel(), i.sourceId(), i.source(), i.author(), title, null, text, null, i.publishedAt(),
                i.engagement(), i.region(), null, null, false, null), post.analysis());
    }

    @Test
    void angryAndFearfulPostsCountAsAlarmed() {
        WindowTally tally = new WindowTally();
        EnrichedItem angry = post("a", Channel.WEIBO, "甲", 10, false, 1, null, Sentiment.Label.NEGATIVE, List.of());
        EnrichedItem sad = post("s", Channel.WEIBO, "乙", 10, false, 1, null, Sentiment.Label.NEGATIVE, List.of());
        EnrichedItem afraid = post("f", Channel.WEIBO, "丙", 10, false, 1, null, Sentiment.Label.NEGATIVE, List.of());
        tally.add(withEmotion(angry, Emotion.Label.ANGRY), WATCH, SENSITIVE_TOPICS);
        tally.add(withEmotion(sad, Emotion.Label.SAD), WATCH, SENSITIVE_TOPICS);
        tally.add(withEmotion(afraid, Emotion.Label.FEAR), WATCH, SENSITIVE_TOPICS);
        assertThat(tally.stats(0, 0, 0).alarmedPosts()).isEqualTo(2);
        assertThat(WindowTally.of(tally.toBucket()).stats(0, 0, 0)).isEqualTo(tally.stats(0, 0, 0));
    }

    private static EnrichedItem withEmotion(EnrichedItem post, Emotion.Label emotion) {
        var a = post.analysis();
        return new EnrichedItem(post.item(), new Analysis(a.tokens(), a.keywords(), a.sentiment(), new Emotion(emotion, 0.7), a.topics(),
                a.entities()));
    }

    @Test
    void mergingTwoTalliesEqualsCountingAllPostsInOne() {
        List<EnrichedItem> posts = List.of(
                post("a", Channel.WEIBO, "甲", 10, false, 1, "广州", Sentiment.Label.NEGATIVE, List.of("维权")),
                post("b", Channel.WECHAT, "乙", 200_000, false, 9, null, Sentiment.Label.NEUTRAL, List.of()),
                post("c", Channel.WEIBO, "甲", 10, false, 5, "佛山", Sentiment.Label.NEGATIVE, List.of(), "政府公信力"),
                post("d", Channel.NEWS, "丙", 0, true, 0, "广州", Sentiment.Label.POSITIVE, List.of("上访")));
        WindowTally one = new WindowTally();
        posts.forEach(p -> one.add(p, WATCH, SENSITIVE_TOPICS));
        WindowTally left = new WindowTally();
        WindowTally right = new WindowTally();
        posts.subList(0, 2).forEach(p -> left.add(p, WATCH, SENSITIVE_TOPICS));
        posts.subList(2, 4).forEach(p -> right.add(p, WATCH, SENSITIVE_TOPICS));
        WindowTally merged = left.merge(right);
        assertThat(merged.stats(3, 2, 0.1)).isEqualTo(one.stats(3, 2, 0.1));
        assertThat(merged.topPosts()).isEqualTo(one.topPosts());
    }

    @Test
    void onlyTheMostInteractedPostsAreKept() {
        WindowTally tally = new WindowTally();
        for (int i = 0; i < 12; i++) {
            tally.add(post("p" + i, Channel.WEIBO, "u" + i, 1, false, i, null, Sentiment.Label.NEUTRAL, List.of()), WATCH,
                    SENSITIVE_TOPICS);
        }
        assertThat(tally.posts()).isEqualTo(12);
        assertThat(tally.topPosts()).extracting(Item::id).containsExactly("p11", "p10", "p9", "p8", "p7");
    }

    private static long[] emotionCounts(WindowTally tally) {
        return java.util.Arrays.stream(Emotion.Label.values()).mapToLong(l -> tally.emotions().getOrDefault(l.name(), 0L)).toArray();
    }

    @Test
    void emotionsAreCountedForThePublicAndSurviveTheBucketAndMerging() {
        WindowTally morning = new WindowTally();
        morning.add(withEmotion(post("a", Channel.WEIBO, "甲", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()),
                Emotion.Label.ANGRY), WATCH, SENSITIVE_TOPICS);
        morning.add(withEmotion(post("s", Channel.WEIBO, "乙", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()),
                Emotion.Label.SAD), WATCH, SENSITIVE_TOPICS);
        morning.add(withEmotion(post("f", Channel.NEWS, "丙", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()),
                Emotion.Label.FEAR), WATCH, SENSITIVE_TOPICS);
        Item relay = new Item("g1", Channel.WEIBO, "g1", "src", new Author("江城教育", 3_000_000L, true, WindowTally.GOVERNMENT),
                null, null, "…", null, Instant.parse("2026-11-20T09:00:00Z"), null, null, null, null, false, null);
        morning.add(withEmotion(new EnrichedItem(relay, post("x", Channel.WEIBO, "x", 0, false, 0, null, Sentiment.Label.NEUTRAL,
                List.of()).analysis()), Emotion.Label.ANGRY), WATCH, SENSITIVE_TOPICS);

        WindowTally noon = new WindowTally();
        noon.add(withEmotion(post("a2", Channel.WEIBO, "丁", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()),
                Emotion.Label.ANGRY), WATCH, SENSITIVE_TOPICS);
        noon.add(withEmotion(post("h", Channel.WEIBO, "戊", 10, false, 0, null, Sentiment.Label.POSITIVE, List.of()),
                Emotion.Label.HAPPY), WATCH, SENSITIVE_TOPICS);
        noon.add(post("n", Channel.WEIBO, "己", 10, false, 0, null, Sentiment.Label.NEUTRAL, List.of()), WATCH, SENSITIVE_TOPICS);

        // HAPPY, ANGRY, SAD, FEAR, SURPRISE, NEUTRAL; the government's relay is not the public's
        assertThat(emotionCounts(morning)).containsExactly(0, 1, 1, 1, 0, 0);
        assertThat(morning.toBucket().emotions()).containsExactly(0L, 1L, 1L, 1L, 0L, 0L);
        assertThat(emotionCounts(WindowTally.of(morning.toBucket()))).containsExactly(0, 1, 1, 1, 0, 0);
        assertThat(morning.negative()).isEqualTo(3);

        WindowTally merged = WindowTally.of(morning.toBucket()).merge(WindowTally.of(noon.toBucket()));
        assertThat(emotionCounts(merged)).containsExactly(1, 2, 1, 1, 0, 0);
        assertThat(merged.posts()).isEqualTo(6);
        assertThat(merged.negative()).isEqualTo(4);
        assertThat(WindowTally.of(merged.toBucket()).emotions()).isEqualTo(merged.emotions());
    }

    @Test
    void aBucketKeptBeforeEmotionsWereCountedReadsAsNoneAndMergesWithNewOnes() {
        TallyBucket old = new TallyBucket(3, 1, 0, 0, 30, 0, List.of("weibo"), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(old.emotions()).isEmpty();
        WindowTally restored = WindowTally.of(old);
        assertThat(restored.posts()).isEqualTo(3);
        assertThat(restored.negative()).isEqualTo(1);
        assertThat(restored.emotions().values()).allSatisfy(n -> assertThat(n).isZero());

        WindowTally fresh = new WindowTally();
        fresh.add(withEmotion(post("s", Channel.WEIBO, "乙", 10, false, 0, null, Sentiment.Label.NEGATIVE, List.of()),
                Emotion.Label.SAD), WATCH, SENSITIVE_TOPICS);
        WindowTally merged = restored.merge(fresh);
        assertThat(emotionCounts(merged)).containsExactly(0, 0, 1, 0, 0, 0);
        assertThat(merged.posts()).isEqualTo(4);
    }
}
