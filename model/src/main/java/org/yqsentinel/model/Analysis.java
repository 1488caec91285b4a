package org.yqsentinel.model;

import java.util.List;

/**
 * What the text understanding step read from an item: its segmented tokens (punctuation and stop
 * words removed, in text order, title first), its keywords, most important first, its sentiment and
 * its topics (each with the words that made it and the responsible department), and the names of
 * persons, places and organizations it mentions.
 */
public record Analysis(List<String> tokens, List<String> keywords, Sentiment sentiment, List<TopicHit> topics,
                       List<NamedEntity> entities) {
    public Analysis {
        tokens = List.copyOf(tokens);
        keywords = List.copyOf(keywords);
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
