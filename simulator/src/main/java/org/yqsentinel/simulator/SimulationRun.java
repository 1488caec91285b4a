package org.yqsentinel.simulator;

import java.time.Instant;
import java.util.ArrayList;
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
import org.yqsentinel.model.Zones;
import org.yqsentinel.simulator.ScenarioArticles.Article;
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
    /**
     * Ids as the platforms make them: a Weibo mid from the publish second and the channel's sequence, a news
     * number of the day and the sequence, a WeChat mid of the sequence; they differ from the demo episode's.
     */
    private static final PostDraft.Numbering NUMBERING = new PostDraft.Numbering(5_200_000_000_000_000L, 10_000, "%06d", 2_247_500_000L);
    private static final int TRIES = 12;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "林", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "邓", "曹", "彭", "曾"};
    private static final String[] GIVEN = {"晓明", "丽华", "志强", "静", "伟", "芳", "海燕", "建国", "婷婷", "子豪", "雨桐", "嘉怡", "俊杰",
        "思远", "欣然", "文博", "雅琪", "浩然", "佳琪", "明轩", "一鸣", "若溪", "泽宇", "梓涵", "晨曦", "立新", "秀英", "国栋", "慧敏", "天佑"};

    /** A post of the simulation: its topic, stance and phase (the ground truth), and its place in the order of writing. */
    private static final class Draft extends PostDraft {
        final Topic topic;
        final Stance stance;
        final String phase;
        final int order;

        Draft(Topic topic, Stance stance, Channel channel, String phase, long second, int order) {
            super(channel, second);
            this.topic = topic;
            this.stance = stance;
            this.phase = phase;
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
        texts.put(Topic.HOT_TOPIC, new AccidentText(HotTopicText.PHRASES, words, rnd));
        texts.put(Topic.EMERGENCY, new AccidentText(EmergencyText.PHRASES, words, rnd));
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
            int hour = Instant.ofEpochSecond(minute).atZone(Zones.BEIJING).getHour();
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
        if (kind == PhaseKind.SURGE || kind == PhaseKind.POSITIVE || kind == PhaseKind.UNRELATED || kind == PhaseKind.EMERGENCY) {
            makeViral(loud, kind == PhaseKind.POSITIVE ? Stance.POSITIVE : Stance.NEGATIVE);
        }
    }

    /** The posts in publication order, with their items. */
    List<SimulatedPost> posts() {
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(PostDraft.PUBLICATION_ORDER);
        Map<Channel, Integer> sequence = new EnumMap<>(Channel.class);
        List<SimulatedPost> posts = new ArrayList<>(ordered.size());
        for (Draft d : ordered) {
            Item item = d.item(Instant.ofEpochSecond(d.second), sequence.merge(d.channel, 1, Integer::sum), NUMBERING);
            posts.add(new SimulatedPost(item, d.topic, d.stance, d.phase));
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
                    repost(d, PostDraft.popular(originals, rnd));
                } else {
                    d.weibo = cast.weibo(topic, stance);
                    d.text = unique(() -> text.weibo(stance, SimulationCast.institutional(d.weibo)),
                            t -> t + " @" + cast.user().name());
                }
                d.engagement = weiboEngagement(d);
            }
            case NEWS -> {
                if (copy) {
                    Draft original = originals.get(rnd.nextInt(originals.size()));
                    // the simulation's reprints may credit their source whatever the length (the demo's keep to 800)
                    d.reprint(original, cast.siteForReprint(original.site), rnd, Integer.MAX_VALUE);
                } else {
                    d.site = cast.siteForOriginal();
                    d.reporter = cast.reporter();
                    d.second = d.site.printed(d.second);
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

    /** A repost by a user other than the author, who has not reposted that post yet. */
    private void repost(Draft d, Draft original) {
        do {
            d.weibo = cast.user();
        } while (d.weibo.equals(original.weibo) || !reposted.add(d.weibo.uid() + "/" + original.order));
        d.repost(original, texts.get(d.topic).repostComment(d.stance));
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
            d.engagement = Reactions.viral(rnd, d.engagement);
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
        return Reactions.weibo(rnd, d.weibo.followers(), mood(d));
    }

    private Engagement newsEngagement(Draft d) {
        return Reactions.news(rnd, d.site.showsReads(), mood(d), mood(d));
    }

    private Engagement wechatEngagement(Draft d) {
        return Reactions.wechat(rnd, d.wechat.readScale(), mood(d));
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
