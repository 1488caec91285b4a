package org.yqsentinel.enrich.sentiment;

/** A text with its sentiment as a person labelled it: positive or not. */
public record LabelledText(String text, boolean positive) {}
