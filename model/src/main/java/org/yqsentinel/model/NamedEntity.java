package org.yqsentinel.model;

/** A name a post mentions: a person, a place or an organization, with its position in the text (title first). */
public record NamedEntity(Kind kind, String text, int start, int end) {

    public enum Kind { PERSON, PLACE, ORGANIZATION }
}
