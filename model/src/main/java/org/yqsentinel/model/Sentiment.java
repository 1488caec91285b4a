package org.yqsentinel.model;

/** How a post feels: a score in [-1, 1] (negative to positive) and its label. */
public record Sentiment(double score, Label label) {

    public enum Label { NEGATIVE, NEUTRAL, POSITIVE }

    public Sentiment {
        if (score < -1 || score > 1) {
            throw new IllegalArgumentException("sentiment score " + score + " is outside [-1, 1]");
        }
    }
}
