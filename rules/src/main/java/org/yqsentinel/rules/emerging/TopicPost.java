package org.yqsentinel.rules.emerging;

import java.util.List;
import java.util.Objects;
import org.yqsentinel.model.EnrichedItem;

/**
 * A post with the words it offers to topic detection ({@link TopicWords}). A post {@code claimed} by a watched policy
 * (linked to it) forms no topic; its words only tell which topics are a policy's, told in words the linking missed.
 */
public record TopicPost(EnrichedItem post, List<String> words, boolean claimed) {

    public TopicPost {
        Objects.requireNonNull(post, "post");
        words = List.copyOf(words);
    }

    /** A post no policy claims. */
    public TopicPost(EnrichedItem post, List<String> words) {
        this(post, words, false);
    }

    public String itemId() {
        return post.item().id();
    }
}
