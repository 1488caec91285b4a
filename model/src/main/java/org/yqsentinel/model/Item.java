package org.yqsentinel.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One public post (a news article, a Weibo post, a WeChat article) in canonical form. The id is
 * deterministic: the channel and the source's own id, so the same post always maps to the same
 * document. {@code source} is the news site or the account that published it.
 */
public record Item(
        String id,
        Channel channel,
        String sourceId,
        String source,
        Author author,
        String title,
        String text,
        String url,
        Instant publishedAt,
        Engagement engagement,
        Region region) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** The deterministic id of the item with this source id on this channel: {@code weibo:4843210001}. */
    public static String idOf(Channel channel, String sourceId) {
        return channel.id() + ":" + sourceId;
    }
}
