package org.yqsentinel.simulator;

import static org.yqsentinel.simulator.ScenarioGenerator.RESPONSE_HOUR;

import java.util.Random;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Zones;
import org.yqsentinel.simulator.ScenarioText.Kind;

/**
 * The shape of the episode over its 72 hours: how many posts each channel publishes per hour and
 * which kind of post (informing, angry, answering, off-topic) is likely at that point of the story.
 */
final class ScenarioTimeline {

    private static final int RELEASE_LOCAL_HOUR =
            ScenarioGenerator.RELEASED_AT.atZone(Zones.BEIJING).getHour();

    private final Random rnd;

    ScenarioTimeline(Random rnd) {
        this.rnd = rnd;
    }

    Kind weiboKind(int hour) {
        double r = rnd.nextDouble();
        if (rnd.nextDouble() < 0.1) {
            return Kind.NOISE;
        } else if (hour < 12) {
            return r < 0.45 ? Kind.INFO : r < 0.8 ? Kind.NEGATIVE : Kind.QUESTION;
        } else if (hour < 24) {
            return r < 0.2 ? Kind.INFO : r < 0.8 ? Kind.NEGATIVE : Kind.QUESTION;
        } else if (hour < RESPONSE_HOUR) {
            return r < 0.06 ? Kind.INFO : r < 0.88 ? Kind.NEGATIVE : Kind.QUESTION;
        }
        return r < 0.3 ? Kind.NEGATIVE : r < 0.63 ? Kind.MIXED : Kind.POSITIVE;
    }

    Kind newsKind(int hour) {
        double r = rnd.nextDouble();
        if (rnd.nextDouble() < 0.1) {
            return Kind.NOISE;
        } else if (hour < 24) {
            return r < 0.6 ? Kind.INFO : r < 0.85 ? Kind.EXPLAINER : Kind.REACTION;
        } else if (hour < RESPONSE_HOUR) {
            return r < 0.55 ? Kind.REACTION : r < 0.75 ? Kind.EXPLAINER : Kind.INFO;
        }
        return r < 0.55 ? Kind.RESPONSE : r < 0.75 ? Kind.COMMENTARY : Kind.EXPLAINER;
    }

    Kind wechatKind(int hour) {
        double r = rnd.nextDouble();
        if (rnd.nextDouble() < 0.1) {
            return Kind.NOISE;
        } else if (hour < 24) {
            return r < 0.65 ? Kind.INFO : Kind.NEGATIVE;
        } else if (hour < RESPONSE_HOUR) {
            return r < 0.65 ? Kind.NEGATIVE : Kind.INFO;
        }
        return r < 0.5 ? Kind.RESPONSE : r < 0.8 ? Kind.MIXED : Kind.NEGATIVE;
    }

    /** A second within the hour; what reacts to the bureau's answer comes at least ten minutes after it. */
    long second(int hour, Kind kind) {
        long second = hour * 3600L + rnd.nextInt(3600);
        boolean answers = kind == Kind.RESPONSE || kind == Kind.POSITIVE || kind == Kind.MIXED
                || kind == Kind.COMMENTARY;
        return answers ? Math.max(second, RESPONSE_HOUR * 3600L + 600 + rnd.nextInt(1800)) : second;
    }

    /** Hourly volume: a channel's curve over the 72 h times how busy that hour of the Beijing day is. */
    int sampleHour(Channel channel) {
        double[] weights = new double[(int) ScenarioGenerator.WINDOW.toHours()];
        double total = 0;
        for (int h = 0; h < weights.length; h++) {
            weights[h] = curve(channel, h) * daytime(channel, (RELEASE_LOCAL_HOUR + h) % 24);
            total += weights[h];
        }
        return Draws.index(weights, rnd.nextDouble() * total, weights.length - 1);
    }

    private static double curve(Channel channel, int h) {
        return switch (channel) {
            case WEIBO -> h < 6 ? 0.5 : h < 12 ? 1 : h < 18 ? 2 : h < 24 ? 3 : h < 36 ? 8 : h < 48 ? 7 : h < 60 ? 4 : 2;
            case NEWS -> h < 12 ? 2.5 : h < 24 ? 1.5 : h < RESPONSE_HOUR ? 2.2 : h < 60 ? 3 : 1.2;
            case WECHAT -> h < 12 ? 1 : h < 24 ? 1.5 : h < 60 ? 2.5 : 1.5;
        };
    }

    private static double daytime(Channel channel, int localHour) {
        if (channel == Channel.WEIBO) {
            return localHour < 2 ? 0.6 : localHour < 7 ? 0.15 : localHour < 9 ? 0.7 : localHour >= 20 ? 1.4
                    : localHour == 12 || localHour == 13 ? 1.2 : 1;
        }
        if (localHour < 7) {
            return 0.05;
        }
        return channel == Channel.NEWS ? (localHour == 23 ? 0.3 : 1)
                : localHour < 9 || localHour >= 18 && localHour < 23 ? 1.5 : localHour == 12 ? 1.3 : 0.8;
    }
}
