package org.yqsentinel.rules.emerging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the topics of one window (first-story detection by bursty words, after Kleinberg's bursts and the
 * co-occurrence clustering of Weng and Lee's EDCoW, made deterministic):
 * <ol>
 * <li>A word <b>bursts</b> when at least {@code min-posts} posts of the window name it and at least {@code min-ratio}
 * times its baseline per window plus one. Its baseline is its posts per window over the day before the window (or what
 * of the day has been seen, at least {@code warm-up-hours}), scaled by the stream's volume in the window against its
 * volume then (each plus {@code min-posts}): a word that rises only with everything keeps its share and does not burst.
 * Once a whole day has been seen, the baseline is no less than the word's posts in the same hour of the day before:
 * what every morning brings does not burst.</li>
 * <li>Bursting words are taken strongest first (the ratio, then the posts, then the word), places after the other
 * words: a word <b>joins</b> the cluster that the most of its posts also name (a word of the cluster that is not a
 * place), when they are at least {@code min-overlap} of the posts of the rarer of the word and the cluster; otherwise it
 * starts a cluster (a place does not: a place alone is no topic). An event told in many wordings is one cluster even
 * when each wording shares few posts with each other one. No word joins through a place, and a word that two events share joins one of them: two
 * events in one city stay two. The words of the live topics hold their places, so a topic goes on in new words.</li>
 * <li>Each post that names a bursting word goes to the cluster of which it names the most words (the earlier on a
 * tie). A cluster with fewer than {@code topics.min-posts} posts is dropped.</li>
 * </ol>
 * The same posts in any order give the same clusters.
 */
public final class TopicFinder {

    private TopicFinder() {}

    /** A bursting word: its posts in the window, its baseline per window, and their ratio. */
    public record Burst(String word, int posts, double baseline, double ratio) {}

    /**
     * A topic of the window: its words, strongest first, with their bursts, its posts in publish order, and the index of
     * the live topic it carries on, or -1 for a new one.
     */
    public record Cluster(List<Burst> words, List<TopicPost> posts, int anchor) {

        public List<String> wordList() {
            return words.stream().map(Burst::word).toList();
        }
    }

    private static final Comparator<Burst> STRONGEST = Comparator.comparingDouble(Burst::ratio).reversed()
            .thenComparing(Comparator.comparingInt(Burst::posts).reversed()).thenComparing(Burst::word);

    /**
     * The bursting words of the window ending at {@code end}, strongest first, from the history's counts; none before
     * the warm-up has passed.
     */
    public static List<Burst> bursts(WordHistory history, Instant end, EmergingRules rules) {
        Instant windowStart = end.minus(rules.size());
        Instant first = history.firstSeen();
        if (first == null) {
            return List.of();
        }
        Duration seen = Duration.between(first, windowStart);
        if (seen.compareTo(rules.warmUp()) < 0 || seen.isNegative() || seen.isZero()) {
            return List.of();
        }
        Duration covered = seen.compareTo(rules.baseline()) < 0 ? seen : rules.baseline();
        Instant baselineStart = windowStart.minus(covered);
        boolean wholeDay = seen.compareTo(Duration.ofDays(1)) >= 0;
        Map<String, Integer> counts = history.counts(windowStart, end);
        double windowsInBaseline = (double) covered.toMillis() / rules.size().toMillis();
        // the stream's volume now against its baseline: a word that only rises with everything (the morning after the
        // night) keeps its share and does not burst, even before a whole day shows the day's rhythm
        double volume = (history.posts(windowStart, end) + rules.wordMinPosts())
                / (history.posts(baselineStart, windowStart) / windowsInBaseline + rules.wordMinPosts());
        List<Burst> bursts = new ArrayList<>();
        counts.forEach((word, posts) -> {
            if (posts < rules.wordMinPosts()) {
                return;
            }
            double baseline = history.count(word, baselineStart, windowStart) / windowsInBaseline * volume;
            if (wholeDay) {
                baseline = Math.max(baseline, history.count(word, windowStart.minus(Duration.ofDays(1)), end.minus(Duration.ofDays(1))));
            }
            double ratio = posts / (baseline + 1);
            if (ratio >= rules.wordMinRatio()) {
                bursts.add(new Burst(word, posts, baseline, ratio));
            }
        });
        bursts.sort(STRONGEST);
        return bursts;
    }

    /** The topics of the window ending at {@code end}, with no live topic to carry on. */
    public static List<Cluster> find(List<TopicPost> window, WordHistory history, Instant end, EmergingRules rules) {
        return find(WindowPosts.of(window), history, end, rules, List.of());
    }

    /** The same, the window's posts in any order. */
    public static List<Cluster> find(List<TopicPost> window, WordHistory history, Instant end, EmergingRules rules,
                                      List<List<String>> anchors) {
        return find(WindowPosts.of(window), history, end, rules, anchors);
    }

    /**
     * The topics of the window ending at {@code end}. The live topics' words are anchors: a bursting word that their
     * posts name goes to the live topic (the cluster's {@code anchor} is its index), so a topic that goes on in new
     * words stays one topic even once its first words no longer burst. Places (the places the window's posts name)
     * join a cluster, but no word joins one through a place: two events in one city stay two. Only the posts that name
     * a bursting word or an anchor's word are read.
     */
    public static List<Cluster> find(WindowPosts window, WordHistory history, Instant end, EmergingRules rules,
                                      List<List<String>> anchors) {
        List<Burst> bursts = bursts(history, end, rules);
        if (bursts.isEmpty()) {
            return List.of();
        }
        Set<String> places = window.places();
        // the words that can link: bursting ones and the anchors' words (places aside), each with the window's posts naming it
        Map<String, Integer> groupOf = new HashMap<>();
        List<List<Burst>> groups = new ArrayList<>();
        for (int a = 0; a < anchors.size(); a++) {
            groups.add(new ArrayList<>());
            for (String word : anchors.get(a)) {
                if (!places.contains(word)) {
                    groupOf.putIfAbsent(word, a);
                }
            }
        }
        // which groups each post names (through words that are not places), and how many posts name each group
        BitSet[] groupsNamed = new BitSet[window.size()];
        List<Integer> groupPosts = new ArrayList<>();
        for (int a = 0; a < anchors.size(); a++) {
            groupPosts.add(0);
        }
        groupOf.forEach((word, group) -> mark(window.naming(word), group, groupsNamed, groupPosts));
        // places last: a place joins the topic its posts are about, and a place alone is no topic
        List<Burst> ordered = new ArrayList<>(bursts.stream().filter(b -> !places.contains(b.word())).toList());
        ordered.addAll(bursts.stream().filter(b -> places.contains(b.word())).toList());
        for (Burst word : ordered) {
            int[] its = window.naming(word.word());
            Integer anchored = groupOf.get(word.word());
            int best = anchored == null ? -1 : anchored;
            if (anchored == null) {
                int[] together = new int[groups.size()];
                for (int p : its) {
                    if (groupsNamed[p] != null) {
                        groupsNamed[p].stream().forEach(g -> together[g]++);
                    }
                }
                double bestOverlap = -1;
                for (int g = 0; g < together.length; g++) {
                    double overlap = together[g] == 0 ? 0 : (double) together[g] / Math.min(its.length, groupPosts.get(g));
                    if (overlap >= rules.minOverlap() && overlap > bestOverlap) {
                        best = g;
                        bestOverlap = overlap;
                    }
                }
            }
            boolean place = places.contains(word.word());
            if (best < 0 && place) {
                continue;
            }
            if (best < 0) {
                best = groups.size();
                groups.add(new ArrayList<>());
                groupPosts.add(0);
            }
            groups.get(best).add(word);
            groupOf.put(word.word(), best);
            if (!place && anchored == null) {
                mark(its, best, groupsNamed, groupPosts);
            }
        }
        for (List<Burst> group : groups) {
            group.sort(STRONGEST);
        }
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Burst word : groups.get(g)) {
                clusterOf.put(word.word(), g);
            }
        }
        // the posts that name a word of a cluster, in publish order: the others go to none
        BitSet naming = new BitSet(window.size());
        clusterOf.keySet().forEach(word -> {
            for (int p : window.naming(word)) {
                naming.set(p);
            }
        });
        List<List<TopicPost>> posts = new ArrayList<>();
        groups.forEach(g -> posts.add(new ArrayList<>()));
        for (int p = naming.nextSetBit(0); p >= 0; p = naming.nextSetBit(p + 1)) {
            TopicPost post = window.get(p);
            int[] named = new int[groups.size()];
            for (String word : new HashSet<>(post.words())) {
                Integer group = clusterOf.get(word);
                if (group != null) {
                    named[group]++;
                }
            }
            int best = -1;
            for (int g = 0; g < named.length; g++) {
                if (named[g] > 0 && (best < 0 || named[g] > named[best])) {
                    best = g;
                }
            }
            posts.get(best).add(post);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).isEmpty() && posts.get(g).size() >= rules.topicMinPosts()) {
                clusters.add(new Cluster(List.copyOf(groups.get(g)), List.copyOf(posts.get(g)), g < anchors.size() ? g : -1));
            }
        }
        return clusters;
    }

    /** Marks the posts (by position) as naming the group, counting those that did not yet. */
    private static void mark(int[] posts, int group, BitSet[] groupsNamed, List<Integer> groupPosts) {
        for (int p : posts) {
            if (groupsNamed[p] == null) {
                groupsNamed[p] = new BitSet();
            }
            if (!groupsNamed[p].get(group)) {
                groupsNamed[p].set(group);
                groupPosts.set(group, groupPosts.get(group) + 1);
            }
        }
    }

    /** Publish order, then by id. */
    static final Comparator<TopicPost> PUBLISHED = Comparator.comparing((TopicPost p) -> p.post().item().publishedAt())
            .thenComparing(TopicPost::itemId);
}
