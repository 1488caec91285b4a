package org.yqsentinel.report.brief;

import java.util.List;
import org.yqsentinel.model.Channel;
import org.yqsentinel.report.Labels;
import org.yqsentinel.report.brief.Propagation.ChannelSpread;

/** The posts of each channel per bucket as stacked bars of inline SVG, on the timeline chart's time axis. */
final class ChannelChart {

    static final String ID = "channel-chart";

    private static final double WIDTH = TimelineChart.WIDTH;
    private static final double HEIGHT = 170;
    private static final double LEFT = TimelineChart.LEFT;
    private static final double RIGHT = TimelineChart.RIGHT;
    private static final double TOP = 30;
    private static final double BOTTOM = 14;

    private ChannelChart() {}

    static String svg(List<ChannelSpread> channels, TimeBuckets buckets) {
        Svg svg = new Svg(ID, WIDTH, HEIGHT, "各渠道各时段帖文数");
        int n = buckets.count();
        long[] stacked = new long[n];
        channels.forEach(channel -> {
            for (int i = 0; i < n; i++) {
                stacked[i] += channel.perBucket().get(i);
            }
        });
        long max = 0;
        for (long posts : stacked) {
            max = Math.max(max, posts);
        }
        long axis = Math.max(2, (max + 1) / 2 * 2);
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (WIDTH - LEFT - RIGHT) / n;
        for (int half = 0; half <= 2; half++) {
            double y = TOP + plotHeight * (1 - half / 2.0);
            svg.line(LEFT, y, WIDTH - RIGHT, y, "#dddddd", 1, null, "grid");
            svg.text(LEFT - 6, y + 4, "end", "axis", String.valueOf(axis * half / 2));
        }
        double[] base = new double[n];
        for (ChannelSpread channel : channels) {
            for (int i = 0; i < n; i++) {
                long posts = channel.perBucket().get(i);
                if (posts > 0) {
                    double height = plotHeight * posts / axis;
                    base[i] += height;
                    svg.rect(LEFT + slot * i + slot * 0.15, TOP + plotHeight - base[i], slot * 0.7, height, colour(channel.channel()),
                            "channel-bar", Html.time(buckets.startOf(i)) + " 起 " + Labels.channel(channel.channel()) + " " + posts + " 条");
                }
            }
        }
        double x = LEFT;
        for (ChannelSpread channel : channels) {
            svg.swatch(x, 8, colour(channel.channel()));
            String label = Labels.channel(channel.channel()) + " " + channel.total() + " 条";
            svg.text(x + 16, 17, "start", "legend", label);
            x += 40 + label.length() * 12;
        }
        return svg.close();
    }

    static String colour(Channel channel) {
        return switch (channel) {
            case WEIBO -> "#e4572e";
            case NEWS -> "#4c956c";
            case WECHAT -> "#7b5ea7";
        };
    }
}
