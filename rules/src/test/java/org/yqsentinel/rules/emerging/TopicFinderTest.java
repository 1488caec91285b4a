package org.yqsentinel.rules.emerging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.RuleFiles;

/** Bursting words and their clusters in windows built here, and what a post offers to them. */
class TopicFinderTest {

    private static final EmergingRules RULES = EmergingRules.load(RuleFiles.bundled());
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static int ids;

    private static TopicPost post(Instant at, String... words) {
        Item item = new Item("weibo:" + ids++, Channel.WEIBO, "x", "微博", null, null, null, String.join(" ", words), null, at, null, null,
                null, null, false, null);
        return new TopicPost(new EnrichedItem(item, new Analysis(List.of(words), List.of(words), null, null, List.of(), List.of())),
                List.of(words));
    }

    /** {@code perHour} posts naming {@code words}, evenly over the hours from {@code from}. */
    private static List<TopicPost> steady(Instant from, int hours, int perHour, String... words) {
        List<TopicPost> posts = new ArrayList<>();
        for (int i = 0; i < hours * perHour; i++) {
            posts.add(post(from.plusMillis(i * 3_600_000L / perHour), words));
        }
        return posts;
    }

    private static WordHistory history(List<TopicPost> posts) {
        WordHistory history = new WordHistory(RULES);
        posts.forEach(p -> history.add(p.post().item().publishedAt(), p.words()));
        return history;
    }

    private static List<TopicPost> window(List<TopicPost> posts, Instant end) {
        return posts.stream().filter(p -> !p.post().item().publishedAt().isBefore(end.minus(RULES.size()))
                && p.post().item().publishedAt().isBefore(end)).toList();
    }

    @Test
    void aWordBurstsAgainstItsOwnBaselineAndOnlyAfterTheWarmUp() {
        Instant end = T0.plus(Duration.ofHours(5));
        List<TopicPost> posts = new ArrayList<>(steady(T0, 5, 200, "日常"));   // the stream's steady background
        posts.addAll(steady(T0, 5, 10, "天气"));
        posts.addAll(steady(end.minus(Duration.ofHours(1)), 1, 50, "天气"));   // 60 in the window against 10 an hour
        posts.addAll(steady(end.minus(Duration.ofHours(1)), 1, 12, "隧道"));   // new: 12 against nothing
        posts.addAll(steady(end.minus(Duration.ofHours(1)), 1, 11, "火灾"));   // new but too few

        List<TopicFinder.Burst> bursts = TopicFinder.bursts(history(posts), end, RULES);

        assertThat(bursts).extracting(TopicFinder.Burst::word).containsExactly("隧道", "天气");
        // its baseline scaled by the stream's volume, 283 posts in the window against 210 an hour before (each plus 12):
        // 10 × 295 / 222 ≈ 13.3, and 60 / 14.3 ≈ 4.2
        assertThat(bursts.get(1).baseline()).isCloseTo(10.0 * 295 / 222, within(1e-9));
        assertThat(bursts.get(1).posts()).isEqualTo(60);
        // one hour of history is less than the warm-up of two: nothing bursts
        Instant early = T0.plus(Duration.ofHours(2));
        List<TopicPost> young = steady(T0.plus(Duration.ofMinutes(30)), 2, 30, "隧道");
        assertThat(TopicFinder.bursts(history(young), early, RULES)).isEmpty();
    }

    @Test
    void onTheFirstMorningWordsThatRiseOnlyWithTheWholeStreamDoNotBurst() {
        Instant end = T0.plus(Duration.ofHours(4));
        List<TopicPost> posts = new ArrayList<>(steady(T0, 3, 10, "早茶", "打工"));                       // the night
        posts.addAll(steady(T0.plus(Duration.ofHours(3)), 1, 60, "早茶", "打工"));                       // six times as busy
        posts.addAll(steady(T0.plus(Duration.ofHours(3)), 1, 15, "隧道"));

        assertThat(TopicFinder.bursts(history(posts), end, RULES)).extracting(TopicFinder.Burst::word).containsExactly("隧道");
    }

    @Test
    void whatTheSameHourBroughtTheDayBeforeDoesNotBurst() {
        Instant end = T0.plus(Duration.ofHours(33));   // 09:00 the next day
        List<TopicPost> posts = new ArrayList<>(steady(T0, 33, 2, "天气"));
        posts.addAll(steady(T0.plus(Duration.ofHours(8)), 1, 30, "早高峰"));  // yesterday 08:00–09:00
        posts.addAll(steady(T0.plus(Duration.ofHours(32)), 1, 30, "早高峰")); // today 08:00–09:00

        assertThat(TopicFinder.bursts(history(posts), end, RULES)).isEmpty();
    }

    @Test
    void wordsThePostsNameTogetherAreOneTopicAndAWordTwoEventsShareMergesNothing() {
        Instant end = T0.plus(Duration.ofHours(4));
        List<TopicPost> posts = new ArrayList<>(steady(T0, 4, 5, "天气"));
        Instant hour = end.minus(Duration.ofHours(1));
        posts.addAll(steady(hour, 1, 20, "隧道", "坍塌"));
        posts.addAll(steady(hour, 1, 15, "塌方", "隧道", "江城"));
        posts.addAll(steady(hour, 1, 20, "火灾", "市场"));
        posts.addAll(steady(hour, 1, 10, "火灾", "江城"));

        List<TopicFinder.Cluster> clusters = TopicFinder.find(window(posts, end), history(posts), end, RULES);

        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).wordList()).contains("隧道", "坍塌", "塌方").doesNotContain("火灾", "市场");
        assertThat(clusters.get(1).wordList()).contains("火灾", "市场").doesNotContain("隧道");
        assertThat(clusters.stream().filter(c -> c.wordList().contains("江城")).count()).isEqualTo(1);
        assertThat(clusters.get(0).posts().size() + clusters.get(1).posts().size()).isEqualTo(65);
    }

    @Test
    void aPostOffersItsHashtagsPlacesAndKeywordsButNotShortIgnoredOrSymbolWords() {
        Item item = new Item("weibo:1", Channel.WEIBO, "1", "微博", null, null, null, "#江北大道车祸# 太惨了 #江城12路公交#", null, T0, null,
                null, null, null, false, null);
        EnrichedItem post = new EnrichedItem(item, new Analysis(List.of(), List.of("渣土车", "转发微博", "车", "2026", "渣土车"), null, null,
                List.of(), List.of(new NamedEntity(NamedEntity.Kind.PLACE, "江北大道", 0, 4),
                        new NamedEntity(NamedEntity.Kind.PERSON, "张三", 0, 2))));

        assertThat(TopicWords.of(post, RULES)).containsExactly("江北大道车祸", "江城12路公交", "江北大道", "渣土车");
    }

    @Test
    void badRulesAreRefusedWithTheirLine() {
        String text = RuleFiles.bundled().read(EmergingRules.FILE).text();
        assertThatThrownBy(() -> EmergingRules.parse("emerging.yaml", text.replace("slide-minutes: 5 ", "slide-minutes: 7 ")))
                .isInstanceOf(RuleException.class).hasMessageStartingWith("emerging.yaml:9: ").hasMessageContaining("must divide size-minutes");
        assertThatThrownBy(() -> EmergingRules.parse("emerging.yaml", text.replace("min-overlap: 0.25", "min-overlap: 2")))
                .isInstanceOf(RuleException.class).hasMessageContaining("min-overlap must be a number from 0.0 to 1.0");
        assertThatThrownBy(() -> EmergingRules.parse("emerging.yaml", text.replace("  title-words: 3", "  title-word: 3")))
                .isInstanceOf(RuleException.class).hasMessageContaining("unknown field 'title-word'");
    }
}
