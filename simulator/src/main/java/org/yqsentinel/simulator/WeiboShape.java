package org.yqsentinel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.simulator.ScenarioCast.Role;
import org.yqsentinel.simulator.ScenarioCast.WeiboAccount;

/**
 * A scenario Weibo post as the mobile API's {@code mblog} object: HTML text with emoticon images,
 * topic and mention links, the long-text form, displayed counts ({@code "12.3万"}) and reposts'
 * {@code retweeted_status}; plus the ids and counts the generator must use so the shape can carry them.
 */
final class WeiboShape {

    /** Longer texts are folded in the list's {@code text} behind a 全文 link, the whole kept in {@code longText}. */
    static final int LONG_TEXT = 120;
    private static final int SHOWN_OF_LONG_TEXT = 100;

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
    private static final String BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern MARKUP = Pattern.compile(
            "\\[([^\\[\\]\\s]{1,6})]|#([^#\\s，。！？,.!?]{1,30})#|@([\\p{IsHan}A-Za-z0-9_-]{1,30})");
    private static final Map<String, String> EMOTICONS = Map.ofEntries(Map.entry("怒", "d_nu"), Map.entry("允悲", "d_yunbei"),
            Map.entry("抓狂", "d_zhuakuang"), Map.entry("汗", "d_han"), Map.entry("衰", "d_shuai"), Map.entry("摊手", "d_tanshou"),
            Map.entry("泪", "d_lei"), Map.entry("思考", "d_sikao"), Map.entry("吃瓜", "d_chigua"), Map.entry("微笑", "d_hehe"),
            Map.entry("费解", "d_feijie"), Map.entry("可怜", "d_kelian"), Map.entry("赞", "d_zan"), Map.entry("good", "h_good"),
            Map.entry("鼓掌", "d_guzhang"), Map.entry("心", "l_xin"), Map.entry("doge", "d_doge"), Map.entry("哈哈", "d_haha"),
            Map.entry("馋嘴", "d_chanzui"), Map.entry("太开心", "d_taikaixin"), Map.entry("怒骂", "d_numa"), Map.entry("晕", "d_yun"),
            Map.entry("悲伤", "d_beishang"), Map.entry("鄙视", "d_bishi"), Map.entry("失望", "d_shiwang"), Map.entry("爱你", "d_aini"),
            Map.entry("嘻嘻", "d_xixi"), Map.entry("给力", "f_geili"), Map.entry("蜡烛", "o_lazhu"), Map.entry("伤心", "l_shangxin"),
            Map.entry("疑问", "d_yiwen"), Map.entry("威武", "f_v5"), Map.entry("可爱", "d_keai"), Map.entry("围观", "f_weiguan"),
            Map.entry("酷", "d_ku"));
    private static final String[] CLIENTS = {"iPhone 15 Pro", "HUAWEI Mate 60", "小米14", "OPPO Find X7", "vivo X100", "微博 weibo.com"};

    private WeiboShape() {}

    /** Weibo's {@code bid}: the mid in groups of seven digits from the right, each in base 62 (four characters but the first). */
    static String bid(String mid) {
        StringBuilder bid = new StringBuilder();
        for (int end = mid.length(); end > 0; end -= 7) {
            long group = Long.parseLong(mid.substring(Math.max(0, end - 7), end));
            StringBuilder digits = new StringBuilder();
            do {
                digits.insert(0, BASE62.charAt((int) (group % 62)));
                group /= 62;
            } while (group > 0);
            while (end - 7 > 0 && digits.length() < 4) {
                digits.insert(0, '0');
            }
            bid.insert(0, digits);
        }
        return bid.toString();
    }

    /** A count as Weibo displays it from ten thousand on: to the thousand, so {@code "12.3万"} states it exactly. */
    static long displayed(long count) {
        return count >= 10_000 ? count - count % 1_000 : count;
    }

    static Engagement engagement(long reposts, long comments, long likes) {
        return new Engagement(displayed(reposts), displayed(comments), displayed(likes), null);
    }

    static Author author(WeiboAccount account) {
        return new Author(account.name(), displayed(account.followers()), account.verified(), accountType(account));
    }

    private static String accountType(WeiboAccount account) {
        if (!account.verified()) {
            return null;
        }
        return account.role() == Role.GOV ? "government" : account.role() == Role.MEDIA ? "media" : "personal";
    }

    static String url(WeiboAccount account, String mid) {
        return "https://weibo.com/" + account.uid() + "/" + bid(mid);
    }

    /** The mblog of a post; {@code original} is the reposted post, or null. */
    static ObjectNode mblog(Item item, Item original) {
        ObjectNode mblog = Json.mapper().createObjectNode();
        String mid = item.sourceId();
        mblog.put("created_at", item.publishedAt().atZone(Zones.BEIJING).format(CREATED_AT));
        mblog.put("id", mid);
        mblog.put("idstr", mid);
        mblog.put("mid", mid);
        mblog.put("bid", bid(mid));
        String text = item.text();
        if (text.length() > LONG_TEXT) {
            mblog.put("text", html(shownPart(text)) + "...<a href=\"/status/" + mid + "\">全文</a>");
            mblog.put("isLongText", true);
            mblog.putObject("longText").put("longTextContent", html(text));
        } else {
            mblog.put("text", html(text));
            mblog.put("isLongText", false);
        }
        mblog.put("source", CLIENTS[CrawlerShapes.variant(item.id(), "client", CLIENTS.length)]);
        Engagement engagement = item.engagement();
        count(mblog, "reposts_count", engagement.reposts(), "转发", item.id());
        count(mblog, "comments_count", engagement.comments(), "评论", item.id());
        count(mblog, "attitudes_count", engagement.likes(), "赞", item.id());
        if (item.region() != null) {
            mblog.put("region_name", "发布于 " + item.region().province());
        }
        mblog.set("user", user(item));
        if (original != null) {
            ObjectNode retweeted = mblog(original, null);
            retweeted.remove("longText");
            mblog.set("retweeted_status", retweeted);
        }
        return mblog;
    }

    private static ObjectNode user(Item item) {
        ObjectNode user = Json.mapper().createObjectNode();
        String uid = item.url().split("/")[3];
        Author author = item.author();
        user.put("id", Long.parseLong(uid));
        user.put("screen_name", author.name());
        user.put("profile_url", "https://m.weibo.cn/u/" + uid);
        if (author.followerCount() >= 10_000) {
            user.put("followers_count", wan(author.followerCount()));
        } else {
            user.put("followers_count", author.followerCount());
        }
        user.put("verified", author.verified());
        user.put("verified_type", author.accountType() == null ? -1 : switch (author.accountType()) {
            case "government" -> 1;
            case "media" -> 3;
            default -> 0;
        });
        return user;
    }

    /** From ten thousand on as {@code "1.2万"}; a zero of some posts as the bare label the page shows. */
    private static void count(ObjectNode node, String field, Long count, String zeroLabel, String key) {
        if (count == null) {
            return;
        }
        if (count >= 10_000) {
            node.put(field, wan(count));
        } else if (count == 0 && CrawlerShapes.variant(key, field, 2) == 0) {
            node.put(field, zeroLabel);
        } else {
            node.put(field, count);
        }
    }

    private static String wan(long count) {
        long tenths = count / 1_000;
        return tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + "万";
    }

    /** The start of a long text that the API shows, not ending inside an emoticon or a topic. */
    private static String shownPart(String text) {
        int end = SHOWN_OF_LONG_TEXT;
        while (end > 0 && (open(text.substring(0, end), '[', ']') || text.substring(0, end).chars().filter(c -> c == '#').count() % 2 == 1)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean open(String text, char open, char close) {
        return text.lastIndexOf(open) > text.lastIndexOf(close);
    }

    /** Text as Weibo's HTML: emoticons as images, #topics# and @mentions as links. */
    static String html(String text) {
        StringBuilder html = new StringBuilder();
        Matcher m = MARKUP.matcher(text);
        int last = 0;
        while (m.find()) {
            String markup = markup(m);
            if (markup != null) {
                html.append(CrawlerShapes.escape(text.substring(last, m.start()))).append(markup);
                last = m.end();
            }
        }
        return html.append(CrawlerShapes.escape(text.substring(last))).toString();
    }

    private static String markup(Matcher m) {
        if (m.group(1) != null) {
            String icon = EMOTICONS.get(m.group(1));
            return icon == null ? null : "<span class=\"url-icon\"><img alt=[" + m.group(1)
                    + "] src=\"https://h5.sinaimg.cn/m/emoticon/icon/default/" + icon + "-" + CrawlerShapes.hex(icon, 8)
                    + ".png\" style=\"width:1em; height:1em;\" /></span>";
        }
        if (m.group(2) != null) {
            String topic = m.group(2);
            return "<a  href=\"https://m.weibo.cn/search?containerid=231522type%3D1%26q%3D%23" + topic
                    + "%23&extparam=%23" + topic + "%23\" data-hide=\"\"><span class=\"surl-text\">#" + topic + "#</span></a>";
        }
        return "<a href='/n/" + m.group(3) + "'>@" + m.group(3) + "</a>";
    }
}
