package org.yqsentinel.rules.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A char trie of distinct words, so that all the words starting at one position of a text come out of a
 * single walk. The transitions sit in one open-addressing table keyed by node and char: Chinese has too
 * many characters for an array per node, and a probe is cheaper than searching the root's hundreds of
 * children. Immutable once built. Used by the topic classifier and by the policy linker.
 */
public final class WordTrie {

    private static final int ROOT = 0;
    private static final int NONE = -1;

    private final List<String> words;
    private final int longest;
    /** The word ending at each node, or {@link #NONE}. */
    private final int[] wordAt;
    private final long[] keys;
    /** The child of each slot's key; 0 marks an empty slot, as the root is nobody's child. */
    private final int[] children;
    private final int mask;
    private final int shift;
    /** One bit per char that starts a word (8 KB): most positions of a text start none, and this says so at once. */
    private final long[] starts = new long[(Character.MAX_VALUE + 1) / 64];

    /** A trie of the distinct words, numbered from 0 in the order given. */
    public WordTrie(Collection<String> words) {
        this.words = List.copyOf(new LinkedHashSet<>(words));
        Map<Long, Integer> transitions = new HashMap<>();
        List<Integer> wordAt = new ArrayList<>(List.of(NONE));
        int longest = 0;
        for (int word = 0; word < this.words.size(); word++) {
            String text = this.words.get(word);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("the words of a trie must not be empty");
            }
            int node = ROOT;
            for (int i = 0; i < text.length(); i++) {
                long key = key(node, text.charAt(i));
                Integer child = transitions.get(key);
                if (child == null) {
                    child = wordAt.size();
                    wordAt.add(NONE);
                    transitions.put(key, child);
                }
                node = child;
            }
            wordAt.set(node, word);
            starts[text.charAt(0) >>> 6] |= 1L << text.charAt(0);
            longest = Math.max(longest, text.length());
        }
        this.longest = longest;
        this.wordAt = wordAt.stream().mapToInt(Integer::intValue).toArray();
        int capacity = Integer.highestOneBit(4 * Math.max(1, transitions.size())); // under half full
        this.keys = new long[capacity];
        this.children = new int[capacity];
        this.mask = capacity - 1;
        this.shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        transitions.forEach((key, child) -> {
            int slot = slot(key);
            while (children[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            children[slot] = child;
        });
    }

    /** The distinct words, indexed by the numbers {@link #matchesAt} reports. */
    public List<String> words() {
        return words;
    }

    /** The length of the longest word: room enough for the matches at one position. */
    public int longest() {
        return longest;
    }

    /**
     * Puts into {@code matches} the numbers of the words that occur in the text at {@code start}, shortest
     * first, and returns how many there are.
     */
    public int matchesAt(String text, int start, int[] matches) {
        int count = 0;
        int node = ROOT;
        if ((starts[text.charAt(start) >>> 6] & 1L << text.charAt(start)) == 0) {
            return 0;
        }
        for (int i = start; i < text.length(); i++) {
            node = child(node, text.charAt(i));
            if (node == NONE) {
                break;
            }
            if (wordAt[node] != NONE) {
                matches[count++] = wordAt[node];
            }
        }
        return count;
    }

    private int child(int node, char c) {
        long key = key(node, c);
        for (int slot = slot(key); children[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return children[slot];
            }
        }
        return NONE;
    }

    private static long key(int node, char c) {
        return (long) node << Character.SIZE | c;
    }

    /** Fibonacci hashing: the top bits of the key times the golden ratio. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
