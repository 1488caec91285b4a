package org.yqsentinel.model;

import java.util.List;

/**
 * A topic a post is about, with the score its words reached, the responsible department (涉事责任部门)
 * the rules route it to, and the words that made it — so every assignment can be explained.
 */
public record TopicHit(String name, double score, String department, List<String> evidence) {
    public TopicHit {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
