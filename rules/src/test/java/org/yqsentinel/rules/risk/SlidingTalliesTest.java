package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleFiles;

/** Windows of 60 minutes every 5, baseline 24 hours (the bundled defaults). */
class SlidingTalliesTest {

    private static final RiskRules.Windows WINDOWS = RiskRules.load(RuleFiles.bundled()).windows();
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static EnrichedItem post(String id, Instant at) {
        Item item = new Item(id, Channel.WEIBO, id, "src", null, null, null, "…", null, at, null, null, null, null, false, null);
        return new EnrichedItem(item, new Analysis(List.of(), List.of(), new Sentiment(-0.5, Sentiment.Label.NEGATIVE), null,
                List.of(), List.of()));
    }

    private static SlidingTallies tallies(Instant... times) {
        SlidingTallies tallies = new SlidingTallies(WINDOWS);
        for (int i = 0; i < times.length; i++) {
            tallies.add(times[i], post("p" + i, times[i]), Set.of(), Set.of());
        }
        return tallies;
    }

    @Test
    void aWindowCoversTheHourBeforeItsEndAndNothingElse() {
        SlidingTallies tallies = tallies(T0.minusSeconds(1), T0, T0.plus(Duration.ofMinutes(59)), T0.plus(Duration.ofMinutes(60)));
        WindowTally window = tallies.window(T0.plus(Duration.ofHours(1)));
        assertThat(window.posts()).isEqualTo(2);  // T0 and T0 + 59 min; not the second before, not the end itself
        assertThat(window.stats(0, 0, 0).negativePosts()).isEqualTo(2);
    }

    @Test
    void theBaselineIsTheDayBeforeTheWindowPerWindowLength() {
        Instant end = T0.plus(Duration.ofHours(30));
        Instant[] times = new Instant[49];
        for (int i = 0; i < 48; i++) {
            times[i] = end.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(30L * i + 1));  // 48 posts over the day before
        }
        times[48] = end.minus(Duration.ofMinutes(10));  // one in the window
        SlidingTallies tallies = tallies(times);
        assertThat(tallies.window(end).posts()).isEqualTo(1);
        assertThat(tallies.baselinePerWindow(end)).isEqualTo(2.0);
    }

    @Test
    void aPostCountsInEveryWindowThatCoversItAndEvictionKeepsWhatIsNeeded() {
        Instant at = T0.plus(Duration.ofMinutes(7));
        SlidingTallies tallies = tallies(at);
        Instant firstEnd = tallies.nextWindowEnd(at);
        assertThat(firstEnd).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        int covering = 0;
        for (Instant end = firstEnd; end.isBefore(firstEnd.plus(Duration.ofHours(2))); end = end.plus(WINDOWS.slide())) {
            covering += (int) tallies.window(end).posts();
        }
        assertThat(covering).isEqualTo(12);  // an hour of windows, every 5 minutes
        tallies.evictBefore(at.plus(Duration.ofHours(24)));
        assertThat(tallies.isEmpty()).isFalse();  // still in the baseline of windows to come
        tallies.evictBefore(at.plus(Duration.ofHours(26)));
        assertThat(tallies.isEmpty()).isTrue();
    }

    @Test
    void aBucketPutBackFromStateCountsAsBefore() {
        Instant at = T0.plus(Duration.ofMinutes(7));
        SlidingTallies original = tallies(at, at.plusSeconds(30));
        long bucket = original.bucketOf(at);
        SlidingTallies restored = new SlidingTallies(WINDOWS);
        restored.put(bucket, WindowTally.of(original.window(original.nextWindowEnd(at)).toBucket()));
        Instant end = original.nextWindowEnd(at);
        assertThat(restored.window(end).stats(0, 0, 0)).isEqualTo(original.window(end).stats(0, 0, 0));
        assertThat(restored.window(end).topPosts()).isEqualTo(original.window(end).topPosts());
        assertThat(restored.anyIn(end.plus(Duration.ofMinutes(55)))).isTrue();
        assertThat(restored.anyIn(end.plus(Duration.ofMinutes(60)))).isFalse();
    }
}
