package org.yqsentinel.rules.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;

/** Places completed to the names the posts write them in, and only then. */
class PlaceNamesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static List<TopicPost> posts(String... texts) {
        List<TopicPost> posts = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Item item = new Item("weibo:" + i, Channel.WEIBO, "x", "微博", null, null, null, texts[i], null, T0.plusSeconds(i), null, null,
                    null, null, false, null);
            posts.add(new TopicPost(new EnrichedItem(item, new Analysis(List.of(), List.of(), null, null, List.of(), List.of())), List.of()));
        }
        return posts;
    }

    private static String[] times(int n, String text) {
        String[] texts = new String[n];
        java.util.Arrays.fill(texts, text);
        return texts;
    }

    @Test
    void aCutPlaceIsCompletedToTheLeftWhileMostOfItsOccurrencesAgree() {
        List<String> texts = new ArrayList<>(List.of(times(7, "在江北大道发生车祸，现场拥堵")));
        texts.add("江北大道上一辆渣土车侧翻");
        texts.add("这条大道太堵了");
        texts.add("大道上全是车");
        List<TopicPost> posts = posts(texts.toArray(String[]::new));

        // 大道: 8 of 10 after 北, then 北大道: 8 of 8 after 江; 江北大道 after 在 (a particle) or at the start: done
        assertThat(PlaceNames.complete("大道", posts)).isEqualTo("江北大道");
        assertThat(PlaceNames.complete("渣土", posts)).as("too few occurrences").isEqualTo("渣土");
    }

    @Test
    void particlesNumeralsAndMeasureWordsAreNoPartOfAName() {
        assertThat(PlaceNames.complete("渣土车", posts(times(6, "一辆渣土车侧翻")))).isEqualTo("渣土车");
        assertThat(PlaceNames.complete("事故", posts(times(6, "这次的事故太吓人")))).isEqualTo("事故");
        assertThat(PlaceNames.complete("隧道", posts(times(6, "#隧道坍塌#")))).as("a hashtag's mark is no character of a name").isEqualTo("隧道");
    }

    @Test
    void withoutAgreementOrAtMostThreeCharactersTheWordStays() {
        assertThat(PlaceNames.complete("新区", posts("江北新区", "江南新区", "城东新区", "高新新区", "滨江新区", "临港新区"))).isEqualTo("新区");
        assertThat(PlaceNames.complete("大桥", posts(times(6, "江城市江北长江大桥")))).as("at most three characters added, even where every post agrees").isEqualTo("北长江大桥");
    }

    @Test
    void wordsThatEndAsADistrictStreetOrBridgeDoesMayBeCompleted() {
        assertThat(PlaceNames.looksLikePlace("新区")).isTrue();
        assertThat(PlaceNames.looksLikePlace("中山路")).isTrue();
        assertThat(PlaceNames.looksLikePlace("隧道")).isFalse();
        assertThat(PlaceNames.looksLikePlace("事故")).isFalse();
        assertThat(PlaceNames.looksLikePlace("区")).isFalse();
    }
}
