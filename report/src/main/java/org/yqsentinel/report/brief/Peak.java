package org.yqsentinel.report.brief;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.RiskPoint;
import org.yqsentinel.model.Tier;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.rules.risk.RiskFactor;

/**
 * The peak of a case's risk (五、风险研判): the risk window with the highest score (ties: the earliest), with each factor
 * under the label a desk reads, largest contribution first. When the file holds no risk series, the alert event with
 * the highest score stands in for it.
 *
 * @param windowStart null when the source does not say
 * @param tier        the tier in force after the window; null when none was
 * @param posts       the linked posts of the window; null when it stands for an alert event
 */
public record Peak(Instant windowStart, Instant windowEnd, double score, Tier tier, Long posts, List<FactorLine> factors) {

    /**
     * One factor of the peak's score.
     *
     * @param key         as {@code risk.yaml} names it ({@code negative-share})
     * @param label       as a desk reads it ({@code 负面占比}); the key when the factor is not known
     * @param normalized  in [0, 1]
     * @param explanation why, in Chinese, as the scorer wrote it
     */
    public record FactorLine(String key, String label, double raw, double normalized, double weight, String explanation) {

        /** What the factor adds to the score before the groups are combined: weight × normalized value. */
        public double contribution() {
            return weight * normalized;
        }
    }

    public Peak {
        factors = List.copyOf(factors);
    }

    /** The peak of the file's series, or of its alert events when it has no series; empty when it has neither. */
    public static Optional<Peak> of(CaseFile file) {
        Comparator<RiskPoint> highestThenEarliest = Comparator.comparingDouble(RiskPoint::score).reversed()
                .thenComparing(RiskPoint::windowEnd).thenComparing(RiskPoint::id);
        Optional<Peak> fromSeries = file.series().stream().sorted(highestThenEarliest).findFirst()
                .map(p -> new Peak(p.windowStart(), p.windowEnd(), p.score(), p.tier(), p.itemCount(), lines(p.factors())));
        if (fromSeries.isPresent()) {
            return fromSeries;
        }
        Comparator<Alert> highestAlertThenEarliest = Comparator.comparingDouble(Alert::score).reversed()
                .thenComparing(Alert::windowEnd, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Alert::id);
        return file.alerts().stream().filter(a -> a.windowEnd() != null).sorted(highestAlertThenEarliest).findFirst()
                .map(a -> new Peak(a.windowStart(), a.windowEnd(), a.score(), a.tier(), null, lines(a.factors())));
    }

    private static List<FactorLine> lines(List<Factor> factors) {
        return factors.stream()
                .map(f -> new FactorLine(f.name(), RiskFactor.labelOf(f.name()), f.raw(), f.normalized(), f.weight(), f.explanation()))
                .sorted(Comparator.comparingDouble(FactorLine::contribution).reversed())
                .toList();
    }
}
