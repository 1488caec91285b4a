package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.regex.Pattern;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.Counts;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;

/**
 * The Weibo mobile API's {@code mblog} object as crawlers store it (bare, or inside a {@code card}):
 * HTML text with emoticons as images, the long text when the crawler fetched it, counts that may be
 * {@code "12.3万"}, relative {@code created_at} forms resolved against the crawl time, a repost's link
 * to its original, and the {@code 发布于 广东} region.
 */
final class WeiboMblogAdapter implements ItemAdapter {

    private static final Pattern FULL_TEXT_LINK = Pattern.compile("\\s*(\\.\\.\\.|…)?\\s*全文\\s*$");

    private final TextNormalizer normalizer;
    private final Counts counts;

    WeiboMblogAdapter(TextNormalizer normalizer, Counts counts) {
        this.normalizer = normalizer;
        this.counts = counts;
    }

    @Override
    public String name() {
        return "weibo-mblog";
    }

    @Override
    public boolean recognizes(JsonNode record) {
        JsonNode mblog = record.has("mblog") ? record.get("mblog") : record;
        return mblog.isObject() && mblog.has("created_at") && Fields.hasAny(mblog, "mid", "idstr", "id");
    }

    @Override
    public ItemDraft read(JsonNode record, Instant seenAt) {
        JsonNode mblog = record.has("mblog") ? record.get("mblog") : record;
        Instant crawledAt = crawledAt(record, mblog, seenAt);
        ItemDraft draft = new ItemDraft();
        draft.sourceId = Fields.text(mblog, "mid", "idstr", "id");
        draft.text = text(mblog);
        draft.publishedAt = Times.of(mblog.get("created_at"), crawledAt, "created_at");

        JsonNode user = mblog.path("user");
        String userId = Fields.text(user, "idstr", "id");
        if (user.isObject()) {
            draft.source = Fields.text(user, "screen_name");
            draft.author = new Author(draft.source, counts.of(user, "followers_count"), user.path("verified").asBoolean(false),
                    accountType(user));
        }
        String bid = Fields.text(mblog, "bid", "mblogid");
        draft.url = userId != null && bid != null ? "https://weibo.com/" + userId + "/" + bid
                : "https://m.weibo.cn/status/" + draft.sourceId;
        draft.engagement = new Engagement(counts.of(mblog, "reposts_count"), counts.of(mblog, "comments_count"),
                counts.of(mblog, "attitudes_count"), null);
        Provinces.find(Fields.text(mblog, "region_name", "status_province"))
                .ifPresent(province -> draft.region = new Region(province, null, null));
        JsonNode original = mblog.get("retweeted_status");
        if (original != null && original.isObject()) {
            String originalId = Fields.text(original, "mid", "idstr", "id");
            if (originalId != null) {
                draft.repostOf = Item.idOf(Channel.WEIBO, originalId);
            }
        }
        return draft;
    }

    private String text(JsonNode mblog) {
        JsonNode longText = mblog.path("longText");
        String html = mblog.path("isLongText").asBoolean(false) && longText.hasNonNull("longTextContent")
                ? longText.get("longTextContent").asText()
                : Fields.text(mblog, "text", "raw_text");
        if (html == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field text");
        }
        return FULL_TEXT_LINK.matcher(normalizer.fromHtml(html)).replaceFirst("");
    }

    private static Instant crawledAt(JsonNode record, JsonNode mblog, Instant seenAt) {
        for (JsonNode node : new JsonNode[] {record, mblog}) {
            String raw = Fields.text(node, "crawled_at", "crawl_time", "_crawl_time", "crawledAt");
            if (raw != null) {
                return Times.parse(raw, null, "crawled_at");
            }
        }
        return seenAt;
    }

    /** Weibo's {@code verified_type}: 0 a verified person, 1 government, 2 enterprise, 3 media, 4–7 other organizations. */
    private static String accountType(JsonNode user) {
        if (!user.hasNonNull("verified_type")) {
            return null;
        }
        return switch (user.get("verified_type").asInt(-1)) {
            case 0, 200, 220 -> "personal";
            case 1 -> "government";
            case 2 -> "enterprise";
            case 3 -> "media";
            case 4, 5, 6, 7 -> "organization";
            default -> null;
        };
    }
}
