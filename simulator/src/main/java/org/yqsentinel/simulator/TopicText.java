package org.yqsentinel.simulator;

import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.SimulatedPost.Stance;

/** The wording of the posts on one topic of a simulation, per channel and stance, drawn from phrase lists. */
interface TopicText {

    /** A Weibo post; {@code institutional} when an official or media account posts it (only when informing). */
    String weibo(Stance stance, boolean institutional);

    /** What a user writes in front of {@code //@author：original} when reposting a post of this stance. */
    String repostComment(Stance stance);

    /** A news report in a stance {@link #articleStance} gives. */
    Article news(Stance stance);

    /** A WeChat article in a stance {@link #articleStance} gives. */
    Article wechat(Stance stance);

    /** The stance an article takes when a post of {@code stance} is wanted: articles inform rather than ask. */
    default Stance articleStance(Stance stance) {
        return stance == Stance.QUESTION ? Stance.INFORMING : stance;
    }
}
