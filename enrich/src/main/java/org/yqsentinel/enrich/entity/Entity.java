package org.yqsentinel.enrich.entity;

/**
 * A name found in a text: a person, a place or an organization, with its characters and where it
 * stands ({@code start} inclusive, {@code end} exclusive, in {@code String} char offsets).
 */
public record Entity(Kind kind, String text, int start, int end) {

    /** The three kinds of names Sentinel reports. */
    public enum Kind { PERSON, PLACE, ORGANIZATION }

    public Entity {
        if (kind == null || text == null || start < 0 || end <= start || text.length() != end - start) {
            throw new IllegalArgumentException("bad entity " + kind + " '" + text + "' [" + start + ", " + end + ")");
        }
    }
}
