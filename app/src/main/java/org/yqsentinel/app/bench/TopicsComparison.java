package org.yqsentinel.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The cost of topic detection from pairs of {@code ./yq bench pipeline} runs on the same load, one with detection on and
 * one with it off: per pair, the steady throughput lost ({@code 1 − on / off}) and the CPU per item added
 * ({@code on / off − 1}), then the median of the pairs and the loss of the summed throughputs. A pair's two runs differ
 * only in the detector; pairs differ in everything else the machine did, so the median of pairs is the figure that counts.
 *
 * @param on  the reports with detection on, pair by pair
 * @param off the reports with detection off, in the same order
 */
public record TopicsComparison(List<PipelineReport> on, List<PipelineReport> off) {

    public TopicsComparison {
        if (on.size() != off.size()) {
            throw new IllegalArgumentException("a comparison needs as many runs off as on: " + on.size() + " on, " + off.size() + " off");
        }
        on = List.copyOf(on);
        off = List.copyOf(off);
    }

    /** Each pair's throughput lost with detection on, a fraction (0.05 = 5 % fewer items a second); NaN where unknown. */
    public List<Double> losses() {
        return perPair(PipelineReport::steadyConsumedPerSecond, (a, b) -> 1 - a / b);
    }

    /** Each pair's CPU per item added with detection on, a fraction; NaN where unknown. */
    public List<Double> cpuAdded() {
        return perPair(PipelineReport::cpuMillisPerThousand, (a, b) -> a / b - 1);
    }

    /** The median of the pairs' losses (NaN when no pair is known). */
    public double medianLoss() {
        return median(losses());
    }

    /** The median of the pairs' CPU added. */
    public double medianCpuAdded() {
        return median(cpuAdded());
    }

    /** The loss of the summed steady throughputs of the pairs both of whose runs are known. */
    public double pooledLoss() {
        double sumOn = 0;
        double sumOff = 0;
        for (int i = 0; i < on.size(); i++) {
            double a = on.get(i).steadyConsumedPerSecond();
            double b = off.get(i).steadyConsumedPerSecond();
            if (a > 0 && b > 0) {
                sumOn += a;
                sumOff += b;
            }
        }
        return sumOff == 0 ? Double.NaN : 1 - sumOn / sumOff;
    }

    void print(PrintStream out) {
        out.println("topic detection, on against off (items/s consumed after the warm-up; CPU ms per 1,000 items):");
        List<Double> losses = losses();
        List<Double> cpu = cpuAdded();
        for (int i = 0; i < on.size(); i++) {
            out.printf(Locale.ROOT, "  pair %d: on %,.0f items/s, %,.0f ms; off %,.0f items/s, %,.0f ms; throughput %s, CPU per item %s%n", i + 1,
                    on.get(i).steadyConsumedPerSecond(), on.get(i).cpuMillisPerThousand(), off.get(i).steadyConsumedPerSecond(),
                    off.get(i).cpuMillisPerThousand(), percent(-losses.get(i)), percent(cpu.get(i)));
        }
        out.printf(Locale.ROOT, "throughput lost with topic detection on: median of %d pairs %s, of the summed throughputs %s;"
                + " CPU per item: median %s%n", on.size(), loss(medianLoss()), loss(pooledLoss()), percent(medianCpuAdded()));
    }

    private List<Double> perPair(ToDoubleFunction<PipelineReport> figure, DoubleBinaryOperator compare) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            double a = figure.applyAsDouble(on.get(i));
            double b = figure.applyAsDouble(off.get(i));
            values.add(a > 0 && b > 0 ? compare.applyAsDouble(a, b) : Double.NaN);
        }
        return values;
    }

    static double median(List<Double> values) {
        List<Double> known = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (known.isEmpty()) {
            return Double.NaN;
        }
        int middle = known.size() / 2;
        return known.size() % 2 == 1 ? known.get(middle) : (known.get(middle - 1) + known.get(middle)) / 2;
    }

    /** A loss as a plain share (a gain shows as a negative loss). */
    private static String loss(double fraction) {
        return Double.isNaN(fraction) ? "unknown" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** A change, signed. */
    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "unknown" : String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }
}
