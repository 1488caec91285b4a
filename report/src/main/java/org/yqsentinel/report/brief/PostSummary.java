package org.yqsentinel.report.brief;

import java.time.Instant;
import java.util.Comparator;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.report.Redaction;

/**
 * A post as a brief quotes it: where and when it appeared, who posted it and what it says, already de-identified.
 *
 * @param outlet       the news site or the account that published it, as {@link Redaction#outletName} shows it
 * @param author       the author's name as {@link Redaction#accountName} shows it; null when unknown
 * @param title        the title, de-identified; null when the post has none
 * @param excerpt      the text, de-identified and cut to {@value #EXCERPT_CHARS} characters
 * @param interactions reposts, comments and likes
 */
public record PostSummary(String id, Channel channel, String outlet, String author, Instant publishedAt, String title,
                          String excerpt, long interactions) {

    /** How much of a post's text a brief quotes. */
    public static final int EXCERPT_CHARS = 120;

    /** Earliest first; ties by id, so the order is the same on every run. */
    public static final Comparator<EnrichedItem> EARLIEST_FIRST = Comparator
            .comparing((EnrichedItem post) -> post.item().publishedAt())
            .thenComparing(post -> post.item().id());

    /** The post as a brief quotes it. */
    public static PostSummary of(EnrichedItem post, Redaction redaction) {
        Item item = post.item();
        String title = item.title() == null || item.title().isBlank() ? null : redaction.excerpt(item.title(), EXCERPT_CHARS);
        return new PostSummary(item.id(), item.channel(), Redaction.outletName(item), Redaction.accountName(item.author()), item.publishedAt(),
                title, redaction.excerpt(item.text(), EXCERPT_CHARS), item.engagement().interactions());
    }
}
