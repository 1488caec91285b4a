package org.yqsentinel.rules.emerging;

import java.util.List;
import java.util.Objects;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.rules.risk.WindowTally;

/**
 * A post with the words it offers to topic detection ({@link TopicWords}), and the response classes' cue words it names
 * ({@code cues}, null until looked for). A post {@code claimed} by a watched policy
 * (linked to it) forms no topic; its words only tell which topics are a policy's, told in words the linking missed.
 */
public record TopicPost(EnrichedItem post, List<String> words, boolean claimed, List<String> cues) {

    public TopicPost {
        Objects.requireNonNull(post, "post");
        words = List.copyOf(words);
        cues = cues == null ? null : List.copyOf(cues);
    }

    /** A post no policy claims, its response-class cue words not looked for yet. */
    public TopicPost(EnrichedItem post, List<String> words) {
        this(post, words, false, null);
    }

    /** The same, claimed or not. */
    public TopicPost(EnrichedItem post, List<String> words, boolean claimed) {
        this(post, words, claimed, null);
    }

    /** The response classes' cue words of {@code all} that its title or text names: looked for once, not at every window. */
    public List<String> cuesAmong(List<String> all) {
        if (cues != null) {
            return cues;
        }
        return WindowTally.cuesNamed(post.item(), all);
    }

    /** The places the post names (its place entities), in the order it names them. */
    public List<String> places() {
        return post.analysis().entities().stream().filter(e -> e.kind() == NamedEntity.Kind.PLACE).map(NamedEntity::text).toList();
    }

    public String itemId() {
        return post.item().id();
    }
}
