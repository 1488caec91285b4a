package org.yqsentinel.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One public post (a news article, a Weibo post, a WeChat article) in canonical form. The id is
 * deterministic: the channel and the source's own id, so the same post always maps to the same
 * document. {@code source} is the news site or the account that published it.
 *
 * @param summary       the article's own digest (WeChat 摘要), when it has one
 * @param url           canonical: tracking parameters and fragment dropped
 * @param repostOf      id of the post this one reposts (a Weibo 转发), when it is a repost
 * @param copyOf        id of the earlier post this one copies nearly word for word (a reprint); set by deduplication
 * @param textTruncated true when the text was longer than Sentinel keeps and was cut
 * @param fingerprint   SimHash of the text, 16 hex digits, for finding copies
 */
public record Item(
        String id,
        Channel channel,
        String sourceId,
        String source,
        Author author,
        String title,
        String summary,
        String text,
        String url,
        Instant publishedAt,
        Engagement engagement,
        Region region,
        String repostOf,
        String copyOf,
        boolean textTruncated,
        String fingerprint) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** This item with its region resolved (with coordinates) by enrichment. */
    public Item withRegion(Region resolved) {
        return new Item(id, channel, sourceId, source, author, title, summary, text, url, publishedAt, engagement,
                resolved, repostOf, copyOf, textTruncated, fingerprint);
    }

    /** This item marked as a copy of an earlier one. */
    public Item withCopyOf(String originalId) {
        return new Item(id, channel, sourceId, source, author, title, summary, text, url, publishedAt, engagement,
                region, repostOf, originalId, textTruncated, fingerprint);
    }

    /** The deterministic id of the item with this source id on this channel: {@code weibo:4843210001}. */
    public static String idOf(Channel channel, String sourceId) {
        return channel.id() + ":" + sourceId;
    }
}
