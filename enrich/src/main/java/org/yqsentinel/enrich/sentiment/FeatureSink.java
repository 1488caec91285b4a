package org.yqsentinel.enrich.sentiment;

/**
 * Receives the features of a text one by one from {@link SentimentFeatures#extract}: training
 * collects their strings, scoring folds them into hashes without building a string.
 */
@FunctionalInterface
interface FeatureSink {

    /** The feature {@code kind.prefix + chars.substring(start, end)}. */
    void accept(FeatureKind kind, String chars, int start, int end);

    /** A feature that is its kind's prefix alone. */
    default void accept(FeatureKind kind) {
        accept(kind, "", 0, 0);
    }
}
