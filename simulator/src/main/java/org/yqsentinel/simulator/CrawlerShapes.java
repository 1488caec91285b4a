package org.yqsentinel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Digests;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.json.Json;

/**
 * Simulated items (of the demo episode and of simulations) as the records real crawlers deliver (Weibo in
 * {@link WeiboShape}): WeChat articles and news pages with HTML content, the sites' own time formats and
 * tracking noise on links; plus the ids, links and times the simulators must use so the shapes carry them exactly.
 */
final class CrawlerShapes {

    private static final DateTimeFormatter[] NEWS_TIMES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm"),
        DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"), DateTimeFormatter.ofPattern("'发布时间：'yyyy-MM-dd HH:mm")};
    private static final String[] BYLINES = {"记者 %s", "作者：%s", "文/%s", "%s", "记者：%s"};
    private static final String[] URL_NOISE = {"", "", "?utm_source=weibo&utm_medium=social", "?spm=C73544894212.P59511941341.0.0",
        "?utm_source=wechat_session&utm_medium=social&utm_oi=%s"};
    private static final String[] WECHAT_SCENES = {"27", "126", "21", "4"};
    private static final String WECHAT_HOME = "https://mp.weixin.qq.com/s";
    private static final long WECHAT_CAPPED_READS = 100_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("yyyy-MM/dd");

    private CrawlerShapes() {}

    /** A Weibo post by this account, its id from the mid; {@code originalId} is a repost's original, else null. */
    static Item weiboItem(ScenarioCast.WeiboAccount account, String mid, String text, Instant at, Engagement engagement,
                          String originalId) {
        return new Item(Item.idOf(Channel.WEIBO, mid), Channel.WEIBO, mid, account.name(), WeiboShape.author(account), null, null,
                text, WeiboShape.url(account, mid), at, engagement, account.region(), originalId, null, false, null);
    }

    /** A news page of this site, numbered in the Beijing day of its publication as the site's CMS does. */
    static Item newsItem(ScenarioCast.Site site, String numberInDay, String reporter, String title, String text, Instant at,
                         Engagement engagement, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        String number = local.format(DAY) + numberInDay;
        String sourceId = site.code() + "-" + number;
        return new Item(Item.idOf(Channel.NEWS, sourceId), Channel.NEWS, sourceId, site.name(),
                reporter == null ? null : new Author(reporter, null, true, "media"), title, null, text,
                "https://" + site.domain() + "/content/" + local.format(MONTH_DAY) + "/content_" + number + ".html",
                at, engagement, site.region(), null, null, false, null);
    }

    /** A WeChat article of this official account, the {@code idx}-th of its message {@code mid}. */
    static Item wechatItem(ScenarioCast.WechatAccount account, long mid, int idx, String title, String text, Instant at,
                           Engagement engagement) {
        String biz = biz(account.biz());
        String sourceId = biz + "_" + mid + "_" + idx;
        return new Item(Item.idOf(Channel.WECHAT, sourceId), Channel.WECHAT, sourceId, account.name(),
                new Author(account.name(), null, account.verified(), account.accountType()), title, digest(text), text,
                wechatUrl(biz, mid, idx), at, engagement, null, null, null, false, null);
    }

    /** The line of an item in its channel's crawler shape; {@code original} is a repost's original, else null. */
    static ObjectNode record(Item item, Item original) {
        return switch (item.channel()) {
            case WEIBO -> WeiboShape.mblog(item, original);
            case WECHAT -> wechat(item);
            case NEWS -> news(item);
        };
    }

    /** Which of the formats in use a news site prints its times in. */
    private static DateTimeFormatter newsTime(String siteCode) {
        return NEWS_TIMES[switch (siteCode) {
            case "jcdaily", "nynews", "ygzx" -> 0;
            case "jcwb", "lnjy" -> 1;
            case "zjds", "xwsd" -> 2;
            default -> 3;
        }];
    }

    /** Whether a site's printed time has seconds; the times of the others are whole minutes. */
    static boolean printsSeconds(String siteCode) {
        return newsTime(siteCode) == NEWS_TIMES[0];
    }

    /** A WeChat {@code __biz}: Base64 of the account's ten-digit number, here derived from its short code. */
    static String biz(String accountCode) {
        long uin = 3_000_000_000L + Integer.toUnsignedLong(mix(accountCode.hashCode())) % 1_000_000_000L;
        return Base64.getEncoder().encodeToString(Long.toString(uin).getBytes(StandardCharsets.US_ASCII));
    }

    /** The article's link as Urls.canonical leaves it: only {@code __biz}, {@code idx}, {@code mid} and {@code sn}, sorted. */
    static String wechatUrl(String biz, long mid, int idx) {
        return WECHAT_HOME + "?__biz=" + biz + "&idx=" + idx + "&mid=" + mid + "&sn=" + hex(biz + mid + idx, 32);
    }

    /** The digest WeChat shows when the author wrote none: the start of the first paragraph. */
    static String digest(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 54 ? first.substring(0, 54) : first;
    }

    /** Reads at WeChat's cap, shown as {@code "10万+"}, are all the cap. */
    static long wechatReads(long reads) {
        return Math.min(reads, WECHAT_CAPPED_READS);
    }

    private static ObjectNode wechat(Item item) {
        String[] id = item.sourceId().split("_");
        String sn = item.url().substring(item.url().indexOf("&sn=") + 4);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("__biz", id[0]);
        node.put("account", item.source());
        node.put("mid", Long.parseLong(id[1]));
        node.put("idx", Integer.parseInt(id[2]));
        node.put("sn", sn);
        node.put("title", item.title());
        node.put("digest", item.summary() == null ? "" : item.summary());
        node.put("author", variant(item.id(), "author", 3) == 0 ? item.author().name() : "");
        node.put("verified", item.author().verified());
        if (item.author().accountType() != null) {
            node.put("account_type", item.author().accountType());
        }
        node.put("content", "<div class=\"rich_media_content \" id=\"js_content\" style=\"visibility: hidden;\"><section>"
                + (variant(item.id(), "cover", 2) == 0 ? "<p style=\"text-align: center;\"><img class=\"rich_pages wxw-img\" "
                + "data-src=\"https://mmbiz.qpic.cn/mmbiz_jpg/" + hex(item.id(), 24) + "/640?wx_fmt=jpeg\" alt=\"\"></p>" : "")
                + paragraphs(item.text(), "<p style=\"line-height: 1.75em;\"><span style=\"font-size: 15px;\">", "</span></p>")
                + "</section></div>");
        node.put("content_url", WECHAT_HOME + "?__biz=" + id[0] + "&mid=" + id[1] + "&idx=" + id[2] + "&sn=" + sn
                + "&chksm=" + hex(sn, 8) + hex(item.id() + "/chksm", 64) + "&scene=" + WECHAT_SCENES[variant(item.id(), "scene", 4)]
                + "#wechat_redirect");
        node.put("publish_time", item.publishedAt().getEpochSecond());
        Engagement engagement = item.engagement();
        if (engagement.reads() != null) {
            if (engagement.reads() >= WECHAT_CAPPED_READS) {
                node.put("read_num", "10万+");
            } else {
                node.put("read_num", engagement.reads());
            }
        }
        putIfPresent(node, "like_num", engagement.likes());
        putIfPresent(node, "looking_num", engagement.reposts());
        putIfPresent(node, "comment_num", engagement.comments());
        return node;
    }

    private static ObjectNode news(Item item) {
        String site = item.sourceId().substring(0, item.sourceId().indexOf('-'));
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", item.sourceId());
        node.put("site", item.source());
        node.put("title", item.title());
        if (item.author() != null) {
            node.put("author", String.format(BYLINES[variant(item.id(), "byline", BYLINES.length)], item.author().name()));
        }
        node.put("publish_time", LocalDateTime.ofInstant(item.publishedAt(), Zones.BEIJING).format(newsTime(site)));
        node.put("content", "<div class=\"article-content\">"
                + (variant(item.id(), "photo", 4) == 0 ? "<p class=\"photo\"><img src=\"https://img." + host(item.url())
                + "/" + hex(item.id(), 16) + ".jpg\" alt=\"\"></p>" : "")
                + paragraphs(item.text(), "<p>", "</p>") + "</div>");
        node.put("url", item.url() + String.format(URL_NOISE[variant(item.id(), "url", URL_NOISE.length)], hex(item.id(), 32)));
        Engagement engagement = item.engagement();
        newsCount(node, "comments", engagement.comments(), item.id());
        newsCount(node, "reads", engagement.reads(), item.id());
        if (item.region() != null) {
            node.put("province", item.region().province() + (variant(item.id(), "province", 2) == 0 ? "省" : ""));
            if (item.region().city() != null) {
                node.put("city", item.region().city());
            }
        }
        return node;
    }

    /** Some sites print counts with thousands separators ({@code "3,290"}), which crawlers keep as text. */
    private static void newsCount(ObjectNode node, String field, Long count, String key) {
        if (count != null && count >= 1_000 && variant(key, field, 2) == 0) {
            node.put(field, String.format(Locale.ROOT, "%,d", count));
        } else {
            putIfPresent(node, field, count);
        }
    }

    private static String host(String url) {
        return url.split("/")[2].replaceFirst("^www\\.", "");
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String paragraphs(String text, String open, String close) {
        StringBuilder html = new StringBuilder();
        text.lines().forEach(line -> html.append(open).append(escape(line)).append(close));
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One of {@code n} variants of a record, the same on every run. */
    static int variant(String key, String aspect, int n) {
        return Integer.remainderUnsigned(mix((key + "/" + aspect).hashCode()), n);
    }

    /** {@code digits} hex digits derived from {@code key}, for the hashes crawled records carry. */
    static String hex(String key, int digits) {
        return Digests.sha256Hex(key).substring(0, digits);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h;
    }
}
