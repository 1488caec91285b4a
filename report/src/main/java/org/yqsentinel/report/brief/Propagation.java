package org.yqsentinel.report.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.Region;
import org.yqsentinel.report.Redaction;

/**
 * How a case spread (三、传播分析): who posted first, which posts were reprinted or reposted and how far, on which
 * channels over time, from which regions, and the accounts with the widest audience.
 *
 * @param firstPost      首发: the earliest post (ties by id); null when there are none
 * @param chains         the reprint and repost chains of two posts or more, longest first
 * @param channels       the posts per channel and bucket, in {@link Channel} order, channels without posts left out
 * @param regions        the posts per province and city, most first
 * @param withoutRegion  the posts whose region is not known
 * @param accounts       the {@value #TOP_ACCOUNTS} accounts with the most followers, then interactions
 */
public record Propagation(PostSummary firstPost, List<Chain> chains, List<ChannelSpread> channels, List<RegionCount> regions,
                          long withoutRegion, List<Account> accounts) {

    /** How many accounts a brief lists. */
    public static final int TOP_ACCOUNTS = 10;

    /**
     * The posts that go back to one root through {@code repostOf} or {@code copyOf}, the root among them when it is a
     * post of the case.
     *
     * @param root     the root post, or null when it is not among the case's posts (then only its id is known)
     * @param size     the posts of the case in the chain, the root included when it is one of them
     * @param reposts  members that are reposts (转发)
     * @param reprints members that are reprints (转载, near-identical copies)
     */
    public record Chain(String rootId, PostSummary root, int size, int reposts, int reprints, Set<Channel> channels,
                        Instant first, Instant last) {
        public Chain {
            channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        }
    }

    /** One channel's posts per bucket. */
    public record ChannelSpread(Channel channel, List<Long> perBucket, long total) {
        public ChannelSpread {
            perBucket = List.copyOf(perBucket);
        }
    }

    /** The posts from one province and city ({@code city} null when only the province is known). */
    /** A region's posts, and when it first and last posted: how the reaction spread over places in time. */
    public record RegionCount(String province, String city, long posts, Instant first, Instant last) {}

    /**
     * One posting account.
     *
     * @param name      as {@link Redaction#accountName} shows it
     * @param followers the most followers any of its posts showed; null when none did
     */
    public record Account(String name, Channel channel, String accountType, boolean verified, long posts, Long followers,
                          long interactions) {}

    public Propagation {
        chains = List.copyOf(chains);
        channels = List.copyOf(channels);
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
    }

    public static Propagation of(List<EnrichedItem> posts, TimeBuckets buckets, Redaction redaction) {
        List<EnrichedItem> ordered = posts.stream().sorted(PostSummary.EARLIEST_FIRST).toList();
        PostSummary first = ordered.isEmpty() ? null : PostSummary.of(ordered.get(0), redaction);
        return new Propagation(first, chains(ordered, redaction), channels(ordered, buckets), regions(ordered),
                ordered.stream().filter(p -> p.item().region() == null).count(), accounts(ordered));
    }

    private static List<Chain> chains(List<EnrichedItem> ordered, Redaction redaction) {
        Map<String, EnrichedItem> byId = new LinkedHashMap<>();
        ordered.forEach(post -> byId.putIfAbsent(post.item().id(), post));
        Map<String, List<EnrichedItem>> members = new LinkedHashMap<>();
        for (EnrichedItem post : byId.values()) {
            members.computeIfAbsent(rootOf(post.item().id(), byId), root -> new ArrayList<>()).add(post);
        }
        List<Chain> chains = new ArrayList<>();
        members.forEach((rootId, chain) -> {
            if (chain.size() >= 2) {
                EnrichedItem root = byId.get(rootId);
                Set<Channel> channels = EnumSet.noneOf(Channel.class);
                chain.forEach(post -> channels.add(post.item().channel()));
                chains.add(new Chain(rootId, root == null ? null : PostSummary.of(root, redaction), chain.size(),
                        (int) chain.stream().filter(p -> p.item().repostOf() != null).count(),
                        (int) chain.stream().filter(p -> p.item().repostOf() == null && p.item().copyOf() != null).count(),
                        channels, chain.get(0).item().publishedAt(), chain.get(chain.size() - 1).item().publishedAt()));
            }
        });
        chains.sort(Comparator.comparingInt(Chain::size).reversed().thenComparing(Chain::first).thenComparing(Chain::rootId));
        return chains;
    }

    /** Where a post's repostOf / copyOf links lead: the first post not in the case, or the case's post that has none. */
    static String rootOf(String id, Map<String, EnrichedItem> byId) {
        Set<String> seen = new HashSet<>();
        String current = id;
        while (byId.containsKey(current) && seen.add(current)) {
            String parent = parentOf(byId.get(current).item());
            if (parent == null) {
                break;
            }
            current = parent;
        }
        return current;
    }

    /** The post this one reposts, else the one it copies, else null. */
    static String parentOf(Item item) {
        return item.repostOf() != null ? item.repostOf() : item.copyOf();
    }

    private static List<ChannelSpread> channels(List<EnrichedItem> ordered, TimeBuckets buckets) {
        Map<Channel, long[]> perBucket = new EnumMap<>(Channel.class);
        Map<Channel, Long> totals = new EnumMap<>(Channel.class);
        for (EnrichedItem post : ordered) {
            Channel channel = post.item().channel();
            totals.merge(channel, 1L, Long::sum);
            int i = buckets.indexOf(post.item().publishedAt());
            if (i >= 0) {
                perBucket.computeIfAbsent(channel, c -> new long[buckets.count()])[i]++;
            }
        }
        List<ChannelSpread> spread = new ArrayList<>();
        totals.forEach((channel, total) -> {
            long[] counts = perBucket.getOrDefault(channel, new long[buckets.count()]);
            spread.add(new ChannelSpread(channel, Arrays.stream(counts).boxed().toList(), total));
        });
        return spread;
    }

    private static List<RegionCount> regions(List<EnrichedItem> ordered) {
        // the posts come earliest first, so a region's first post is the one that adds it
        Map<List<String>, RegionCount> counts = new LinkedHashMap<>();
        for (EnrichedItem post : ordered) {
            Region region = post.item().region();
            if (region != null) {
                Instant at = post.item().publishedAt();
                counts.merge(Arrays.asList(region.province(), region.city()), new RegionCount(region.province(), region.city(), 1, at, at),
                        (was, one) -> new RegionCount(was.province(), was.city(), was.posts() + 1, was.first(), at));
            }
        }
        return counts.values().stream()
                .sorted(Comparator.comparingLong(RegionCount::posts).reversed()
                        .thenComparing(RegionCount::province)
                        .thenComparing(RegionCount::city, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static List<Account> accounts(List<EnrichedItem> ordered) {
        record Tally(Channel channel, String rawName, Author latest, long posts, Long followers, long interactions) {}
        Map<List<String>, Tally> tallies = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        for (EnrichedItem post : ordered) {
            Item item = post.item();
            Author author = item.author();
            if (author == null || author.name() == null || author.name().isBlank()) {
                continue;
            }
            String name = author.name().strip();
            Tally tally = new Tally(item.channel(), name, author, 1, author.followerCount(), item.engagement().interactions());
            tallies.merge(List.of(item.channel().id(), name), tally, (a, b) -> new Tally(a.channel(), a.rawName(), b.latest(),
                    a.posts() + b.posts(), max(a.followers(), b.followers()), a.interactions() + b.interactions()));
        }
        return tallies.values().stream()
                .sorted(Comparator.comparingLong((Tally t) -> t.followers() == null ? -1 : t.followers()).reversed()
                        .thenComparing(Comparator.comparingLong(Tally::interactions).reversed())
                        .thenComparing(Comparator.comparingLong(Tally::posts).reversed()))
                .limit(TOP_ACCOUNTS)
                .map(t -> new Account(Redaction.accountName(t.latest()), t.channel(), t.latest().accountType(), t.latest().verified(),
                        t.posts(), t.followers(), t.interactions()))
                .toList();
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
