package org.yqsentinel.rules.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yqsentinel.rules.RuleFiles;

/** Word counts over ranges of slides, as kept while slides come, leave and come back from state. */
class WordHistoryTest {

    private static final EmergingRules RULES = EmergingRules.load(RuleFiles.bundled());
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final String[] WORDS = {"隧道", "坍塌", "地铁", "早茶", "江城"};

    private record Added(Instant at, List<String> words) {}

    /** Counted one post at a time, the way the history's totals must agree with: the posts naming {@code word}, or all (null). */
    private static int counted(List<Added> added, String word, Instant from, Instant to, Instant keptFrom) {
        long slide = RULES.slide().toMillis();
        long lo = Math.max(Math.floorDiv(from.toEpochMilli(), slide), Math.floorDiv(keptFrom.toEpochMilli(), slide));
        long hi = Math.floorDiv(to.toEpochMilli(), slide);
        return (int) added.stream().filter(a -> {
            long s = Math.floorDiv(a.at().toEpochMilli(), slide);
            return s >= lo && s < hi;
        }).filter(a -> word == null || a.words().contains(word)).count();
    }

    @Test
    void aCountOverAnyRangeIsThePostsOfThatRangeWhileSlidesLeaveAndComeBackFromState() {
        Random random = new Random(5);
        WordHistory history = new WordHistory(RULES);
        List<Added> added = new ArrayList<>();
        Instant keptFrom = T0;
        for (int hour = 0; hour < 40; hour++) {
            for (int i = 0; i < 60; i++) {
                Instant at = T0.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
                List<String> words = new ArrayList<>();
                for (String word : WORDS) {
                    if (random.nextInt(3) == 0) {
                        words.add(word);
                    }
                }
                history.add(at, words);
                added.add(new Added(at, words));
            }
            Instant now = T0.plus(Duration.ofHours(hour + 1));
            if (hour % 7 == 6) {
                // a restore: the slides come back one by one, as from Flink state
                WordHistory restored = new WordHistory(RULES);
                restored.firstBucket(history.firstBucket());
                long first = Math.floorDiv(keptFrom.toEpochMilli(), RULES.slide().toMillis());
                for (long s = first - 2; s < first + 12 * 41; s++) {
                    WordHistory.Bucket bucket = history.bucket(s);
                    if (bucket != null) {
                        restored.put(bucket);
                    }
                }
                history = restored;
            }
            if (hour >= 24) {
                keptFrom = now.minus(Duration.ofHours(24));
                history.evictBefore(keptFrom);
            }
            for (int back : new int[] {1, 2, 12, 23, 30}) {
                Instant from = now.minus(Duration.ofHours(back));
                assertThat(history.posts(from, now)).as("posts from %s", from).isEqualTo(counted(added, null, from, now, keptFrom));
            }
            for (String word : WORDS) {
                for (int back : new int[] {1, 2, 12, 23, 30}) {
                    Instant from = now.minus(Duration.ofHours(back));
                    for (Instant to : List.of(now, now.minus(Duration.ofHours(1)), from.plus(Duration.ofMinutes(5)))) {
                        assertThat(history.count(word, from, to)).as("%s from %s to %s", word, from, to)
                                .isEqualTo(counted(added, word, from, to, keptFrom));
                    }
                }
            }
        }
        assertThat(counted(added, "隧道", T0, T0.plus(Duration.ofDays(3)), keptFrom)).isPositive();
    }
}
