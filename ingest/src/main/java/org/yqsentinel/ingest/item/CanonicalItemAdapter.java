package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.Counts;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Region;

/**
 * Sentinel's own raw form: an item's fields without id and channel (docs/model.md), as written by the
 * scenario generator and by archive exports. Recognised by {@code publishedAt}.
 */
final class CanonicalItemAdapter implements ItemAdapter {

    private final TextNormalizer normalizer;
    private final Counts counts;

    CanonicalItemAdapter(TextNormalizer normalizer, Counts counts) {
        this.normalizer = normalizer;
        this.counts = counts;
    }

    @Override
    public String name() {
        return "canonical";
    }

    @Override
    public boolean recognizes(JsonNode record) {
        return record.has("publishedAt");
    }

    @Override
    public ItemDraft read(JsonNode record, Instant seenAt) {
        JsonNode textNode = record.get("text");
        if (textNode == null || textNode.isNull()) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field text");
        }
        if (!textNode.isTextual()) {
            throw new InvalidRecord(RejectCode.BAD_VALUE, "field text is not a string: " + textNode.getNodeType().name().toLowerCase());
        }
        String text = textNode.asText();
        ItemDraft draft = new ItemDraft();
        draft.sourceId = Fields.text(record, "sourceId");
        draft.source = Fields.text(record, "source");
        draft.title = Fields.text(record, "title");
        draft.summary = Fields.text(record, "summary");
        draft.text = normalizer.plain(text);
        draft.url = Fields.text(record, "url");
        draft.publishedAt = Times.of(record.get("publishedAt"), null, "publishedAt");
        draft.repostOf = Fields.text(record, "repostOf");
        JsonNode author = record.path("author");
        if (author.isObject()) {
            draft.author = new Author(Fields.text(author, "name"), counts.of(author, "followerCount"),
                    author.path("verified").asBoolean(false), Fields.text(author, "accountType"));
        }
        JsonNode engagement = record.path("engagement");
        if (engagement.isObject()) {
            draft.engagement = new Engagement(counts.of(engagement, "reposts"), counts.of(engagement, "comments"),
                    counts.of(engagement, "likes"), counts.of(engagement, "reads"));
        }
        JsonNode region = record.path("region");
        if (region.isObject() && Fields.text(region, "province") != null) {
            draft.region = new Region(Fields.text(region, "province"), Fields.text(region, "city"), null);
        }
        return draft;
    }
}
