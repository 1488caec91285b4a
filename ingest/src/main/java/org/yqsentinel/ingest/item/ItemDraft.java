package org.yqsentinel.ingest.item;

import java.time.Duration;
import java.time.Instant;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.ingest.normalize.Urls;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Digests;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.text.SimHash;

/**
 * What an adapter read from a crawler record, before the rules every item obeys: text normalized
 * and capped, URL canonical, a deterministic id, a publish time not in the future, a fingerprint.
 * Adapters fill it; {@link #build} is the one place those rules live.
 */
final class ItemDraft {

    String sourceId;
    String source;
    Author author;
    String title;
    String summary;
    /** Already normalized by the adapter (HTML or plain). */
    String text;
    String url;
    Instant publishedAt;
    Engagement engagement = Engagement.NONE;
    Region region;
    String repostOf;

    /** The item, or the rule it breaks; {@code limits} bound its publish time. */
    Item build(Channel channel, Instant seenAt, TextNormalizer normalizer, SentinelConfig.Ingest limits) {
        if (text == null || text.isBlank()) {
            throw new InvalidRecord(RejectCode.EMPTY_TEXT, "empty text (nothing left after removing HTML and whitespace)");
        }
        String canonicalUrl = Urls.canonical(url);
        String id = sourceId == null || sourceId.isBlank() ? null : sourceId.strip();
        if (id == null) {
            if (canonicalUrl == null) {
                throw new InvalidRecord(RejectCode.NO_ID, "no source id and no url (one of them is needed for the item's id)");
            }
            id = "u" + Digests.sha256Hex(canonicalUrl).substring(0, 20);
        }
        if (publishedAt == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing publish time");
        }
        if (publishedAt.isBefore(limits.earliest())) {
            throw new InvalidRecord(RejectCode.BAD_TIME, "publish time " + publishedAt + " is before " + limits.earliestTime()
                    + ", the earliest plausible (ingest.earliest-time)");
        }
        if (seenAt != null && publishedAt.isAfter(seenAt.plus(Duration.ofMinutes(limits.futureToleranceMinutes())))) {
            Duration ahead = Duration.between(seenAt, publishedAt);
            String amount = ahead.toDays() >= 1 ? ahead.toDays() + " days" : ahead.toHours() + " hours";
            throw new InvalidRecord(RejectCode.FUTURE_TIME, "publish time " + amount + " in the future (" + publishedAt
                    + ", record seen at " + seenAt + ")");
        }
        TextNormalizer.Capped capped = normalizer.cap(text);
        String cleanTitle = blankToNull(normalizer.plain(title));
        return new Item(Item.idOf(channel, id), channel, id, blankToNull(source), author, cleanTitle,
                blankToNull(normalizer.plain(summary)), capped.text(), canonicalUrl, publishedAt, engagement, region,
                repostOf, null, capped.truncated(), SimHash.hex(SimHash.of(capped.text())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
