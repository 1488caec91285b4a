package org.yqsentinel.report.brief;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.report.Redaction;

/**
 * What people say about a case (四、网民观点): the keywords most posts use, how the posts feel (sentiment) and which
 * emotion they show, and for each stance the posts that reached the most people, de-identified.
 *
 * @param keywords        the {@value #TOP_KEYWORDS} keywords in the most posts, ties by word
 * @param emotions        every emotion label in {@link Emotion.Label} order, over the posts whose emotion was read
 * @param sentiments      every sentiment label in {@link Sentiment.Label} order, over the posts whose sentiment was read
 * @param representatives per sentiment label, up to {@value #REPRESENTATIVES} posts with the most interactions
 */
public record Opinion(List<KeywordCount> keywords, List<Share<Emotion.Label>> emotions, List<Share<Sentiment.Label>> sentiments,
                      Map<Sentiment.Label, List<PostSummary>> representatives) {

    /** How many keywords a brief lists. */
    public static final int TOP_KEYWORDS = 20;
    /** How many posts a brief quotes per stance. */
    public static final int REPRESENTATIVES = 3;

    /** A keyword and the posts that have it among their keywords. */
    public record KeywordCount(String word, long posts) {}

    /**
     * The posts with one label, and their share of the posts that have a label (0 when none has).
     */
    public record Share<L>(L label, long posts, double share) {}

    public Opinion {
        keywords = List.copyOf(keywords);
        emotions = List.copyOf(emotions);
        sentiments = List.copyOf(sentiments);
        Map<Sentiment.Label, List<PostSummary>> copy = new EnumMap<>(Sentiment.Label.class);
        representatives.forEach((label, posts) -> copy.put(label, List.copyOf(posts)));
        representatives = Collections.unmodifiableMap(copy);
    }

    /** The share of the posts with a sentiment that have this one. */
    public double sentimentShare(Sentiment.Label label) {
        return sentiments.stream().filter(share -> share.label() == label).mapToDouble(Share::share).findFirst().orElse(0);
    }

    public static Opinion of(List<EnrichedItem> posts, Redaction redaction) {
        return new Opinion(keywords(posts),
                shares(posts, Emotion.Label.class, post -> post.analysis() == null || post.analysis().emotion() == null
                        ? null : post.analysis().emotion().label()),
                shares(posts, Sentiment.Label.class, Timeline::sentimentOf),
                representatives(posts, redaction));
    }

    private static List<KeywordCount> keywords(List<EnrichedItem> posts) {
        Map<String, Long> counts = new HashMap<>();
        for (EnrichedItem post : posts) {
            if (post.analysis() != null) {
                new LinkedHashSet<>(post.analysis().keywords()).stream()
                        .filter(word -> word != null && !word.isBlank())
                        .forEach(word -> counts.merge(word.strip(), 1L, Long::sum));
            }
        }
        return counts.entrySet().stream()
                .map(e -> new KeywordCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(KeywordCount::posts).reversed().thenComparing(KeywordCount::word))
                .limit(TOP_KEYWORDS)
                .toList();
    }

    private static <L extends Enum<L>> List<Share<L>> shares(List<EnrichedItem> posts, Class<L> labels,
                                                             Function<EnrichedItem, L> labelOf) {
        Map<L, Long> counts = new EnumMap<>(labels);
        posts.stream().map(labelOf).filter(Objects::nonNull).forEach(label -> counts.merge(label, 1L, Long::sum));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Share<L>> shares = new ArrayList<>();
        for (L label : labels.getEnumConstants()) {
            long count = counts.getOrDefault(label, 0L);
            shares.add(new Share<>(label, count, total == 0 ? 0 : (double) count / total));
        }
        return shares;
    }

    private static Map<Sentiment.Label, List<PostSummary>> representatives(List<EnrichedItem> posts, Redaction redaction) {
        Comparator<EnrichedItem> mostInteractions = Comparator
                .comparingLong((EnrichedItem post) -> post.item().engagement().interactions()).reversed()
                .thenComparing(PostSummary.EARLIEST_FIRST);
        Map<Sentiment.Label, List<PostSummary>> representatives = new EnumMap<>(Sentiment.Label.class);
        for (Sentiment.Label label : Sentiment.Label.values()) {
            representatives.put(label, posts.stream()
                    .filter(post -> Timeline.sentimentOf(post) == label)
                    .sorted(mostInteractions)
                    .limit(REPRESENTATIVES)
                    .map(post -> PostSummary.of(post, redaction))
                    .toList());
        }
        return representatives;
    }
}
