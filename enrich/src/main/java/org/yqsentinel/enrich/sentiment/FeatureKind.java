package org.yqsentinel.enrich.sentiment;

/**
 * The kinds of {@link SentimentFeatures}: a feature's string is its kind's prefix followed by the
 * chars the kind is about (a word, an emoticon, a character pair; nothing for the fixed ones).
 */
enum FeatureKind {
    WORD(""),
    NEGATED_WORD("!"),
    DEGREE_WORD("+"),
    NEGATED_DEGREE_WORD("+!"),
    PUNCTUATION("P:"),
    NEGATION("NEG"),
    CANCELLED_NEGATION("NEG2"),
    EMOTICON("E:"),
    BIGRAM("B:"),
    CHAR("C:"),
    RHETORICAL("CUE:rhetorical"),
    SARCASM("CUE:sarcasm"),
    HARM("CUE:harm"),
    PRAISE("CUE:praise");

    final String prefix;
    /** {@link FeatureHash} of the prefix, where the hash of each feature of this kind continues. */
    final long hash;

    FeatureKind(String prefix) {
        this.prefix = prefix;
        this.hash = FeatureHash.of(prefix);
    }
}
