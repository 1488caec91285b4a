package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.Tier;

class CaseBookTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final String CASE = "case:p/opened/iv_blue/1";

    private static PostRef post(String id) {
        return new PostRef(id, Channel.WEIBO, "微博", null, T0, "网友张**称……", 10);
    }

    private static Alert alert(String id, AlertEventType type, Tier tier, Tier previous, int minutes, Duration respond, String... posts) {
        Instant end = T0.plus(Duration.ofMinutes(minutes));
        return new Alert(id, type, "p", "关于调整收费标准的通知", CASE, tier, previous, 50, end.minus(Duration.ofHours(1)), end,
                List.of(), List.of(posts).stream().map(CaseBookTest::post).toList(), "江城市教育局", "教育",
                new Region("湖北", "江城", null), respond == null ? null : end.plus(respond));
    }

    @Test
    void aCaseFollowsItsEpisodeFromCollectingToEvaluating() {
        CaseRecord opened = CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0,
                Duration.ofHours(48), "a", "b"));
        assertThat(opened.id()).isEqualTo(CASE);
        assertThat(opened.status()).isEqualTo(CaseStatus.COLLECTING);
        assertThat(opened.respondBy()).isEqualTo(T0.plus(Duration.ofHours(48)));

        CaseRecord escalated = CaseBook.apply(opened, alert("p/escalated/ii_orange/2", AlertEventType.ESCALATED, Tier.II_ORANGE,
                Tier.IV_BLUE, 30, Duration.ofHours(24), "b", "c"));
        assertThat(escalated.status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(escalated.currentTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(escalated.respondBy()).isEqualTo(T0.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(24)));
        assertThat(escalated.quotedPosts()).extracting(PostRef::itemId).containsExactly("a", "b", "c");

        CaseRecord lower = CaseBook.apply(escalated, alert("p/deescalated/iii_yellow/3", AlertEventType.DEESCALATED,
                Tier.III_YELLOW, Tier.II_ORANGE, 200, null));
        assertThat(lower.currentTier()).isEqualTo(Tier.III_YELLOW);
        assertThat(lower.peakTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(lower.respondBy()).isEqualTo(escalated.respondBy());

        CaseRecord resolved = CaseBook.apply(lower, alert("p/resolved/iii_yellow/4", AlertEventType.RESOLVED, Tier.III_YELLOW,
                Tier.III_YELLOW, 400, null));
        assertThat(resolved.status()).isEqualTo(CaseStatus.EVALUATING);
        assertThat(resolved.currentTier()).isNull();
        assertThat(resolved.peakTier()).isEqualTo(Tier.II_ORANGE);
        assertThat(resolved.openedAt()).isEqualTo(T0);
        assertThat(resolved.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(400)));
        assertThat(resolved.timeline()).extracting(e -> e.kind()).containsExactly("OPENED", "ESCALATED", "DEESCALATED", "RESOLVED");
        assertThat(resolved.timeline().get(3).note()).isEqualTo("风险回落，Ⅲ级黄色（较大）解除");
    }

    @Test
    void theSameAlertTwiceChangesNothing() {
        Alert opening = alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0, Duration.ofHours(48), "a");
        Alert escalation = alert("p/escalated/ii_orange/2", AlertEventType.ESCALATED, Tier.II_ORANGE, Tier.IV_BLUE, 30,
                Duration.ofHours(24), "b");
        CaseRecord once = CaseBook.apply(CaseBook.apply(null, opening), escalation);
        assertThat(CaseBook.apply(once, escalation)).isSameAs(once);
        assertThat(CaseBook.apply(once, opening)).isSameAs(once);
    }

    @Test
    void quotedPostsStopAtTheLimit() {
        String[] many = new String[30];
        for (int i = 0; i < many.length; i++) {
            many[i] = "post" + i;
        }
        CaseRecord opened = CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0,
                Duration.ofHours(48), many));
        assertThat(opened.quotedPosts()).hasSize(CaseBook.QUOTED_POSTS);
    }

    @Test
    void anAlertOfAnotherCaseIsRefused() {
        CaseRecord opened = CaseBook.apply(null, alert("p/opened/iv_blue/1", AlertEventType.OPENED, Tier.IV_BLUE, null, 0,
                Duration.ofHours(48)));
        Alert other = new Alert("q/opened/ii_orange/9", AlertEventType.OPENED, "q", "另一文件", "case:q/opened/ii_orange/9",
                Tier.II_ORANGE, null, 70, T0, T0, List.of(), List.of(), "住建局", "住房保障", null, T0);
        assertThatThrownBy(() -> CaseBook.apply(opened, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to case case:q/opened/ii_orange/9");
    }
}
