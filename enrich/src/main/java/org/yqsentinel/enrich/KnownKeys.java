package org.yqsentinel.enrich;

/**
 * A one-bit-per-hash filter (32 KB) of the feature keys a model has weights for: most keys of a text
 * are unknown to the model, and this says so from the nearest cache before the weight table is read.
 * Never says no to a key that was added; may say yes to one that was not. Filled once, then read-only.
 */
public final class KnownKeys {

    private static final int BITS = 1 << 18;

    private final long[] bits = new long[BITS / 64];

    public void add(long key) {
        bits[(int) (key >>> 6) & (BITS / 64 - 1)] |= 1L << key;
    }

    /** False when {@code key} was certainly never added. */
    public boolean mayContain(long key) {
        return (bits[(int) (key >>> 6) & (BITS / 64 - 1)] & 1L << key) != 0;
    }
}
