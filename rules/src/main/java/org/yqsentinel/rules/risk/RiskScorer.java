package org.yqsentinel.rules.risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.yqsentinel.model.Factor;

/**
 * The risk score (0–100) of a policy's window: each {@link RiskFactor} measured from the
 * {@link WindowStats}, normalized to [0, 1] by the raw value at which it counts in full, and explained
 * in a sentence a desk can read. Attention is the weighted mean of its factors; concern the sum of its
 * factors' points out of 100, at most 1, so that two strong signals (most posts negative, many of them angry)
 * fill it even when the policy looked harmless. They are combined as 100 × √(attention × concern): a loud but
 * welcoming reaction, or a bitter but unheard one, stays low; only a loud and negative one scores high.
 * Volume is the window's posts or, when higher, the rate of its latest part per window length, so a surge
 * counts at the pace it has reached rather than waiting to fill the window. The other attention factors
 * (growth, reach, spread, influential) count in proportion to the volume until it reaches
 * {@code breadth-from-posts}: a few dozen posts from many places, or from nothing the day before, are not
 * yet wide attention. A window with fewer posts than
 * {@code minimum-posts} scores 0: too little to judge; and growth compares with a baseline of at least
 * that many posts, so a handful of posts after a silence is not a fivefold rise. Immutable and thread-safe.
 */
public final class RiskScorer {

    /** The score and every factor that went into it, in the order of {@link RiskFactor}. */
    public record Score(double value, List<Factor> factors) {
        public Score {
            factors = List.copyOf(factors);
        }
    }

    /** The concern points that fill concern. */
    static final double CONCERN_POINTS = 100;

    private final RiskRules rules;
    private final Map<RiskFactor.Group, Double> groupWeight = new EnumMap<>(RiskFactor.Group.class);

    public RiskScorer(RiskRules rules) {
        this.rules = rules;
        rules.weights().forEach((factor, weight) -> groupWeight.merge(factor.group(), weight, Double::sum));
    }

    public Score score(WindowStats stats) {
        List<Factor> factors = new ArrayList<>(RiskFactor.values().length);
        Map<RiskFactor.Group, Double> sums = new EnumMap<>(RiskFactor.Group.class);
        // growth, reach, spread and influential count in proportion to the volume until it reaches breadth-from-posts
        double breadth = clamp(volume(stats) / rules.breadthFromPosts());
        for (RiskFactor factor : RiskFactor.values()) {
            double raw = raw(factor, stats);
            double normalized = factor == RiskFactor.PRE_ISSUANCE ? clamp(raw) : normalize(factor, raw);
            double weight = rules.weights().get(factor);
            boolean scaled = factor.group() == RiskFactor.Group.ATTENTION && factor != RiskFactor.VOLUME;
            sums.merge(factor.group(), weight * normalized * (scaled ? breadth : 1), Double::sum);
            factors.add(new Factor(factor.key(), round(raw), round(normalized), weight, explain(factor, raw, stats)));
        }
        if (stats.posts() < rules.minimumPosts()) {
            return new Score(0, factors);
        }
        double attention = sums.get(RiskFactor.Group.ATTENTION) / groupWeight.get(RiskFactor.Group.ATTENTION);
        double concern = Math.min(1, sums.get(RiskFactor.Group.CONCERN) / CONCERN_POINTS);
        return new Score(round(100 * Math.sqrt(attention * concern)), factors);
    }

    private double raw(RiskFactor factor, WindowStats stats) {
        return switch (factor) {
            case VOLUME -> volume(stats);
            case GROWTH -> volume(stats) / Math.max(rules.minimumPosts(), stats.baselinePostsPerWindow());
            case NEGATIVE_SHARE -> stats.posts() == 0 ? 0 : (double) stats.negativePosts() / stats.posts();
            case ALARM -> stats.posts() == 0 ? 0 : (double) stats.alarmedPosts() / stats.posts();
            case REACH -> stats.reach();
            case SPREAD -> stats.channels() + stats.regions();
            case INFLUENTIAL -> stats.influentialAccounts();
            case SENSITIVE -> stats.sensitiveHits();
            case PRE_ISSUANCE -> stats.preIssuance();
        };
    }

    /**
     * The window's public posts, or the rate its latest part reached, per window length, when that is higher and
     * the latest part holds at least {@code minimum-posts} posts (a few posts are no pace).
     */
    private double volume(WindowStats stats) {
        double recentPosts = stats.recentPostsPerWindow() * rules.windows().recent().toMillis() / rules.windows().size().toMillis();
        return recentPosts < rules.minimumPosts() ? stats.posts() : Math.max(stats.posts(), stats.recentPostsPerWindow());
    }

    private String explain(RiskFactor factor, double raw, WindowStats stats) {
        double from = rules.countsFrom().getOrDefault(factor, 0.0);
        String full = factor == RiskFactor.PRE_ISSUANCE ? ""
                : (from > 0 ? "，" + format(from, factor) + " 以上计分" : "") + "，满分 " + format(rules.fullAt().get(factor), factor);
        String text = switch (factor) {
            case VOLUME -> (raw > stats.posts()
                    ? String.format(Locale.ROOT, "公众发帖 %d 条，最近时段折合每窗口 %.0f 条", stats.posts(), stats.recentPostsPerWindow())
                    : String.format(Locale.ROOT, "公众发帖 %d 条", stats.posts()))
                    + (stats.officialPosts() > 0 ? String.format(Locale.ROOT, "（另有政府账号 %d 条，不计入）", stats.officialPosts()) : "");
            case GROWTH -> stats.baselinePostsPerWindow() < rules.minimumPosts()
                    ? String.format(Locale.ROOT, "较基线 %.1f 倍（基线每窗口 %.1f 条，不足 %d 条按 %d 条计）", raw,
                            stats.baselinePostsPerWindow(), rules.minimumPosts(), rules.minimumPosts())
                    : String.format(Locale.ROOT, "较基线 %.1f 倍（基线每窗口 %.1f 条）", raw, stats.baselinePostsPerWindow());
            case NEGATIVE_SHARE -> String.format(Locale.ROOT, "负面 %d 条，占 %.0f%%", stats.negativePosts(), raw * 100);
            case ALARM -> String.format(Locale.ROOT, "愤怒或恐慌 %d 条，占 %.0f%%", stats.alarmedPosts(), raw * 100);
            case REACH -> String.format(Locale.ROOT, "覆盖 %d 人次（粉丝与转发）", stats.reach());
            case SPREAD -> String.format(Locale.ROOT, "%d 个渠道、%d 个地区", stats.channels(), stats.regions());
            case INFLUENTIAL -> String.format(Locale.ROOT, "%d 个认证或大V账号参与", stats.influentialAccounts());
            case SENSITIVE -> String.format(Locale.ROOT, "敏感词与敏感话题命中 %d 次", stats.sensitiveHits());
            case PRE_ISSUANCE -> String.format(Locale.ROOT, "文件出台前风险 %.2f", raw);
        };
        return factor.label() + "：" + text + full;
    }

    private static String format(double value, RiskFactor factor) {
        return factor == RiskFactor.NEGATIVE_SHARE || factor == RiskFactor.ALARM ? String.format(Locale.ROOT, "%.0f%%", value * 100)
                : value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** 0 up to the factor's counts-from (the share any reaction has), 1 from its full-at, in proportion between. */
    private double normalize(RiskFactor factor, double raw) {
        double from = rules.countsFrom().getOrDefault(factor, 0.0);
        return clamp((raw - from) / (rules.fullAt().get(factor) - from));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** Four decimals: enough to read, and the same on every machine for the same input. */
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
