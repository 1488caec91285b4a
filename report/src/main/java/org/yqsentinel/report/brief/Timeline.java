package org.yqsentinel.report.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;
import org.yqsentinel.report.CaseDelivery;
import org.yqsentinel.report.CaseFile;

/**
 * How a case went over time (二、时间线): per bucket the linked posts, the share of them that is negative and the highest
 * risk score, and every change of tier with its deadline and who acknowledged it.
 *
 * @param buckets     the time axis
 * @param counts      one entry per bucket, in time order
 * @param tierChanges the alert events, in time order
 */
public record Timeline(TimeBuckets buckets, List<BucketCounts> counts, List<TierChange> tierChanges) {

    /**
     * One bucket.
     *
     * @param negativeShare negative posts over the posts with a sentiment, in [0, 1]; null when none has one
     * @param maxScore      the highest score of the risk windows ending in the bucket; null when none does
     */
    public record BucketCounts(Instant start, Instant end, long posts, long negativePosts, Double negativeShare, Double maxScore) {}

    /**
     * An alert event: the tier the case went to and from, when, on which score, the deadline for the first response,
     * and the first acknowledgement of it (null when none).
     *
     * @param at the end of the window that raised it
     */
    public record TierChange(String alertId, AlertEventType type, Instant at, Tier tier, Tier previousTier, double score,
                             Instant respondBy, Acknowledgement acknowledgement) {}

    /** Someone confirmed they had seen an alert event ({@code who} may be null when the ledger does not say). */
    public record Acknowledgement(Instant at, String who, String alertId, String detail) {}

    public Timeline {
        counts = List.copyOf(counts);
        tierChanges = List.copyOf(tierChanges);
    }

    /** The timeline of a case file on these buckets. */
    public static Timeline of(CaseFile file, TimeBuckets buckets) {
        int n = buckets.count();
        long[] posts = new long[n];
        long[] judged = new long[n];
        long[] negative = new long[n];
        Double[] maxScore = new Double[n];
        for (EnrichedItem post : file.posts()) {
            int i = buckets.indexOf(post.item().publishedAt());
            if (i < 0) {
                continue;
            }
            posts[i]++;
            Sentiment.Label label = sentimentOf(post);
            if (label != null) {
                judged[i]++;
                negative[i] += label == Sentiment.Label.NEGATIVE ? 1 : 0;
            }
        }
        for (RiskPoint point : file.series()) {
            int i = buckets.indexOf(point.windowEnd());
            if (i >= 0 && (maxScore[i] == null || point.score() > maxScore[i])) {
                maxScore[i] = point.score();
            }
        }
        List<BucketCounts> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Double share = judged[i] == 0 ? null : (double) negative[i] / judged[i];
            counts.add(new BucketCounts(buckets.startOf(i), buckets.startOf(i + 1), posts[i], negative[i], share, maxScore[i]));
        }
        return new Timeline(buckets, counts, tierChanges(file));
    }

    /** The alert events in time order, each with its first acknowledgement. */
    static List<TierChange> tierChanges(CaseFile file) {
        List<Acknowledgement> acknowledgements = acknowledgements(file);
        return file.alerts().stream()
                .sorted(Comparator.comparing(Alert::windowEnd, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Alert::id))
                .map(alert -> new TierChange(alert.id(), alert.type(), alert.windowEnd(), alert.tier(), alert.previousTier(),
                        alert.score(), alert.respondBy(), acknowledgements.stream()
                        .filter(ack -> alert.id().equals(ack.alertId())).findFirst().orElse(null)))
                .toList();
    }

    /** The acknowledgements among the deliveries, earliest first. */
    static List<Acknowledgement> acknowledgements(CaseFile file) {
        return file.deliveries().stream()
                .filter(d -> CaseDelivery.ACKNOWLEDGEMENT.equals(d.kind()))
                .sorted(Comparator.comparing(CaseDelivery::at, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CaseDelivery::alertId, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(d -> new Acknowledgement(d.at(), d.who(), d.alertId(), d.detail()))
                .toList();
    }

    /** The post's sentiment label, or null when it was not read. */
    static Sentiment.Label sentimentOf(EnrichedItem post) {
        return post.analysis() == null || post.analysis().sentiment() == null ? null : post.analysis().sentiment().label();
    }

    /** True when no bucket holds a post, a score or an alert event. */
    public boolean isEmpty() {
        return buckets.count() == 0;
    }
}
