package org.yqsentinel.simulator;

import java.util.Random;
import org.yqsentinel.model.Engagement;

/**
 * How many reposts, comments, likes and reads a simulated post draws on each channel, as the crawlers
 * show them. Both simulators draw with these; each sets its own mood factors (an angry phase draws more).
 */
final class Reactions {

    private Reactions() {}

    /** A Weibo post's: log-normal around a scale that grows with the author's followers. */
    static Engagement weibo(Random rnd, long followers, double mood) {
        double scale = (3 + 0.01 * Math.pow(followers, 0.9)) * Math.exp(rnd.nextGaussian()) * mood;
        return WeiboShape.engagement(Math.round(scale * (0.05 + 0.5 * rnd.nextDouble())),
                Math.round(scale * (0.1 + 0.4 * rnd.nextDouble())), Math.round(scale));
    }

    /** A news page's: comments on four pages in ten, reads where the site shows them. */
    static Engagement news(Random rnd, boolean showsReads, double commentMood, double readMood) {
        Long comments = rnd.nextDouble() < 0.4 ? Math.round(Math.exp(Math.log(20) + 1.2 * rnd.nextGaussian()) * commentMood) : null;
        Long reads = showsReads ? Math.round(Math.exp(Math.log(3000) + rnd.nextGaussian()) * readMood) : null;
        return new Engagement(null, comments, null, reads);
    }

    /** A WeChat article's: reads around the account's scale (capped as WeChat shows them), likes and some comments. */
    static Engagement wechat(Random rnd, long readScale, double mood) {
        long reads = CrawlerShapes.wechatReads(Math.round(readScale * Math.exp(0.55 * rnd.nextGaussian()) * mood));
        Long comments = rnd.nextDouble() < 0.6 ? Math.round(reads * (0.001 + 0.004 * rnd.nextDouble())) : null;
        return new Engagement(null, comments, Math.round(reads * (0.005 + 0.025 * rnd.nextDouble())), reads);
    }

    /** A Weibo post that takes off: thirty to a hundred and twenty times what it had, and then some. */
    static Engagement viral(Random rnd, Engagement e) {
        double factor = 30 + 90 * rnd.nextDouble();
        return WeiboShape.engagement(Math.round(e.reposts() * factor + 200), Math.round(e.comments() * factor + 100),
                Math.round(e.likes() * factor + 500));
    }
}
