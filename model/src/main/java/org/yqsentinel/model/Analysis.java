package org.yqsentinel.model;

import java.util.List;

/**
 * What the text understanding step read from an item: its segmented tokens (punctuation and stop
 * words removed, in text order, title first), its keywords, most important first, and its sentiment.
 */
public record Analysis(List<String> tokens, List<String> keywords, Sentiment sentiment) {
    public Analysis {
        tokens = List.copyOf(tokens);
        keywords = List.copyOf(keywords);
    }
}
