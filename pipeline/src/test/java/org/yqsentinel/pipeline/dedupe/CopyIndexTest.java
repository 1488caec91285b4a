package org.yqsentinel.pipeline.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.text.SimHash;
import org.yqsentinel.pipeline.dedupe.CopyIndex.Seen;

class CopyIndexTest {

    @Test
    void fingerprintsWithinCopyDistanceAlwaysShareABand() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2_000; trial++) {
            long a = random.nextLong();
            long b = a;
            for (int flip = 0; flip < SimHash.COPY_DISTANCE; flip++) {
                b ^= 1L << random.nextInt(64);
            }
            Set<String> shared = new HashSet<>(CopyIndex.bandKeys(a));
            shared.retainAll(CopyIndex.bandKeys(b));
            assertThat(shared).as("trial %d", trial).isNotEmpty();
        }
    }

    @Test
    void originalIsTheEarliestCloseMatchPublishedNoLater() {
        long fp = 0x0123_4567_89ab_cdefL;
        List<Seen> bucket = List.of(
                new Seen("news:late", fp, 3_000),
                new Seen("news:first", fp ^ 0b101, 1_000),
                new Seen("news:far", fp ^ 0xffffL, 500),
                new Seen("news:second", fp ^ 0b1, 2_000));
        assertThat(CopyIndex.original(bucket, new Seen("weibo:copy", fp, 2_500))).map(Seen::itemId).contains("news:first");
        assertThat(CopyIndex.original(bucket, new Seen("news:first", fp ^ 0b101, 1_000))).as("not a copy of itself or of later posts").isEmpty();
    }

    @Test
    void samePublishTimeBreaksTiesByIdSoTheResultNeverDependsOnArrivalOrder() {
        long fp = 77L;
        Seen a = new Seen("news:a", fp, 1_000);
        Seen b = new Seen("news:b", fp, 1_000);
        assertThat(CopyIndex.original(List.of(a), b)).contains(a);
        assertThat(CopyIndex.original(List.of(b), a)).isEmpty();
        assertThat(CopyIndex.earlier(a, b)).isEqualTo(CopyIndex.earlier(b, a)).isEqualTo(a);
    }

    @Test
    void bucketKeepsTheNewestWhenFull() {
        List<Seen> bucket = new ArrayList<>();
        for (int i = 0; i < CopyIndex.MAX_PER_BAND + 10; i++) {
            bucket = CopyIndex.remember(bucket, new Seen("weibo:" + i, i, i));
        }
        assertThat(bucket).hasSize(CopyIndex.MAX_PER_BAND);
        assertThat(bucket.get(0).itemId()).isEqualTo("weibo:10");
        assertThat(CopyIndex.remember(bucket, bucket.get(5))).as("no double entries").hasSize(CopyIndex.MAX_PER_BAND);
    }
}
