package org.yqsentinel.enrich.sentiment;

/**
 * The 64-bit name of a feature: FNV-1a 64 over the UTF-16 units of its string, each unit XORed in
 * whole. A hash can be continued, so a feature is hashed from its kind's precomputed prefix state
 * without building its string: {@code update(of(p), s, 0, s.length()) == of(p + s)}.
 */
final class FeatureHash {

    static final long EMPTY = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private FeatureHash() {}

    static long of(String feature) {
        return update(EMPTY, feature, 0, feature.length());
    }

    /** {@code hash} continued over {@code chars[start, end)}. */
    static long update(long hash, String chars, int start, int end) {
        for (int i = start; i < end; i++) {
            hash = (hash ^ chars.charAt(i)) * PRIME;
        }
        return hash;
    }

    /** A slot of a table of {@code mask + 1} slots (a power of two); FNV's low bits are weak, so the product's high bits choose. */
    static int slot(long hash, int mask) {
        return (int) ((hash * GOLDEN) >>> 32) & mask;
    }
}
