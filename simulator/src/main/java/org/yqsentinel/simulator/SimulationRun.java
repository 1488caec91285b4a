package org.yqsentinel.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Engagement;
import org.yqsentinel.model.Item;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.ScenarioCast.Site;
import org.yqsentinel.simulator.ScenarioCast.WechatAccount;
import org.yqsentinel.simulator.ScenarioCast.WeiboAccount;
import org.yqsentinel.simulator.SimulatedPost.Stance;
import org.yqsentinel.simulator.SimulatedPost.Topic;
import org.yqsentinel.simulator.Simulation.Phase;

/**
 * One run of {@link PolicySimulator}: writes each phase minute by minute — the everyday background by
 * the hour of the Beijing day, the phase's topic along its curve, the policy's trickle hour by hour —
 * then gives every post its channel's id, link and shape. Reposts and reprints only copy posts of the
 * same phase from earlier minutes, so they stay inside it. Texts other than reposts and reprints are unique.
 */
final class SimulationRun {

    /** Everyday posts an hour at rate 1, at an ordinary daytime hour. */
    static final double EVERYDAY_PER_HOUR = 28;
    /** The policy's trickle: at most this many informing posts an hour (times the rate) while it is not the topic. */
    static final int TRICKLE_PER_HOUR = 2;

    private static final double[] EVERYDAY_CHANNELS = {0.80, 0.12, 0.08};
    private static final double EVERYDAY_REPOSTS = 0.05;
    private static final double[] TRICKLE_CHANNELS = {0.5, 0.3, 0.2};
    private static final Channel[] CHANNELS = {Channel.WEIBO, Channel.NEWS, Channel.WECHAT};
    private static final long WEIBO_MIDS = 5_200_000_000_000_000L;
    private static final long WECHAT_MIDS = 2_247_500_000L;
    private static final int TRIES = 12;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "林", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "邓", "曹", "彭", "曾"};
    private static final String[] GIVEN = {"晓明", "丽华", "志强", "静", "伟", "芳", "海燕", "建国", "婷婷", "子豪", "雨桐", "嘉怡", "俊杰",
        "思远", "欣然", "文博", "雅琪", "浩然", "佳琪", "明轩", "一鸣", "若溪", "泽宇", "梓涵", "晨曦", "立新", "秀英", "国栋", "慧敏", "天佑"};

    private static final class Draft {
        final Topic topic;
        final Stance stance;
        final Channel channel;
        final String phase;
        final int order;
        long second;
        String title;
        String text;
        Engagement engagement = Engagement.NONE;
        WeiboAccount weibo;
        WechatAccount wechat;
        Site site;
        String reporter;
        Draft original;
        String id;

        Draft(Topic topic, Stance stance, Channel channel, String phase, long second, int order) {
            this.topic = topic;
            this.stance = stance;
            this.channel = channel;
            this.phase = phase;
            this.second = second;
            this.order = order;
        }
    }

    private final Random rnd;
    private final double rate;
    private final SimulationCast cast;
    private final Map<Topic, TopicText> texts = new EnumMap<>(Topic.class);
    private final List<Draft> drafts = new ArrayList<>();
    private final Set<String> written = new HashSet<>();
    /** Who reposted which post: nobody reposts the same post twice. */
    private final Set<String> reposted = new HashSet<>();

    SimulationRun(Random rnd, double rate) {
        this.rnd = rnd;
        this.rate = rate;
        this.cast = new SimulationCast(rnd, (int) Math.min(60_000, Math.max(1_000, 1_500 * rate)));
        ScenarioText words = new ScenarioText(rnd);
        ScenarioArticles reports = new ScenarioArticles(words, rnd);
        texts.put(Topic.POLICY, new PolicyText(words, reports, rnd));
        texts.put(Topic.HOT_TOPIC, new HotTopicText(words, rnd));
        texts.put(Topic.EVERYDAY, new EverydayText(words, reports, rnd));
    }

    /** Writes the posts of a phase, minute by minute ({@code minute} is the epoch second it starts at); phases come in order. */
    void write(Phase phase, PhaseKind kind) {
        long from = phase.start().getEpochSecond();
        long to = phase.end().getEpochSecond();
        Map<String, List<Draft>> copyable = new HashMap<>();
        List<Draft> loud = new ArrayList<>();
        for (long minute = from; minute < to; minute += 60) {
            double x = (double) (minute - from) / (to - from);
            int hour = Instant.ofEpochSecond(minute).atOffset(ScenarioGenerator.BEIJING).getHour();
            List<Draft> fresh = new ArrayList<>();
            int everyday = poisson(EVERYDAY_PER_HOUR * daytime(hour) * rate / 60);
            for (int i = 0; i < everyday; i++) {
                fresh.add(post(Topic.EVERYDAY, Stance.INFORMING, CHANNELS[Draws.weighted(rnd, EVERYDAY_CHANNELS)],
                        phase.name(), minute, EVERYDAY_REPOSTS, 0, copyable));
            }
            if (kind.topic != null) {
                int count = poisson(kind.perHour(x) * rate / 60);
                for (int i = 0; i < count; i++) {
                    fresh.add(post(kind.topic, kind.stance(rnd), kind.channel(rnd), phase.name(), minute, kind.repostShare,
                            kind.reprintShare, copyable));
                }
            }
            for (Draft d : fresh) {
                if (d.original == null) {
                    copyable.computeIfAbsent(key(d.topic, d.stance, d.channel), k -> new ArrayList<>()).add(d);
                }
                if (d.topic == kind.topic && d.channel == Channel.WEIBO && d.original == null && x < 0.6) {
                    loud.add(d);
                }
            }
        }
        if (kind.trickle()) {
            trickle(phase, from, to);
        }
        if (kind == PhaseKind.SURGE || kind == PhaseKind.POSITIVE || kind == PhaseKind.UNRELATED) {
            makeViral(loud, kind == PhaseKind.POSITIVE ? Stance.POSITIVE : Stance.NEGATIVE);
        }
    }

    /** The posts in publication order, with their items. */
    List<SimulatedPost> posts() {
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparingLong((Draft d) -> d.second).thenComparing(d -> d.channel).thenComparingInt(d -> d.order));
        Map<Channel, Integer> sequence = new EnumMap<>(Channel.class);
        List<SimulatedPost> posts = new ArrayList<>(ordered.size());
        for (Draft d : ordered) {
            posts.add(new SimulatedPost(item(d, sequence.merge(d.channel, 1, Integer::sum)), d.topic, d.stance, d.phase));
        }
        return posts;
    }

    /** Up to {@link #TRICKLE_PER_HOUR} (times the rate) informing posts about the policy in each hour of the phase. */
    private void trickle(Phase phase, long from, long to) {
        for (long hour = from; hour < to; hour += 3600) {
            long length = Math.min(3600, to - hour);
            int most = (int) Math.floor(TRICKLE_PER_HOUR * rate * length / 3600.0);
            int count = rnd.nextInt(most + 1);
            for (int i = 0; i < count; i++) {
                long minute = hour + 60L * rnd.nextInt((int) (length / 60));
                post(Topic.POLICY, Stance.INFORMING, CHANNELS[Draws.weighted(rnd, TRICKLE_CHANNELS)], phase.name(), minute, 0, 0,
                        Map.of());
            }
        }
    }

    private Draft post(Topic topic, Stance wanted, Channel channel, String phase, long minute, double repostShare,
                       double reprintShare, Map<String, List<Draft>> copyable) {
        TopicText text = texts.get(topic);
        Stance stance = channel == Channel.WEIBO ? wanted : text.articleStance(wanted);
        List<Draft> originals = copyable.getOrDefault(key(topic, stance, channel), List.of());
        double share = channel == Channel.WEIBO ? repostShare : channel == Channel.NEWS ? reprintShare : 0;
        boolean copy = !originals.isEmpty() && rnd.nextDouble() < share;
        Draft d = new Draft(topic, stance, channel, phase, minute + rnd.nextInt(60), drafts.size());
        switch (channel) {
            case WEIBO -> {
                if (copy) {
                    repost(d, popular(originals));
                } else {
                    d.weibo = cast.weibo(topic, stance);
                    d.text = unique(() -> text.weibo(stance, SimulationCast.institutional(d.weibo)),
                            t -> t + " @" + cast.user().name());
                }
                d.engagement = weiboEngagement(d);
            }
            case NEWS -> {
                if (copy) {
                    reprint(d, originals.get(rnd.nextInt(originals.size())));
                } else {
                    d.site = cast.siteForOriginal();
                    d.reporter = cast.reporter();
                    d.second = printed(d.site, d.second);
                    Article article = uniqueArticle(() -> text.news(stance));
                    d.title = article.title();
                    d.text = article.text();
                }
                d.engagement = newsEngagement(d);
            }
            case WECHAT -> {
                d.wechat = cast.wechat(topic, stance);
                Article article = uniqueArticle(() -> text.wechat(stance));
                d.title = article.title();
                d.text = article.text();
                d.engagement = wechatEngagement(d);
            }
        }
        drafts.add(d);
        return d;
    }

    /** A repost: the user's comment, then {@code //@author：} and the original, cut to Weibo's 200 characters. */
    private void repost(Draft d, Draft original) {
        d.original = original;
        do {
            d.weibo = cast.user();
        } while (d.weibo.equals(original.weibo) || !reposted.add(d.weibo.uid() + "/" + original.order));
        String prefix = texts.get(d.topic).repostComment(d.stance) + "//@" + original.weibo.name() + "：";
        String quoted = original.text;
        if (prefix.length() + quoted.length() > 200) {
            quoted = quoted.substring(0, 199 - prefix.length()) + "…";
        }
        d.text = prefix + quoted;
    }

    /** A reprint on another site: the same title and text, sometimes crediting the original site. */
    private void reprint(Draft d, Draft original) {
        d.site = cast.siteForReprint(original.site);
        d.second = printed(d.site, d.second);
        d.reporter = original.reporter;
        d.title = original.title;
        String credit = "\n（来源：" + original.site.name() + "）";
        d.text = rnd.nextBoolean() ? original.text + credit : original.text;
    }

    /** The second as the site prints it: sites that print no seconds show whole minutes. */
    private static long printed(Site site, long second) {
        return CrawlerShapes.printsSeconds(site.code()) ? second : second - second % 60;
    }

    /** Of three originals drawn, the one with the most interactions: reposts go to posts already spreading. */
    private Draft popular(List<Draft> originals) {
        Draft best = originals.get(rnd.nextInt(originals.size()));
        for (int i = 0; i < 2; i++) {
            Draft other = originals.get(rnd.nextInt(originals.size()));
            best = other.engagement.interactions() > best.engagement.interactions() ? other : best;
        }
        return best;
    }

    /** A text not written before: drawn again a few times, then told apart by what {@code vary} adds. */
    private String unique(Supplier<String> draw, UnaryOperator<String> vary) {
        String text = draw.get();
        for (int i = 1; i < TRIES && written.contains(text); i++) {
            text = draw.get();
        }
        while (written.contains(text)) {
            text = vary.apply(text);
        }
        written.add(text);
        return text;
    }

    private Article uniqueArticle(Supplier<Article> draw) {
        Article[] drawn = new Article[1];
        String text = unique(() -> (drawn[0] = draw.get()).text(),
                t -> t + "\n（" + Draws.pick(rnd, "编辑", "校对", "审核", "通讯员") + "：" + Draws.pick(rnd, SURNAMES)
                        + Draws.pick(rnd, GIVEN) + "）");
        return new Article(drawn[0].title(), text);
    }

    /** Three early posts of the loud stance take off, to tens of thousands of interactions. */
    private void makeViral(List<Draft> candidates, Stance stance) {
        List<Draft> pool = new ArrayList<>(candidates.stream().filter(d -> d.stance == stance).toList());
        for (int i = 0; i < 3 && !pool.isEmpty(); i++) {
            Draft d = pool.remove(rnd.nextInt(pool.size()));
            double factor = 30 + 90 * rnd.nextDouble();
            Engagement e = d.engagement;
            d.engagement = WeiboShape.engagement(Math.round(e.reposts() * factor + 200), Math.round(e.comments() * factor + 100),
                    Math.round(e.likes() * factor + 500));
        }
    }

    /** Posts in the loud stance of a loud phase draw twice the reactions; everyday posts and reposts fewer. */
    private double mood(Draft d) {
        if (d.topic == Topic.EVERYDAY || d.original != null) {
            return 0.6;
        }
        return d.stance == Stance.NEGATIVE || d.topic == Topic.POLICY && d.stance == Stance.POSITIVE ? 1.8 : 1;
    }

    private Engagement weiboEngagement(Draft d) {
        double scale = (3 + 0.01 * Math.pow(d.weibo.followers(), 0.9)) * Math.exp(rnd.nextGaussian()) * mood(d);
        return WeiboShape.engagement(Math.round(scale * (0.05 + 0.5 * rnd.nextDouble())),
                Math.round(scale * (0.1 + 0.4 * rnd.nextDouble())), Math.round(scale));
    }

    private Engagement newsEngagement(Draft d) {
        Long comments = rnd.nextDouble() < 0.4 ? Math.round(Math.exp(Math.log(20) + 1.2 * rnd.nextGaussian()) * mood(d)) : null;
        Long reads = d.site.showsReads() ? Math.round(Math.exp(Math.log(3000) + rnd.nextGaussian()) * mood(d)) : null;
        return new Engagement(null, comments, null, reads);
    }

    private Engagement wechatEngagement(Draft d) {
        long reads = CrawlerShapes.wechatReads(Math.round(d.wechat.readScale() * Math.exp(0.55 * rnd.nextGaussian()) * mood(d)));
        Long comments = rnd.nextDouble() < 0.6 ? Math.round(reads * (0.001 + 0.004 * rnd.nextDouble())) : null;
        return new Engagement(null, comments, Math.round(reads * (0.005 + 0.025 * rnd.nextDouble())), reads);
    }

    /**
     * The item of a post, with ids as the platforms make them: a Weibo mid from the publish second and
     * the channel's sequence (unique while fewer than 10,000 posts share a second), a news number of
     * the day and the sequence, a WeChat mid of the sequence. They differ from the demo episode's ids.
     */
    private Item item(Draft d, int seq) {
        Instant at = Instant.ofEpochSecond(d.second);
        return switch (d.channel) {
            case WEIBO -> {
                Item item = CrawlerShapes.weiboItem(d.weibo, Long.toString(WEIBO_MIDS + d.second * 10_000 + seq % 10_000), d.text, at,
                        d.engagement, d.original == null ? null : d.original.id);
                d.id = item.id();
                yield item;
            }
            case NEWS -> CrawlerShapes.newsItem(d.site, String.format("%06d", seq), d.reporter, d.title, d.text, at, d.engagement,
                    ScenarioGenerator.BEIJING);
            case WECHAT -> CrawlerShapes.wechatItem(d.wechat, WECHAT_MIDS + seq, seq % 6 == 0 ? 2 : 1, d.title, d.text, at,
                    d.engagement);
        };
    }

    /** How busy an hour of the Beijing day is, against an ordinary daytime hour. */
    static double daytime(int hour) {
        return hour < 1 ? 0.7 : hour < 7 ? 0.2 : hour < 9 ? 0.8 : hour == 12 || hour == 13 || hour == 18 || hour == 19 ? 1.2
                : hour >= 20 ? 1.4 : 1;
    }

    /** A Poisson count with this mean: exact for small means, the normal approximation for large ones. */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = rnd.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            count++;
        }
        return count;
    }

    private static String key(Topic topic, Stance stance, Channel channel) {
        return topic + "/" + stance + "/" + channel;
    }
}
