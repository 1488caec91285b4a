package org.yqsentinel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Zones;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.simulator.Scenario.MalformedRecord;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.ScenarioText.Kind;

/**
 * Generates the bundled demo episode: a fee notice and three days of reaction shaped as a wave
 * (quiet start, angry Weibo surge on day 2, official clarification and a calmer tail on day 3),
 * with reprints, reposts, off-topic noise and broken crawler records. Everything derives from the seed.
 */
public final class ScenarioGenerator {

    /** When the notice went online; every item falls in the {@link #WINDOW} after it. */
    public static final Instant RELEASED_AT = ZonedDateTime.of(2026, 11, 20, 9, 0, 0, 0, Zones.BEIJING).toInstant();
    public static final Duration WINDOW = Duration.ofHours(72);
    /** Hour after release at which the education bureau answers (2026-11-22 10:00 Beijing). */
    static final int RESPONSE_HOUR = 49;

    private static final long LAST_SECOND = WINDOW.toSeconds() - 1;
    /** Ids of the episode's items, apart from the simulation's; its at most 162 Weibo records never wrap the 1000 a second. */
    private static final PostDraft.Numbering NUMBERING = new PostDraft.Numbering(5_190_000_000_000_000L, 1000, "%04d", 2_247_483_000L);
    /** The longest news text a reprint's credit may make. */
    private static final int NEWS_MAX_CHARS = 800;

    private final long seed;

    public ScenarioGenerator(long seed) {
        this.seed = seed;
    }

    public Scenario generate() {
        return new Run(new Random(seed)).scenario();
    }

    /** A post of the episode: of a kind of the story, a copy (repost or reprint) or not; seconds count from the release. */
    private static final class Draft extends PostDraft {
        final Kind kind;
        boolean copy;

        Draft(Channel channel, Kind kind, long second) {
            super(channel, second);
            this.kind = kind;
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
            drafts.sort(PostDraft.PUBLICATION_ORDER);
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
            Draft original = PostDraft.popular(sources, rnd);
            Draft d = new Draft(Channel.WEIBO, original.kind,
                    Math.min(LAST_SECOND, original.second + 300 + rnd.nextInt(6 * 3600)));
            d.copy = true;
            do {
                d.weibo = cast.user();
            } while (d.weibo.equals(original.weibo));
            d.repost(original, text.repostComment(original.kind));
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
                d.reprint(original, cast.siteForReprint(original.site), rnd, NEWS_MAX_CHARS);
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
            d.second = d.site.printed(d.second);
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

        /** Angry posts between the first night and the bureau's answer draw twice the reactions; noise and copies fewer. */
        private Engagement weiboEngagement(Draft d) {
            double mood = d.kind == Kind.NEGATIVE && d.hour() >= 12 && d.hour() < RESPONSE_HOUR ? 2.0
                    : d.kind == Kind.NOISE || d.copy ? 0.6 : 1.0;
            return Reactions.weibo(rnd, d.weibo.followers(), mood);
        }

        /** The bureau's answer is read twice as much, noise half; comments do not depend on the kind. */
        private Engagement newsEngagement(Draft d) {
            return Reactions.news(rnd, d.site.showsReads(), 1, d.kind == Kind.RESPONSE ? 2 : d.kind == Kind.NOISE ? 0.5 : 1);
        }

        private Engagement wechatEngagement(Draft d) {
            double mood = d.kind == Kind.NEGATIVE && d.hour() >= 24 ? 1.8 : d.kind == Kind.NOISE ? 0.7 : 1;
            return Reactions.wechat(rnd, d.wechat.readScale(), mood);
        }

        /** Three angry day-2 Weibo posts and one WeChat article take off (to "10万+" reads, which reads as 100000). */
        private void makeViral() {
            List<Draft> angry = new ArrayList<>(drafts.stream().filter(d -> d.channel == Channel.WEIBO
                    && d.kind == Kind.NEGATIVE && !d.copy && d.hour() >= 20 && d.hour() < 44).toList());
            Collections.shuffle(angry, rnd);
            for (Draft d : angry.subList(0, Math.min(3, angry.size()))) {
                d.engagement = Reactions.viral(rnd, d.engagement);
            }
            drafts.stream().filter(d -> d.channel == Channel.WECHAT && d.kind == Kind.NEGATIVE && d.hour() >= 24)
                    .findFirst().ifPresent(d -> d.engagement = new Engagement(null, 200L + rnd.nextInt(400),
                            1500L + rnd.nextInt(2000), CrawlerShapes.wechatReads(Long.MAX_VALUE)));
        }

        /** The item of a draft, numbered on from the items before it (broken records take numbers after all items). */
        private Item item(Draft d) {
            return d.item(RELEASED_AT.plusSeconds(d.second), sequence.merge(d.channel, 1, Integer::sum), NUMBERING);
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
