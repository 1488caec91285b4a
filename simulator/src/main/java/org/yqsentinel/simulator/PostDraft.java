package org.yqsentinel.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Zones;
import org.yqsentinel.simulator.ScenarioCast.Site;
import org.yqsentinel.simulator.ScenarioCast.WechatAccount;
import org.yqsentinel.simulator.ScenarioCast.WeiboAccount;

/**
 * A post while a simulator writes it: channel, second, words, engagement, publisher and the post it
 * copies. Both simulators fill one in the same way — reposts quote their original, reprints carry the
 * original report, the most-shared posts are the ones copied — and make its item here.
 */
class PostDraft {

    /** Weibo's limit on a post, a repost's comment and quote together. */
    static final int WEIBO_MAX_CHARS = 200;

    /** Publication order: by second, then channel; drafts alike in both keep the order they were written in (list sorts are stable). */
    static final Comparator<PostDraft> PUBLICATION_ORDER =
            Comparator.comparingLong((PostDraft d) -> d.second).thenComparing(d -> d.channel);

    /**
     * How a simulator numbers its items: a Weibo mid from {@code weiboBase}, the second and the channel's
     * sequence (unique while fewer than {@code weiboPerSecond} posts share a second), a news page number
     * of the day in {@code newsFormat}, a WeChat mid from {@code wechatBase}; each simulator its own, so
     * that their ids differ.
     */
    record Numbering(long weiboBase, int weiboPerSecond, String newsFormat, long wechatBase) {}

    final Channel channel;
    long second;
    String title;
    String text;
    Engagement engagement = Engagement.NONE;
    WeiboAccount weibo;
    WechatAccount wechat;
    Site site;
    String reporter;
    /** The post a repost quotes; reprints keep no link to theirs. */
    PostDraft original;
    /** The Weibo item's id, once {@link #item} has made it, for the reposts that quote it. */
    String id;

    PostDraft(Channel channel, long second) {
        this.channel = channel;
        this.second = second;
    }

    /** Makes this a repost of {@code original}: the comment, then {@code //@author：} and the original, cut to Weibo's limit. */
    void repost(PostDraft original, String comment) {
        this.original = original;
        String prefix = comment + "//@" + original.weibo.name() + "：";
        String quoted = original.text;
        if (prefix.length() + quoted.length() > WEIBO_MAX_CHARS) {
            quoted = quoted.substring(0, WEIBO_MAX_CHARS - 1 - prefix.length()) + "…";
        }
        text = prefix + quoted;
    }

    /**
     * Makes this a reprint of {@code original} on {@code site}: the same reporter, title and text, at the
     * second the site prints; half the time crediting the original site, if the text stays within {@code maxChars}.
     */
    void reprint(PostDraft original, Site site, Random rnd, int maxChars) {
        this.site = site;
        second = site.printed(second);
        reporter = original.reporter;
        title = original.title;
        String credit = "\n（来源：" + original.site.name() + "）";
        text = original.text.length() + credit.length() <= maxChars && rnd.nextBoolean() ? original.text + credit : original.text;
    }

    /** Of three posts drawn, the one with the most interactions: copies go to posts already spreading. */
    static <D extends PostDraft> D popular(List<D> drafts, Random rnd) {
        D best = drafts.get(rnd.nextInt(drafts.size()));
        for (int i = 0; i < 2; i++) {
            D other = drafts.get(rnd.nextInt(drafts.size()));
            best = other.engagement.interactions() > best.engagement.interactions() ? other : best;
        }
        return best;
    }

    /** The item of this post, published {@code at}, the {@code seq}-th of its channel. */
    Item item(Instant at, int seq, Numbering numbering) {
        return switch (channel) {
            case WEIBO -> {
                int perSecond = numbering.weiboPerSecond();
                String mid = Long.toString(numbering.weiboBase() + second * perSecond + seq % perSecond);
                id = Item.idOf(Channel.WEIBO, mid);
                if (original != null && original.id == null) {
                    throw new IllegalStateException("repost " + id + " comes before its original");
                }
                yield CrawlerShapes.weiboItem(weibo, mid, text, at, engagement, original == null ? null : original.id);
            }
            case NEWS -> CrawlerShapes.newsItem(site, String.format(numbering.newsFormat(), seq), reporter, title, text, at,
                    engagement, Zones.BEIJING);
            case WECHAT -> CrawlerShapes.wechatItem(wechat, numbering.wechatBase() + seq, seq % 6 == 0 ? 2 : 1, title, text, at,
                    engagement);
        };
    }
}
