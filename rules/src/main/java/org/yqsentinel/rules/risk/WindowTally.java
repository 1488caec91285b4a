package org.yqsentinel.rules.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.TopicHit;

/**
 * What the posts linked to one policy add up to in one window, gathered post by post and mergeable (the
 * accumulator of a Flink aggregate). The public's posts count as reaction: posts, negative posts, angry or
 * fearful posts, reach (followers of the posting accounts plus reposts), the channels and regions they
 * come from, the influential accounts among the posters, the sensitive hits, and the {@value #TOP_POSTS}
 * posts that drive the risk ({@link TopPost#DRIVING_THE_RISK}). Posts of government accounts (the policy's
 * own announcements and their relays) are counted apart and nowhere else. Mutable; not thread-safe; kept
 * in Flink state as a {@link TallyBucket}.
 */
public final class WindowTally {

    public static final int TOP_POSTS = 5;
    /** An account with this many followers is influential (大V) even when the platform has not verified it. */
    public static final long INFLUENTIAL_FOLLOWERS = 100_000;

    /** What the platforms call a government account (Weibo 政务 verification, a WeChat account a government body runs). */
    public static final String GOVERNMENT = "government";

    private long posts;
    private long negative;
    private long alarmed;
    private long official;
    private long reach;
    private long sensitive;
    private final TreeSet<String> channels = new TreeSet<>();
    private final TreeSet<String> regions = new TreeSet<>();
    private final TreeSet<String> influential = new TreeSet<>();
    private final List<TopPost> top = new ArrayList<>(TOP_POSTS + 1);
    /** For each cue word of the response classes a post named, how many posts named it. */
    private final TreeMap<String, Long> cueWords = new TreeMap<>();
    /** The public's posts of each emotion, by {@link Emotion.Label} ordinal. */
    private final long[] emotions = new long[Emotion.Label.values().length];

    /**
     * Counts a linked post. Its sensitive hits are its tokens on the watch list plus one for each of its
     * topics that is sensitive (政府公信力: corruption, officials' conduct).
     */
    public void add(EnrichedItem post, Set<String> watchWords, Set<String> sensitiveTopics) {
        add(post, watchWords, sensitiveTopics, List.of());
    }

    /** The same, also counting the post for each of {@code cues} (the response classes' words) its title or text names. */
    public void add(EnrichedItem post, Set<String> watchWords, Set<String> sensitiveTopics, List<String> cues) {
        addMatched(post, watchWords, sensitiveTopics, cuesNamed(post.item(), cues));
    }

    /** The words of {@code cues} that the item's title or text names. */
    public static List<String> cuesNamed(Item item, List<String> cues) {
        return cues.stream().filter(cue -> item.text().contains(cue) || item.title() != null && item.title().contains(cue)).toList();
    }

    /**
     * The same, counting the post for each of {@code named}: the cue words it names, looked for already (in its whole
     * text, where the post kept here holds only the start of it).
     */
    public void addMatched(EnrichedItem post, Set<String> watchWords, Set<String> sensitiveTopics, List<String> named) {
        Item item = post.item();
        Author author = item.author();
        if (author != null && GOVERNMENT.equals(author.accountType())) {
            official++;
            return;
        }
        posts++;
        boolean against = post.analysis().sentiment() != null && post.analysis().sentiment().label() == Sentiment.Label.NEGATIVE;
        if (against) {
            negative++;
        }
        Emotion emotion = post.analysis().emotion();
        if (emotion != null) {
            emotions[emotion.label().ordinal()]++;
            if (emotion.label() == Emotion.Label.ANGRY || emotion.label() == Emotion.Label.FEAR) {
                alarmed++;
            }
        }
        long followers = author == null || author.followerCount() == null ? 0 : author.followerCount();
        reach += followers + (item.engagement().reposts() == null ? 0 : item.engagement().reposts());
        channels.add(item.channel().id());
        if (item.region() != null) {
            regions.add(item.region().city() != null ? item.region().city() : item.region().province());
        }
        if (author != null && author.name() != null && (author.verified() || followers >= INFLUENTIAL_FOLLOWERS)) {
            influential.add(item.channel().id() + ":" + author.name());
        }
        for (String token : post.analysis().tokens()) {
            if (watchWords.contains(token)) {
                sensitive++;
            }
        }
        for (TopicHit topic : post.analysis().topics()) {
            if (sensitiveTopics.contains(topic.name())) {
                sensitive++;
            }
        }
        for (String cue : named) {
            cueWords.merge(cue, 1L, Long::sum);
        }
        keepTop(new TopPost(item, against));
    }

    /** For each cue word a post of the window named, how many posts named it. */
    public Map<String, Long> cueWords() {
        return Collections.unmodifiableMap(cueWords);
    }

    /** Adds another tally of the same policy and window (Flink merges partial aggregates of merged windows). */
    public WindowTally merge(WindowTally other) {
        posts += other.posts;
        negative += other.negative;
        alarmed += other.alarmed;
        official += other.official;
        reach += other.reach;
        sensitive += other.sensitive;
        channels.addAll(other.channels);
        regions.addAll(other.regions);
        influential.addAll(other.influential);
        other.top.forEach(this::keepTop);
        other.cueWords.forEach((word, posts) -> cueWords.merge(word, posts, Long::sum));
        for (int i = 0; i < emotions.length; i++) {
            emotions[i] += other.emotions[i];
        }
        return this;
    }

    private void keepTop(TopPost post) {
        if (top.stream().anyMatch(p -> p.item().id().equals(post.item().id()))) {
            return;
        }
        top.add(post);
        top.sort(TopPost.DRIVING_THE_RISK);
        if (top.size() > TOP_POSTS) {
            top.remove(top.size() - 1);
        }
    }

    /**
     * The window's measurements, with the public posts of its latest part and of the baseline, both as posts per
     * window length, and the policy's pre-issuance risk.
     */
    public WindowStats stats(double recentPostsPerWindow, double baselinePostsPerWindow, double preIssuance) {
        return new WindowStats(posts, recentPostsPerWindow, baselinePostsPerWindow, negative, alarmed, reach, channels.size(),
                regions.size(), influential.size(), sensitive, preIssuance, official);
    }

    public long posts() {
        return posts;
    }

    /** The public's negative posts. */
    public long negative() {
        return negative;
    }

    /** The public's posts of each emotion that any post expressed, in the order of {@link Emotion.Label}. */
    public Map<String, Long> emotions() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Emotion.Label label : Emotion.Label.values()) {
            counts.put(label.name(), emotions[label.ordinal()]);
        }
        return counts;
    }

    /** The public's posts that drive the risk: negative ones first, each part by interactions, most first; ties by item id. */
    public List<Item> topPosts() {
        return top.stream().map(TopPost::item).toList();
    }

    /** The tally as a value for Flink state. */
    public TallyBucket toBucket() {
        return new TallyBucket(posts, negative, alarmed, official, reach, sensitive, List.copyOf(channels), List.copyOf(regions),
                List.copyOf(influential), List.copyOf(top), List.copyOf(cueWords.keySet()), List.copyOf(cueWords.values()),
                Arrays.stream(emotions).boxed().toList());
    }

    /** A tally from its state value. */
    public static WindowTally of(TallyBucket bucket) {
        WindowTally tally = new WindowTally();
        tally.posts = bucket.posts();
        tally.negative = bucket.negative();
        tally.alarmed = bucket.alarmed();
        tally.official = bucket.official();
        tally.reach = bucket.reach();
        tally.sensitive = bucket.sensitive();
        tally.channels.addAll(bucket.channels());
        tally.regions.addAll(bucket.regions());
        tally.influential.addAll(bucket.influential());
        tally.top.addAll(bucket.top());
        for (int i = 0; i < bucket.cueWords().size(); i++) {
            tally.cueWords.put(bucket.cueWords().get(i), bucket.cuePosts().get(i));
        }
        for (int i = 0; i < Math.min(bucket.emotions().size(), tally.emotions.length); i++) {
            tally.emotions[i] = bucket.emotions().get(i);
        }
        return tally;
    }
}
