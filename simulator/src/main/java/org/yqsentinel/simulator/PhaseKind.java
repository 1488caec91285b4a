package org.yqsentinel.simulator;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.yqsentinel.model.Channel;
import org.yqsentinel.simulator.SimulatedPost.Stance;
import org.yqsentinel.simulator.SimulatedPost.Topic;

/**
 * What a phase of a simulation holds on top of the everyday background: how many posts an hour on its
 * topic over the phase (at rate 1), in which stances, on which channels, and how many of the Weibo
 * posts are reposts and of the news reports reprints. Phases not about the policy carry its trickle.
 */
enum PhaseKind {

    /** Only the background and the policy's trickle. */
    QUIET(null, x -> 0, stances(0, 0, 0, 0), channels(1, 0, 0), 0, 0),
    /** Posts about the policy growing from 5 to 40 an hour: mostly informing and asking, mixed feelings. */
    BUILD_UP(Topic.POLICY, x -> 5 * Math.pow(8, x), stances(0.40, 0.30, 0.17, 0.13), channels(0.70, 0.18, 0.12), 0.10, 0.15),
    /** A sudden negative outcry: about 400 posts an hour, to 460 at its height. */
    SURGE(Topic.POLICY, x -> piecewise(x, 0, 40, 0.055, 380, 0.333, 460, 0.667, 430, 1, 340),
            stances(0.05, 0.06, 0.86, 0.03), channels(0.84, 0.10, 0.06), 0.28, 0.30),
    /** The outcry dying down, from the surge's 340 an hour to a handful. */
    DECAY(Topic.POLICY, x -> 337 * Math.exp(-4.6 * x) + 3, stances(0.12, 0.12, 0.70, 0.06), channels(0.82, 0.11, 0.07), 0.22, 0.30),
    /** A loud welcome of the policy as big as the outcry, fading in its last hour. */
    POSITIVE(Topic.POLICY, x -> piecewise(x, 0, 40, 0.04, 360, 0.25, 440, 0.6, 400, 0.75, 320, 1, 20),
            stances(0.08, 0.03, 0.07, 0.82), channels(0.82, 0.11, 0.07), 0.22, 0.30),
    /** An unrelated hot topic in the same city as loud as the outcry, and very negative. */
    UNRELATED(Topic.HOT_TOPIC, x -> piecewise(x, 0, 20, 0.067, 360, 0.333, 440, 0.72, 380, 1, 60),
            stances(0.17, 0.03, 0.78, 0.02), channels(0.84, 0.11, 0.05), 0.28, 0.35),
    /** A sudden emergency: from a few posts to 300 an hour within 20 minutes, a peak of 380, then a slow fall. */
    EMERGENCY(Topic.EMERGENCY, x -> piecewise(x, 0, 10, 0.111, 300, 0.3, 380, 0.7, 250, 1, 60),
            stances(0.25, 0.06, 0.64, 0.05), channels(0.84, 0.11, 0.05), 0.25, 0.35);

    final Topic topic;
    private final DoubleUnaryOperator perHour;
    private final double[] stances;
    private final double[] channels;
    final double repostShare;
    final double reprintShare;

    PhaseKind(Topic topic, DoubleUnaryOperator perHour, double[] stances, double[] channels, double repostShare,
              double reprintShare) {
        this.topic = topic;
        this.perHour = perHour;
        this.stances = stances;
        this.channels = channels;
        this.repostShare = repostShare;
        this.reprintShare = reprintShare;
    }

    /** Posts an hour on the phase's topic at {@code x}, the share of the phase gone by (0 to 1). */
    double perHour(double x) {
        return perHour.applyAsDouble(x);
    }

    /** Whether the policy is mentioned only by its trickle of informing posts. */
    boolean trickle() {
        return topic != Topic.POLICY;
    }

    Stance stance(Random rnd) {
        return Stance.values()[Draws.weighted(rnd, stances)];
    }

    Channel channel(Random rnd) {
        return CHANNELS[Draws.weighted(rnd, channels)];
    }

    private static final Channel[] CHANNELS = {Channel.WEIBO, Channel.NEWS, Channel.WECHAT};

    /** The value at {@code x} of the line through the points (x0, y0, x1, y1, …), x ascending. */
    static double piecewise(double x, double... points) {
        for (int i = 2; i < points.length; i += 2) {
            if (x <= points[i]) {
                double from = points[i - 2];
                return points[i - 1] + (points[i + 1] - points[i - 1]) * (x - from) / (points[i] - from);
            }
        }
        return points[points.length - 1];
    }

    private static double[] stances(double informing, double question, double negative, double positive) {
        return new double[] {informing, question, negative, positive};
    }

    private static double[] channels(double weibo, double news, double wechat) {
        return new double[] {weibo, news, wechat};
    }
}
