package org.yqsentinel.model;

import java.util.List;

/**
 * What the text understanding step read from an item: its segmented tokens (punctuation and stop
 * words removed, in text order, title first), its keywords, most important first, its sentiment, its
 * emotion (null on items read before emotions were, as in older archives) and its topics (each with the words that made it and the responsible department), and the names of
 * persons, places and organizations it mentions; and the policies it is about, each with its evidence
 * (filled in by the policy linking step, empty before it).
 */
public record Analysis(List<String> tokens, List<String> keywords, Sentiment sentiment, Emotion emotion, List<TopicHit> topics,
                       List<NamedEntity> entities, List<PolicyLink> policyLinks) {
    public Analysis {
        tokens = List.copyOf(tokens);
        keywords = List.copyOf(keywords);
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
        policyLinks = policyLinks == null ? List.of() : List.copyOf(policyLinks);
    }

    /** What enrichment read, before any policy is linked. */
    public Analysis(List<String> tokens, List<String> keywords, Sentiment sentiment, Emotion emotion, List<TopicHit> topics,
                    List<NamedEntity> entities) {
        this(tokens, keywords, sentiment, emotion, topics, entities, List.of());
    }

    /** The same reading with these policy links. */
    public Analysis withPolicyLinks(List<PolicyLink> links) {
        return new Analysis(tokens, keywords, sentiment, emotion, topics, entities, links);
    }
}
