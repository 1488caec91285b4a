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
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Region;

/**
 * A news article as news crawlers store it: site, title, HTML (or plain) content, url, author and the
 * publish time as the site prints it ({@code 2018-05-31 10:20:33}, {@code 2018年05月31日 10:20},
 * {@code 2018/5/31}, often behind a label such as {@code 发布时间：}), Beijing time when no zone is given.
 * Bylines lose their labels ({@code 作者：}, {@code 责任编辑：}); reporters of the outlet count as verified.
 */
final class NewsPageAdapter implements ItemAdapter {

    private static final Pattern BYLINE_LABEL = Pattern.compile("^(作者|记者|文|责任编辑|编辑|来源)\\s*[:：/]?\\s*");

    private final TextNormalizer normalizer;
    private final Counts counts;

    NewsPageAdapter(TextNormalizer normalizer, Counts counts) {
        this.normalizer = normalizer;
        this.counts = counts;
    }

    @Override
    public String name() {
        return "news-page";
    }

    @Override
    public boolean recognizes(JsonNode record) {
        return Fields.hasAny(record, "content", "content_html", "content_text", "html")
                && Fields.hasAny(record, "publish_time", "pub_time", "publishTime", "pubtime", "time", "date", "site");
    }

    @Override
    public ItemDraft read(JsonNode record, Instant seenAt) {
        ItemDraft draft = new ItemDraft();
        draft.sourceId = Fields.text(record, "id", "news_id", "article_id", "docid");
        draft.source = Fields.text(record, "site", "site_name", "media", "source_site");
        draft.title = Fields.text(record, "title");
        draft.url = Fields.text(record, "url", "link");
        String html = Fields.text(record, "content", "content_html", "html");
        String plain = Fields.text(record, "content_text", "text");
        if (html == null && plain == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field content (the article's HTML) or content_text");
        }
        draft.text = html != null ? normalizer.fromHtml(html) : normalizer.plain(plain);
        String timeField = Fields.firstPresent(record, "publish_time", "pub_time", "publishTime", "pubtime", "time", "date");
        if (timeField == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field publish_time");
        }
        JsonNode time = record.get(timeField);
        draft.publishedAt = Times.of(time, seenAt, timeField);
        String byline = Fields.text(record, "author", "byline");
        if (byline != null) {
            String name = BYLINE_LABEL.matcher(normalizer.plain(byline)).replaceFirst("").strip();
            if (!name.isEmpty()) {
                draft.author = new Author(name, null, true, "media");
            }
        }
        draft.engagement = new Engagement(Fields.count(counts, record, "reposts", "share_count", "shares"),
                Fields.count(counts, record, "comments", "comment_count", "comment_num"), Fields.count(counts, record, "likes", "like_count"),
                Fields.count(counts, record, "reads", "read_count", "views", "pv"));
        Provinces.find(Fields.text(record, "province", "region"))
                .ifPresent(province -> draft.region = new Region(province, Fields.text(record, "city"), null));
        return draft;
    }
}
