package org.yqsentinel.report.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Tier;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.Redaction;
import org.yqsentinel.report.brief.Timeline.TierChange;

/**
 * What a brief says about a case, computed from its {@link CaseFile} without any markup: the timeline, how it spread,
 * what people say, the peak of its risk and what was done. The same file always gives the same facts; a file without
 * posts, series or alerts gives empty facts, never an error. Every text from a post is already de-identified.
 *
 * @param posts       the linked posts of the file
 * @param currentTier the tier in force: the case's, else the last alert event's (null after a resolution or without any)
 * @param peakTier    the highest tier the case reached: the case's, else the highest of the alert events and the series
 * @param peak        the peak of the risk; null when the file has neither a series nor alert events
 */
public record CaseFacts(long posts, Tier currentTier, Tier peakTier, Timeline timeline, Propagation propagation, Opinion opinion,
                        Peak peak, Handling handling) {

    public CaseFacts {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(propagation, "propagation");
        Objects.requireNonNull(opinion, "opinion");
        Objects.requireNonNull(handling, "handling");
    }

    /** The facts of a case file; {@code redaction} de-identifies every text taken from a post. */
    public static CaseFacts of(CaseFile file, Redaction redaction) {
        TimeBuckets buckets = TimeBuckets.covering(instants(file));
        Timeline timeline = Timeline.of(file, buckets);
        return new CaseFacts(file.posts().size(), currentTier(file, timeline.tierChanges()), peakTier(file),
                timeline, Propagation.of(file.posts(), buckets, redaction), Opinion.of(file.posts(), redaction),
                Peak.of(file).orElse(null), Handling.of(file));
    }

    /** When something happened in the range: posts published, risk windows ended, alert events raised. */
    private static List<Instant> instants(CaseFile file) {
        List<Instant> instants = new ArrayList<>();
        file.posts().forEach(post -> instants.add(post.item().publishedAt()));
        file.series().forEach(point -> instants.add(point.windowEnd()));
        file.alerts().stream().map(Alert::windowEnd).filter(Objects::nonNull).forEach(instants::add);
        // a window ending exactly at the end of the range still belongs to it
        instants.removeIf(at -> at.isBefore(file.from()) || at.isAfter(file.to()));
        return instants;
    }

    private static Tier currentTier(CaseFile file, List<TierChange> changes) {
        if (file.caseRecord() != null) {
            return file.caseRecord().currentTier();
        }
        if (changes.isEmpty()) {
            return null;
        }
        TierChange last = changes.get(changes.size() - 1);
        return last.type() == AlertEventType.RESOLVED ? null : last.tier();
    }

    private static Tier peakTier(CaseFile file) {
        if (file.caseRecord() != null && file.caseRecord().peakTier() != null) {
            return file.caseRecord().peakTier();
        }
        return Stream.concat(file.alerts().stream().map(Alert::tier), file.series().stream().map(RiskPoint::tier))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
