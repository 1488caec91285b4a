package org.yqsentinel.report.brief;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yqsentinel.model.Zones;
import org.yqsentinel.report.Labels;
import org.yqsentinel.report.brief.Timeline.BucketCounts;
import org.yqsentinel.report.brief.Timeline.TierChange;

/**
 * The timeline chart of a brief as inline SVG: a bar of linked posts per bucket (left axis), the negative share and the
 * highest risk score as lines on one 0–100 axis (right), and a dashed marker in the tier's colour at each alert event;
 * times in Beijing. Static markup: it needs no script and prints as it shows.
 */
final class TimelineChart {

    /** The chart's element id. */
    static final String ID = "timeline-chart";
    /** The fill of the post bars, used nowhere else in a brief, so a screenshot can find the bars. */
    static final String POSTS_FILL = "#2f6fb0";
    static final String NEGATIVE_STROKE = "#8e44ad";
    static final String SCORE_STROKE = "#263238";

    static final double WIDTH = 760;
    static final double HEIGHT = 300;
    static final double LEFT = 48;
    static final double RIGHT = 48;
    static final double TOP = 46;
    static final double BOTTOM = 46;

    private static final int MAX_TICKS = 10;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);

    private TimelineChart() {}

    static String svg(Timeline timeline) {
        Svg svg = new Svg(ID, WIDTH, HEIGHT, "时间线：各时段关联帖文数、负面占比、风险评分与预警");
        List<BucketCounts> counts = timeline.counts();
        long maxPosts = counts.stream().mapToLong(BucketCounts::posts).max().orElse(0);
        long postsAxis = Math.max(4, (maxPosts + 3) / 4 * 4);  // quarters of it are whole posts
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / counts.size();

        for (int quarter = 0; quarter <= 4; quarter++) {
            double y = TOP + plotHeight * (1 - quarter / 4.0);
            svg.line(LEFT, y, WIDTH - RIGHT, y, "#dddddd", 1, null, "grid");
            svg.text(LEFT - 6, y + 4, "end", "axis", String.valueOf(postsAxis * quarter / 4));
            svg.text(WIDTH - RIGHT + 6, y + 4, "start", "axis", String.valueOf(25 * quarter));
        }
        svg.text(4, TOP - 12, "start", "axis", "帖文（条）");
        svg.text(WIDTH - 4, TOP - 12, "end", "axis", "%／分");

        List<List<double[]>> negative = new ArrayList<>();  // broken where a bucket has no posts: no share there
        List<double[]> scores = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            BucketCounts bucket = counts.get(i);
            double centre = LEFT + slot * (i + 0.5);
            if (bucket.posts() > 0) {
                double height = plotHeight * bucket.posts() / postsAxis;
                svg.rect(LEFT + slot * i + slot * 0.15, TOP + plotHeight - height, slot * 0.7, height, POSTS_FILL, "posts-bar",
                        Html.time(bucket.start()) + " 起：帖文 " + bucket.posts() + " 条"
                                + (bucket.negativeShare() == null ? "" : "，负面 " + Html.percent(bucket.negativeShare())));
            }
            if (bucket.negativeShare() == null) {
                negative.add(new ArrayList<>());
            } else {
                if (negative.isEmpty()) {
                    negative.add(new ArrayList<>());
                }
                negative.get(negative.size() - 1).add(new double[] {centre, TOP + plotHeight * (1 - bucket.negativeShare())});
            }
            if (bucket.maxScore() != null) {
                scores.add(new double[] {centre, TOP + plotHeight * (1 - Math.min(100, bucket.maxScore()) / 100)});
            }
        }
        negative.forEach(run -> svg.polyline(run, NEGATIVE_STROKE, "negative-line", null));
        svg.polyline(scores, SCORE_STROKE, "score-line", "6 3");

        for (int i = 0; i < timeline.tierChanges().size(); i++) {
            TierChange change = timeline.tierChanges().get(i);
            double at = change.at() == null ? -1 : fraction(timeline.buckets(), change.at());
            if (at < 0 || at > 1) {
                continue;
            }
            double x = LEFT + plotWidth * at;
            String colour = Labels.colour(change.tier());
            svg.marker(x, TOP - 4, TOP + plotHeight, colour, change.tier().code(),
                    Labels.shortTier(change.tier()) + Labels.event(change.type()),
                    Html.time(change.at()) + " " + Labels.event(change.type()) + " " + change.tier().label() + "，评分 " + Html.number(change.score()),
                    i % 2 == 0 ? TOP - 8 : TOP + 12);
        }
        ticks(svg, timeline.buckets(), slot);
        legend(svg);
        return svg.close();
    }

    /** Where an instant falls along the buckets, from 0 at the start of the first to 1 at the end of the last. */
    private static double fraction(TimeBuckets buckets, Instant at) {
        double total = buckets.end().toEpochMilli() - buckets.start().toEpochMilli();
        return (at.toEpochMilli() - buckets.start().toEpochMilli()) / total;
    }

    /**
     * Labels under bucket boundaries at round Beijing times, at most {@value #MAX_TICKS}: the time of day, with the date
     * under the first and under each midnight; only the date when the ticks are days apart.
     */
    private static void ticks(Svg svg, TimeBuckets buckets, double slot) {
        long stepHours = buckets.step().toHours();
        long tickHours = tickHours(buckets.count() * stepHours, stepHours);
        LocalDate firstDay = LocalDateTime.ofInstant(buckets.start(), Zones.BEIJING).toLocalDate();
        double baseline = HEIGHT - BOTTOM;
        boolean dated = false;
        for (int i = 0; i <= buckets.count(); i++) {
            LocalDateTime local = LocalDateTime.ofInstant(buckets.startOf(i), Zones.BEIJING);
            boolean tick = tickHours < 24 ? local.getHour() % tickHours == 0
                    : local.getHour() == 0 && ChronoUnit.DAYS.between(firstDay, local.toLocalDate()) % (tickHours / 24) == 0;
            if (!tick) {
                continue;
            }
            double x = LEFT + slot * i;
            svg.line(x, baseline, x, baseline + 4, "#666666", 1, null, "tick");
            if (tickHours >= 24) {
                svg.text(x, baseline + 16, "middle", "axis", DAY.format(local));
                continue;
            }
            svg.text(x, baseline + 16, "middle", "axis", HOUR.format(local));
            if (!dated || local.getHour() == 0) {
                svg.text(x, baseline + 30, "middle", "axis", DAY.format(local));
                dated = true;
            }
        }
        svg.text(WIDTH / 2, HEIGHT - 2, "middle", "axis", "北京时间");
    }

    /** The fewest hours between ticks, a multiple of the step, that keeps the ticks to {@value #MAX_TICKS}. */
    static long tickHours(long totalHours, long stepHours) {
        for (long hours : new long[] {1, 2, 3, 6, 12, 24}) {
            if (hours % stepHours == 0 && totalHours / hours <= MAX_TICKS) {
                return hours;
            }
        }
        long stepDays = Math.max(1, stepHours / 24);
        long days = (long) Math.ceil(totalHours / 24.0 / MAX_TICKS);
        return (days + stepDays - 1) / stepDays * stepDays * 24;
    }

    private static void legend(Svg svg) {
        double y = 14;
        svg.swatch(LEFT, y - 9, POSTS_FILL);
        svg.text(LEFT + 16, y, "start", "legend", "关联帖文（条，左轴）");
        svg.line(LEFT + 150, y - 4, LEFT + 172, y - 4, NEGATIVE_STROKE, 2, null, "legend-line");
        svg.text(LEFT + 178, y, "start", "legend", "负面占比（%，右轴）");
        svg.line(LEFT + 310, y - 4, LEFT + 332, y - 4, SCORE_STROKE, 2, "6 3", "legend-line");
        svg.text(LEFT + 338, y, "start", "legend", "风险评分（0–100，右轴）");
        svg.line(LEFT + 490, y - 10, LEFT + 490, y + 2, "#777777", 2, "4 3", "legend-line");
        svg.text(LEFT + 498, y, "start", "legend", "预警（颜色为等级）");
    }
}
