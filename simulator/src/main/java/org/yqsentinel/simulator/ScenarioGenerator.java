package org.yqsentinel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.simulator.Scenario.MalformedRecord;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.ScenarioCast.Site;
import org.yqsentinel.simulator.ScenarioCast.WechatAccount;
import org.yqsentinel.simulator.ScenarioCast.WeiboAccount;
import org.yqsentinel.simulator.ScenarioText.Kind;

/**
 * Generates the bundled demo episode: a fee notice and three days of reaction shaped as a wave
 * (quiet start, angry Weibo surge on day 2, official clarification and a calmer tail on day 3),
 * with reprints, reposts, off-topic noise and broken crawler records. Everything derives from the seed.
 */
public final class ScenarioGenerator {

    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** When the notice went online; every item falls in the {@link #WINDOW} after it. */
    public static final Instant RELEASED_AT = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, BEIJING).toInstant();
    public static final Duration WINDOW = Duration.ofHours(72);
    /** Hour after release at which the education bureau answers (2026-11-22 10:00 Beijing). */
    static final int RESPONSE_HOUR = 49;

    private static final long LAST_SECOND = WINDOW.toSeconds() - 1;

    private final long seed;

    public ScenarioGenerator(long seed) {
        this.seed = seed;
    }

    public Scenario generate() {
        return new Run(new Random(seed)).scenario();
    }

    private static final class Draft {
        final Channel channel;
        final Kind kind;
        long second;
        String title;
        String text;
        Engagement engagement = Engagement.NONE;
        WeiboAccount weibo;
        WechatAccount wechat;
        Site site;
        String reporter;
        boolean copy;
        Draft original;
        String id;

        Draft(Channel channel, Kind kind, long second) {
            this.channel = channel;
            this.kind = kind;
            this.second = second;
        }

        int hour() {
            return (int) (second / 3600);
        }
    }

    private static final class Run {
        private final Random rnd;
        private final ScenarioText text;
        private final ScenarioArticles articles;
        private final ScenarioCast cast;
        private final ScenarioTimeline timeline;
        private final List<Draft> drafts = new ArrayList<>();
        private final Map<Channel, Integer> sequence = new EnumMap<>(Channel.class);

        Run(Random rnd) {
            this.rnd = rnd;
            this.text = new ScenarioText(rnd);
            this.articles = new ScenarioArticles(text, rnd);
            this.cast = new ScenarioCast(rnd);
            this.timeline = new ScenarioTimeline(rnd);
        }

        Scenario scenario() {
            int weiboTotal = 140 + rnd.nextInt(21);
            int newsTotal = 84 + rnd.nextInt(13);
            int wechatTotal = 54 + rnd.nextInt(13);
            weibo(weiboTotal);
            news(newsTotal);
            wechat(wechatTotal);
            makeViral();
            drafts.sort(Comparator.comparingLong((Draft d) -> d.second).thenComparing(d -> d.channel));
            List<Item> items = drafts.stream().map(this::item).toList();
            return new Scenario(ScenarioText.policy(), items, malformed());
        }

        private void weibo(int total) {
            anchor("江城发布", "release", Kind.INFO, 3600 + 12 * 60);
            anchor("江城日报", "daily", Kind.INFO, 2 * 3600 + 40 * 60);
            anchor("江城晚报", "evening", Kind.REACTION, 26 * 3600 + 30 * 60);
            anchor("江城教育", "response", Kind.RESPONSE, RESPONSE_HOUR * 3600L);
            anchor("江城发布", "relay", Kind.RESPONSE, RESPONSE_HOUR * 3600L + 25 * 60);
            int reposts = 12 + rnd.nextInt(6);
            while (drafts.size() < total - reposts) {
                drafts.add(weiboPost(timeline.sampleHour(Channel.WEIBO)));
            }
            for (int i = 0; i < reposts; i++) {
                drafts.add(repost());
            }
        }

        private void anchor(String account, String which, Kind kind, long second) {
            Draft d = new Draft(Channel.WEIBO, kind, second + rnd.nextInt(90));
            d.weibo = cast.weibo(account);
            d.text = ScenarioText.weiboAnchor(which);
            Engagement e = weiboEngagement(d);
            d.engagement = which.equals("response") ? WeiboShape.engagement(e.reposts(), e.comments() * 4, e.likes()) : e;
            drafts.add(d);
        }

        private Draft weiboPost(int hour) {
            Kind kind = timeline.weiboKind(hour);
            Draft d = new Draft(Channel.WEIBO, kind, timeline.second(hour, kind));
            d.weibo = cast.weiboFor(kind);
            d.text = text.weibo(kind, text.mention(0.12, 0.12, 0.06));
            d.engagement = weiboEngagement(d);
            return d;
        }

        private Draft repost() {
            List<Draft> sources = drafts.stream().filter(d -> d.kind != Kind.NOISE && !d.copy).toList();
            Draft original = sources.get(rnd.nextInt(sources.size()));
            for (int i = 0; i < 2; i++) {
                Draft other = sources.get(rnd.nextInt(sources.size()));
                original = other.engagement.interactions() > original.engagement.interactions() ? other : original;
            }
            Draft d = new Draft(Channel.WEIBO, original.kind,
                    Math.min(LAST_SECOND, original.second + 300 + rnd.nextInt(6 * 3600)));
            d.copy = true;
            d.original = original;
            do {
                d.weibo = cast.user();
            } while (d.weibo.equals(original.weibo));
            String prefix = text.repostComment(original.kind) + "//@" + original.weibo.name() + "：";
            String quoted = original.text;
            if (prefix.length() + quoted.length() > 200) {
                quoted = quoted.substring(0, 199 - prefix.length()) + "…";
            }
            d.text = prefix + quoted;
            d.engagement = weiboEngagement(d);
            return d;
        }

        private void news(int total) {
            int reprints = 6 + rnd.nextInt(4);
            List<Draft> originals = new ArrayList<>();
            while (originals.size() < total - reprints) {
                originals.add(newsReport(timeline.sampleHour(Channel.NEWS)));
            }
            drafts.addAll(originals);
            List<Draft> reprintable = new ArrayList<>(originals.stream()
                    .filter(d -> d.kind == Kind.INFO || d.kind == Kind.RESPONSE || d.kind == Kind.REACTION).toList());
            Collections.shuffle(reprintable, rnd);
            for (Draft original : reprintable.subList(0, reprints)) {
                Draft d = new Draft(Channel.NEWS, original.kind,
                        Math.min(LAST_SECOND, original.second + 1200 + rnd.nextInt(5 * 3600)));
                d.copy = true;
                d.site = cast.siteForReprint(original.site);
                d.second = printedSecond(d.site, d.second);
                d.reporter = original.reporter;
                d.title = original.title;
                String credit = "\n（来源：" + original.site.name() + "）";
                d.text = original.text.length() + credit.length() <= 800 && rnd.nextBoolean()
                        ? original.text + credit : original.text;
                d.engagement = newsEngagement(d);
                drafts.add(d);
            }
        }

        private Draft newsReport(int hour) {
            Kind kind = timeline.newsKind(hour);
            Draft d = new Draft(Channel.NEWS, kind, timeline.second(hour, kind));
            do {
                d.site = cast.siteForOriginal();
            } while (kind == Kind.NOISE && d.site.code().equals("lnjy"));
            d.second = printedSecond(d.site, d.second);
            d.reporter = cast.reporter();
            Article article = articles.news(kind, text.mention(0.35, 0.15, 0.2), hour >= RESPONSE_HOUR);
            d.title = article.title();
            d.text = article.text();
            d.engagement = newsEngagement(d);
            return d;
        }

        private void wechat(int total) {
            for (int i = 0; i < total; i++) {
                drafts.add(wechatArticle(timeline.sampleHour(Channel.WECHAT)));
            }
        }

        /** The second as the site prints it: sites that print no seconds show whole minutes. */
        private static long printedSecond(Site site, long second) {
            return CrawlerShapes.printsSeconds(site.code()) ? second : second - second % 60;
        }

        private Draft wechatArticle(int hour) {
            Kind kind = timeline.wechatKind(hour);
            Draft d = new Draft(Channel.WECHAT, kind, timeline.second(hour, kind));
            d.wechat = cast.wechatFor(kind);
            Article article = articles.wechat(kind, text.mention(0.2, 0.25, 0.15));
            d.title = article.title();
            d.text = article.text();
            d.engagement = wechatEngagement(d);
            return d;
        }

        private Engagement weiboEngagement(Draft d) {
            double mood = d.kind == Kind.NEGATIVE && d.hour() >= 12 && d.hour() < RESPONSE_HOUR ? 2.0
                    : d.kind == Kind.NOISE || d.copy ? 0.6 : 1.0;
            double scale = (3 + 0.01 * Math.pow(d.weibo.followers(), 0.9)) * Math.exp(rnd.nextGaussian()) * mood;
            return WeiboShape.engagement(Math.round(scale * (0.05 + 0.5 * rnd.nextDouble())),
                    Math.round(scale * (0.1 + 0.4 * rnd.nextDouble())), Math.round(scale));
        }

        private Engagement newsEngagement(Draft d) {
            Long comments = rnd.nextDouble() < 0.4 ? Math.round(Math.exp(Math.log(20) + 1.2 * rnd.nextGaussian())) : null;
            double boost = d.kind == Kind.RESPONSE ? 2 : d.kind == Kind.NOISE ? 0.5 : 1;
            Long reads = d.site.showsReads()
                    ? Math.round(Math.exp(Math.log(3000) + rnd.nextGaussian()) * boost) : null;
            return new Engagement(null, comments, null, reads);
        }

        private Engagement wechatEngagement(Draft d) {
            double mood = d.kind == Kind.NEGATIVE && d.hour() >= 24 ? 1.8 : d.kind == Kind.NOISE ? 0.7 : 1;
            long reads = CrawlerShapes.wechatReads(Math.round(d.wechat.readScale() * Math.exp(0.55 * rnd.nextGaussian()) * mood));
            Long comments = rnd.nextDouble() < 0.6 ? Math.round(reads * (0.001 + 0.004 * rnd.nextDouble())) : null;
            return new Engagement(null, comments, Math.round(reads * (0.005 + 0.025 * rnd.nextDouble())), reads);
        }

        /** Three angry day-2 Weibo posts and one WeChat article take off (to "10万+" reads, which reads as 100000). */
        private void makeViral() {
            List<Draft> angry = new ArrayList<>(drafts.stream().filter(d -> d.channel == Channel.WEIBO
                    && d.kind == Kind.NEGATIVE && !d.copy && d.hour() >= 20 && d.hour() < 44).toList());
            Collections.shuffle(angry, rnd);
            for (Draft d : angry.subList(0, Math.min(3, angry.size()))) {
                double factor = 30 + 90 * rnd.nextDouble();
                Engagement e = d.engagement;
                d.engagement = WeiboShape.engagement(Math.round(e.reposts() * factor + 200),
                        Math.round(e.comments() * factor + 100), Math.round(e.likes() * factor + 500));
            }
            drafts.stream().filter(d -> d.channel == Channel.WECHAT && d.kind == Kind.NEGATIVE && d.hour() >= 24)
                    .findFirst().ifPresent(d -> d.engagement = new Engagement(null, 200L + rnd.nextInt(400),
                            1500L + rnd.nextInt(2000), CrawlerShapes.wechatReads(Long.MAX_VALUE)));
        }

        private Item item(Draft d) {
            int seq = sequence.merge(d.channel, 1, Integer::sum);
            Instant at = RELEASED_AT.plusSeconds(d.second);
            return switch (d.channel) {
                case WEIBO -> {
                    String mid = Long.toString(5_190_000_000_000_000L + d.second * 1000 + seq);
                    d.id = Item.idOf(Channel.WEIBO, mid);
                    if (d.original != null && d.original.id == null) {
                        throw new IllegalStateException("repost " + d.id + " comes before its original");
                    }
                    yield CrawlerShapes.weiboItem(d.weibo, mid, d.text, at, d.engagement, d.original == null ? null : d.original.id);
                }
                case NEWS -> CrawlerShapes.newsItem(d.site, String.format("%04d", seq), d.reporter, d.title, d.text, at,
                        d.engagement, BEIJING);
                case WECHAT -> CrawlerShapes.wechatItem(d.wechat, 2_247_483_000L + seq, seq % 6 == 0 ? 2 : 1, d.title, d.text, at,
                        d.engagement);
            };
        }

        /** Broken records built from posts that are not part of the scenario, so no valid item is lost. */
        private List<MalformedRecord> malformed() {
            List<MalformedRecord> out = new ArrayList<>();
            out.add(new MalformedRecord(Channel.NEWS, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                    + "<title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                    + "<p>页面暂时无法访问，请稍后再试。</p><hr><p>nginx</p></body></html>",
                    RejectCode.NOT_JSON, "not JSON: an HTML error page saved in place of a record"));
            ObjectNode badTime = raw(newsReport(30));
            badTime.put("publish_time", "昨天 25:99");
            out.add(new MalformedRecord(Channel.NEWS, Json.toString(badTime), RejectCode.BAD_TIME,
                    "publish_time '昨天 25:99' is not a time"));
            String cut = Json.toString(raw(weiboPost(31)));
            out.add(new MalformedRecord(Channel.WEIBO, cut.substring(0, cut.length() * 3 / 5), RejectCode.NOT_JSON,
                    "truncated JSON: the mblog ends mid-way"));
            ObjectNode noText = raw(weiboPost(40));
            noText.remove(List.of("text", "isLongText", "longText"));
            out.add(new MalformedRecord(Channel.WEIBO, Json.toString(noText), RejectCode.MISSING_FIELD,
                    "an mblog without text or longText"));
            out.add(new MalformedRecord(Channel.WECHAT, "[" + Json.toString(raw(wechatArticle(35))) + "]",
                    RejectCode.NOT_OBJECT, "a JSON array of articles, not an article"));
            ObjectNode anonymous = raw(wechatArticle(52));
            anonymous.remove(List.of("__biz", "mid", "idx", "sn", "content_url"));
            out.add(new MalformedRecord(Channel.WECHAT, Json.toString(anonymous), RejectCode.NO_ID,
                    "an article without __biz, mid, sn and content_url: it cannot be identified"));
            return out;
        }

        private ObjectNode raw(Draft draft) {
            return CrawlerShapes.record(item(draft), null);
        }
    }
}
