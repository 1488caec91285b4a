package org.yqsentinel.rules.risk;

import java.util.List;

/**
 * A {@link WindowTally} as an immutable value, for Flink state (a record of plain fields and lists, which
 * Flink serializes without Kryo): one per policy and slide of event time. The response classes' words the posts
 * named and how many posts named each are two lists side by side; {@code emotions} counts the public's posts of each
 * {@link org.yqsentinel.model.Emotion.Label}, in the order of its constants (empty in buckets kept before it was counted).
 */
public record TallyBucket(long posts, long negative, long alarmed, long official, long reach, long sensitive, List<String> channels,
                          List<String> regions, List<String> influential, List<TopPost> top, List<String> cueWords, List<Long> cuePosts,
                          List<Long> emotions) {

    public TallyBucket {
        channels = List.copyOf(channels);
        regions = List.copyOf(regions);
        influential = List.copyOf(influential);
        top = List.copyOf(top);
        cueWords = cueWords == null ? List.of() : List.copyOf(cueWords);
        cuePosts = cuePosts == null ? List.of() : List.copyOf(cuePosts);
        emotions = emotions == null ? List.of() : List.copyOf(emotions);
        if (cueWords.size() != cuePosts.size()) {
            throw new IllegalArgumentException(cueWords.size() + " cue words but " + cuePosts.size() + " counts of their posts");
        }
    }

    /** A bucket without counts of emotions. */
    public TallyBucket(long posts, long negative, long alarmed, long official, long reach, long sensitive, List<String> channels,
                       List<String> regions, List<String> influential, List<TopPost> top, List<String> cueWords, List<Long> cuePosts) {
        this(posts, negative, alarmed, official, reach, sensitive, channels, regions, influential, top, cueWords, cuePosts, List.of());
    }

    /** A bucket without counts of the response classes' words. */
    public TallyBucket(long posts, long negative, long alarmed, long official, long reach, long sensitive, List<String> channels,
                       List<String> regions, List<String> influential, List<TopPost> top) {
        this(posts, negative, alarmed, official, reach, sensitive, channels, regions, influential, top, List.of(), List.of());
    }
}
