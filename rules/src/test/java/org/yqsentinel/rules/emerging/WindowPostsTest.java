package org.yqsentinel.rules.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.rules.RuleFiles;

/** A window indexed slide by slide is the window indexed whole: the same posts, places, positions and topics. */
class WindowPostsTest {

    private static final EmergingRules RULES = EmergingRules.load(RuleFiles.bundled());
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final List<String> WORDS = List.of("隧道", "坍塌", "塌方", "火灾", "市场", "天气", "早高峰", "江城", "江北", "公交");
    private static final List<String> PLACES = List.of("江城", "江北");

    private static TopicPost post(int id, Instant at, List<String> words) {
        Item item = new Item("weibo:" + id, Channel.WEIBO, "x", "微博", null, null, null, String.join(" ", words), null, at, null, null,
                null, null, false, null);
        List<NamedEntity> places = words.stream().filter(PLACES::contains).map(w -> new NamedEntity(NamedEntity.Kind.PLACE, w, 0, 2)).toList();
        return new TopicPost(new EnrichedItem(item, new Analysis(words, words, null, null, List.of(), places)), words);
    }

    /** Posts over {@code hours}, some at the same instant, each naming one to four words; the last hour has two events. */
    private static List<TopicPost> posts(long seed, int hours) {
        Random random = new Random(seed);
        List<TopicPost> posts = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < hours * 240; i++) {
            Instant at = T0.plusSeconds(random.nextInt(hours * 3600) / 10 * 10);
            List<String> words = new ArrayList<>(WORDS.subList(5, 10));
            Collections.shuffle(words, random);
            posts.add(post(id++, at, words.subList(0, 1 + random.nextInt(3))));
        }
        Instant last = T0.plus(Duration.ofHours(hours - 1));
        for (int i = 0; i < 300; i++) {
            Instant at = last.plusSeconds(random.nextInt(3600));
            List<String> words = i % 2 == 0 ? new ArrayList<>(List.of("隧道", "坍塌", "塌方", "江北")) : new ArrayList<>(List.of("火灾", "市场", "江城"));
            Collections.shuffle(words, random);
            posts.add(post(id++, at, words.subList(0, 2 + random.nextInt(words.size() - 1))));
        }
        Collections.shuffle(posts, random);
        return posts;
    }

    private static WindowPosts bySlides(List<TopicPost> posts) {
        TreeMap<Long, List<TopicPost>> slides = new TreeMap<>();
        long slide = RULES.slide().toMillis();
        posts.forEach(p -> slides.computeIfAbsent(Math.floorDiv(p.post().item().publishedAt().toEpochMilli(), slide), n -> new ArrayList<>()).add(p));
        return WindowPosts.concat(slides.values().stream().map(WindowPosts::of).toList());
    }

    @Test
    void slideBySlideIsTheSameAsWhole() {
        for (long seed = 1; seed <= 5; seed++) {
            List<TopicPost> posts = posts(seed, 1);
            WindowPosts whole = WindowPosts.of(posts);
            WindowPosts slides = bySlides(posts);

            assertThat(slides.posts()).isEqualTo(whole.posts());
            assertThat(slides.places()).containsExactlyInAnyOrderElementsOf(whole.places()).containsExactlyInAnyOrder("江城", "江北");
            for (String word : WORDS) {
                int[] positions = whole.naming(word);
                assertThat(slides.naming(word)).isEqualTo(positions);
                // ascending, and exactly the posts that offer the word
                assertThat(positions).isSorted();
                assertThat(positions).containsExactly(IntStream.range(0, whole.size()).filter(p -> whole.get(p).words().contains(word)).toArray());
            }
            assertThat(slides.naming("不在其中")).isEmpty();
        }
    }

    @Test
    void theTopicsAreTheSameFromSlidesAsFromTheWholeWindow() {
        List<TopicPost> posts = posts(7, 4);
        WordHistory history = new WordHistory(RULES);
        posts.forEach(p -> history.add(p.post().item().publishedAt(), p.words()));
        Instant end = T0.plus(Duration.ofHours(4));
        List<TopicPost> window = posts.stream().filter(p -> !p.post().item().publishedAt().isBefore(end.minus(RULES.size()))).toList();

        List<TopicFinder.Cluster> whole = TopicFinder.find(window, history, end, RULES);
        List<TopicFinder.Cluster> slides = TopicFinder.find(bySlides(window), history, end, RULES, List.of());

        assertThat(whole).hasSize(2);
        assertThat(whole).anySatisfy(c -> assertThat(c.wordList()).contains("隧道", "坍塌").doesNotContain("火灾"));
        assertThat(whole).anySatisfy(c -> assertThat(c.wordList()).contains("火灾", "市场").doesNotContain("隧道"));
        assertThat(slides).isEqualTo(whole);
        // a post goes to one topic, in publish order
        assertThat(whole.get(0).posts()).isSortedAccordingTo(TopicFinder.PUBLISHED).doesNotContainAnyElementsOf(whole.get(1).posts());
    }
}
