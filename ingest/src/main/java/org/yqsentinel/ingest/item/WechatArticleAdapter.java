package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.Counts;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.ingest.normalize.Times;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Engagement;

/**
 * A WeChat official-account article as crawlers store it: account name and {@code __biz}, title,
 * digest, author, HTML content, link, publish time (Unix seconds or text), and the read / like / 在看
 * counts when the crawler could see them ({@code "10万+"} included). The id is
 * {@code <__biz>_<mid>_<idx>}, which names the article whatever link it was shared under.
 * 在看 is counted as reposts: it pushes the article into friends' feeds.
 */
final class WechatArticleAdapter implements ItemAdapter {

    private final TextNormalizer normalizer;
    private final Counts counts;

    WechatArticleAdapter(TextNormalizer normalizer, Counts counts) {
        this.normalizer = normalizer;
        this.counts = counts;
    }

    @Override
    public String name() {
        return "wechat-article";
    }

    @Override
    public boolean recognizes(JsonNode record) {
        return Fields.hasAny(record, "__biz", "biz", "content_url", "msg_link") || record.has("digest") && record.has("content");
    }

    @Override
    public ItemDraft read(JsonNode record, Instant seenAt) {
        ItemDraft draft = new ItemDraft();
        String link = Fields.text(record, "content_url", "url", "link", "msg_link");
        Map<String, String> query = query(link);
        String biz = first(Fields.text(record, "__biz", "biz"), query.get("__biz"));
        String mid = first(Fields.text(record, "mid", "appmsgid"), query.get("mid"));
        String idx = first(first(Fields.text(record, "idx", "itemidx"), query.get("idx")), "1");
        draft.sourceId = biz != null && mid != null ? biz + "_" + mid + "_" + idx : first(Fields.text(record, "sn"), query.get("sn"));
        draft.url = link;
        draft.source = Fields.text(record, "account", "nickname", "account_name", "biz_name");
        String author = Fields.text(record, "author");
        String name = author != null ? author : draft.source;
        if (name != null) {
            draft.author = new Author(name, counts.of(record, "fans_num"), record.path("verified").asBoolean(false), accountType(record));
        }
        draft.title = Fields.text(record, "title");
        draft.summary = Fields.text(record, "digest");
        String html = Fields.text(record, "content", "content_html");
        String plain = Fields.text(record, "content_text", "text");
        if (html == null && plain == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field content (the article's HTML) or content_text");
        }
        draft.text = html != null ? normalizer.fromHtml(html) : normalizer.plain(plain);
        draft.publishedAt = publishTime(record, seenAt);
        draft.engagement = new Engagement(Fields.count(counts, record, "looking_num", "zaikan_num", "in_look_num"),
                Fields.count(counts, record, "comment_num", "comment_count"), Fields.count(counts, record, "like_num", "old_like_num"),
                Fields.count(counts, record, "read_num", "read_count"));
        return draft;
    }

    private static Instant publishTime(JsonNode record, Instant seenAt) {
        String field = Fields.firstPresent(record, "publish_time", "pub_time", "create_time", "datetime");
        if (field == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field publish_time");
        }
        JsonNode value = record.get(field);
        return Times.of(value, seenAt, field);
    }

    private static Map<String, String> query(String link) {
        Map<String, String> params = new HashMap<>();
        if (link == null) {
            return params;
        }
        try {
            String raw = URI.create(link.strip()).getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // a link that is not a URI keeps its query to itself; the record's own fields still count
        }
        return params;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** The kind of account the crawler says it is ({@code account_type}: government, media, enterprise, organization, personal), or null. */
    private static String accountType(JsonNode record) {
        String type = Fields.text(record, "account_type");
        return type != null && ACCOUNT_TYPES.contains(type) ? type : null;
    }

    private static final Set<String> ACCOUNT_TYPES = Set.of("government", "media", "enterprise", "organization", "personal");
}
