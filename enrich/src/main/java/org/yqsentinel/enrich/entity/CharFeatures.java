package org.yqsentinel.enrich.entity;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.dictionary.ns.PlaceDictionary;
import com.hankcs.hanlp.dictionary.nt.OrganizationDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The features of each character of a text as 32-bit keys, computed from ints without building strings:
 * the character and its neighbours, the two bigrams over it, character types, gazetteer marks around it,
 * Weibo {@code @} mentions, the roles HanLP's recognizer dictionaries give it, and the word of the caller's
 * segmentation it stands in (part of speech and place in the word; the word itself).
 */
public final class CharFeatures {

    /**
     * The keys of every code point of a text: those of code point {@code i} are {@code keys[starts[i]..starts[i+1])};
     * {@code types} the type of each code point. The arrays are not to be changed.
     */
    public record Keys(int[] keys, int[] starts, int[] types) {
        /** How many code points. */
        public int size() {
            return starts.length - 1;
        }
    }

    // feature templates; the lean set was chosen by ablation on the Weibo NER development part: wider
    // character windows, trigrams, per-position gazetteer marks and the neighbours' roles and words cost time and gave nothing
    private static final int BIAS = 1;
    private static final int CHAR = 10;         // + 0 previous, 1 this, 2 next character
    private static final int BIGRAM = 20;       // + 0 (previous, this), 1 (this, next)
    private static final int TYPES = 30;
    private static final int GAZETTEER = 40;    // + list: its marks in a window of two either side
    private static final int MENTION = 110;
    private static final int WORD_NATURE = 121;
    private static final int WORD = 125;
    private static final int ROLE = 130;

    private static final int WINDOW_BITS = (1 << 15) - 1;
    /** The type or character value before the text's first and after its last character. */
    static final int BEFORE = -1;
    static final int AFTER = -2;

    private CharFeatures() {}

    /** The code points of a text, with full-width forms folded to ASCII and letters to lower case, so that features see them alike. */
    static int[] normalized(int[] text) {
        int[] out = new int[text.length];
        for (int i = 0; i < text.length; i++) {
            int c = text[i];
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0;
            } else if (c == 0x3000) {
                c = ' ';
            }
            out[i] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
        return out;
    }

    /**
     * Feature keys of every code point of {@code text}, all of them (a tagger sums some in tables at load); {@code cps}
     * are its code points and {@code terms} a segmentation of it with char offsets (terms that do not match the text
     * are ignored), as {@link EntityTagger#find(String, List)} reads them: a trainer learns the keys' weights from these.
     */
    public static Keys extract(String text, int[] cps, List<Term> terms, Gazetteer gazetteer) {
        return extract(text, normalized(cps), terms, gazetteer, true);
    }

    /**
     * The same for normalized code points {@code c}; without the features of single characters (bias,
     * the character and its neighbours, its roles) and of the types around it when {@code withCharacters}
     * is false, for a tagger that has their weights in tables already (see {@link #charKeys}, {@link #typesKey}).
     */
    static Keys extract(String text, int[] c, List<Term> terms, Gazetteer gazetteer, boolean withCharacters) {
        int n = c.length;
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = type(c[i]);
        }
        byte[][] marks = gazetteer.marks(c);
        int[] mention = mentions(c);
        int[] wordPosition = new int[n];
        int[] wordNature = new int[n];
        int[] wordHash = new int[n];
        words(text, terms, wordPosition, wordNature, wordHash);

        int[] keys = new int[n * (withCharacters ? 12 : 6) + 16 + marks.length];  // grown when a position needs more
        int[] starts = new int[n + 1];
        int at = 0;
        // each list's marks from two before to two after the position, three bits each, 7 beyond the text
        int[] windows = new int[marks.length];
        for (int g = 0; g < marks.length; g++) {
            windows[g] = 7 << 12 | 7 << 9 | 7 << 6 | (n > 0 ? marks[g][0] : 7) << 3 | (n > 1 ? marks[g][1] : 7);
        }
        for (int i = 0; i < n; i++) {
            if (keys.length - at < 16 + marks.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            int previous = at(c, i - 1);
            int next = at(c, i + 1);
            if (withCharacters) {
                keys[at++] = key(BIAS, 0);
                keys[at++] = key(CHAR, previous);
                keys[at++] = key(CHAR + 1, c[i]);
                keys[at++] = key(CHAR + 2, next);
                for (int role : Roles.of(c[i])) {
                    keys[at++] = key(ROLE, role);
                }
            }
            keys[at++] = key(BIGRAM, previous, c[i]);
            keys[at++] = key(BIGRAM + 1, c[i], next);
            if (withCharacters) {
                keys[at++] = typesKey(at(types, i - 1), types[i], at(types, i + 1));
            }
            for (int g = 0; g < marks.length; g++) {
                int entering = i + 2 >= n ? 7 : marks[g][i + 2];
                windows[g] = (windows[g] << 3 | entering) & WINDOW_BITS;
                if (windows[g] != 0) {  // a window without marks says no more than the bias
                    keys[at++] = key(GAZETTEER + g, windows[g]);
                }
            }
            if (mention[i] > 0) {
                keys[at++] = key(MENTION, Math.min(mention[i], 5), c[i]);
            }
            if (wordPosition[i] != 0) {
                keys[at++] = key(WORD_NATURE, wordPosition[i], wordNature[i]);
                keys[at++] = key(WORD, wordPosition[i], wordHash[i]);
            }
            starts[i + 1] = at;
        }
        return new Keys(keys, starts, types);
    }

    /**
     * The key of the character types before, at and after a position ({@link #type}; {@link #BEFORE} and
     * {@link #AFTER} at the text's edges): so few combinations that a tagger holds their weights in a table
     * (see {@link #typesIndex}), and {@code extract} leaves them out with the single characters' features.
     */
    static int typesKey(int previous, int self, int next) {
        return key(TYPES, previous * 8 + self, next);
    }

    /** Where the weights of {@link #typesKey} of the same types sit in a table of {@link #TYPES_COMBINATIONS} rows. */
    static int typesIndex(int previous, int self, int next) {
        return (slot(previous) * 8 + self) * 8 + slot(next);
    }

    /** 0 before the text, 7 after it, the type itself (1 to 6) inside. */
    private static int slot(int type) {
        return type == BEFORE ? 0 : type == AFTER ? 7 : type;
    }

    static final int TYPES_COMBINATIONS = 8 * 8 * 8;

    /** The types a {@link #typesIndex} may see: the six of {@link #type}, and the edges. */
    static final int[] NEIGHBOUR_TYPES = {BEFORE, AFTER, 1, 2, 3, 4, 5, 6};

    /**
     * The keys that depend on one character {@code c} alone, by where it stands to the tagged position:
     * {@code [0]} as the previous character, {@code [1]} as the character itself (with the bias and its
     * roles), {@code [2]} as the next one. {@link #BEFORE} and {@link #AFTER} stand for the text's edges.
     */
    static int[][] charKeys(int c) {
        int[] roles = Roles.of(c);
        int[] self = new int[2 + roles.length];
        self[0] = key(BIAS, 0);
        self[1] = key(CHAR + 1, c);
        for (int r = 0; r < roles.length; r++) {
            self[2 + r] = key(ROLE, roles[r]);
        }
        return new int[][] {{key(CHAR, c)}, self, {key(CHAR + 2, c)}};
    }

    /**
     * For each code point, from the term it stands in: its place in the word (1 single, 2 begin, 3 middle,
     * 4 end; 0 when no term covers it), a hash of the term's part of speech and a hash of the word.
     */
    private static void words(String text, List<Term> terms, int[] position, int[] nature, int[] word) {
        int[] toCodePoint = null;  // char offset to code point index, needed only when the text has surrogate pairs
        if (position.length != text.length()) {
            toCodePoint = new int[text.length() + 1];
            for (int i = 0, cp = 0; i < text.length(); cp++) {
                int width = Character.charCount(text.codePointAt(i));
                for (int w = 0; w < width; w++) {
                    toCodePoint[i + w] = cp;
                }
                i += width;
                toCodePoint[i] = cp + 1;
            }
        }
        for (Term term : terms) {
            int end = term.offset + term.word.length();
            if (term.offset < 0 || end > text.length() || !text.startsWith(term.word, term.offset)) {
                continue;
            }
            int from = toCodePoint == null ? term.offset : toCodePoint[term.offset];
            int to = toCodePoint == null ? end : toCodePoint[end];
            int natureHash = term.nature == null ? 0 : term.nature.toString().hashCode();
            int wordHash = term.word.hashCode();
            for (int j = from; j < to; j++) {
                position[j] = to - from == 1 ? 1 : j == from ? 2 : j == to - 1 ? 4 : 3;
                nature[j] = natureHash;
                word[j] = wordHash;
            }
        }
    }

    /** For each code point, how far it is into a Weibo {@code @mention} (1 = right after the {@code @}), else 0. */
    private static int[] mentions(int[] c) {
        int[] mention = new int[c.length];
        int distance = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '@') {
                distance = 1;
                continue;
            }
            if (distance == 0) {
                continue;
            }
            boolean inName = Character.isLetterOrDigit(c[i]) || c[i] == '_' || c[i] == '-';
            if (distance > 0 && inName) {
                mention[i] = distance++;
            } else {
                distance = 0;
            }
        }
        return mention;
    }

    /** Han 1, digit 2, ASCII letter 3, space 4, other letter 5, anything else 6. */
    private static int type(int c) {
        return c < TYPE_TABLE.length ? TYPE_TABLE[c] : typeOf(c);
    }

    private static final byte[] TYPE_TABLE = typeTable();

    private static byte[] typeTable() {
        byte[] table = new byte[0x10000];
        for (int c = 0; c < table.length; c++) {
            table[c] = (byte) typeOf(c);
        }
        return table;
    }

    private static int typeOf(int c) {
        if (c >= 0x4E00 && c <= 0x9FFF || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return 1;
        }
        if (c >= '0' && c <= '9' || Character.isDigit(c)) {
            return 2;
        }
        if (c < 128 && Character.isLetter(c)) {
            return 3;
        }
        if (Character.isWhitespace(c)) {
            return 4;
        }
        return Character.isLetter(c) ? 5 : 6;
    }

    private static int at(int[] values, int i) {
        return i < 0 ? BEFORE : i >= values.length ? AFTER : values[i];
    }

    static int key(int template, int a) {
        return finish(template * 0x9E3779B1 + a);
    }

    static int key(int template, int a, int b) {
        return finish((template * 0x9E3779B1 + a) * 0x85EBCA77 + b);
    }

    /** MurmurHash3's finalizer over a polynomial of the parts: stable across JVMs and runs; never 0, which marks an empty slot. */
    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    /** The roles HanLP's person, place and organization recognizers give a Han character most often, read once. */
    static final class Roles {

        private static final int FIRST = 0x4E00;
        private static final int LAST = 0x9FFF;
        private static final int[] NONE = new int[0];
        private static final int[][] TABLE = table();

        private Roles() {}

        static int[] of(int c) {
            return c < FIRST || c > LAST ? NONE : TABLE[c - FIRST];
        }

        private static int[][] table() {
            int[][] table = new int[LAST - FIRST + 1][];
            int[] found = new int[64];
            for (int c = FIRST; c <= LAST; c++) {
                String s = Character.toString(c);
                int count = role(0, PersonDictionary.dictionary.get(s), found, 0);
                count = role(1, PlaceDictionary.dictionary.get(s), found, count);
                count = role(2, OrganizationDictionary.dictionary.get(s), found, count);
                table[c - FIRST] = count == 0 ? NONE : Arrays.copyOf(found, count);
            }
            return table;
        }

        /** Adds {@code dictionary * 256 + role} for each role that has at least a fifth of the character's frequency. */
        private static <E extends Enum<E>> int role(int dictionary, EnumItem<E> item, int[] found, int count) {
            if (item == null) {
                return count;
            }
            long total = 0;
            for (int f : item.labelMap.values()) {
                total += f;
            }
            for (Map.Entry<E, Integer> e : item.labelMap.entrySet()) {
                if (e.getValue() * 5L >= total && count < found.length) {
                    found[count++] = dictionary * 256 + e.getKey().ordinal();
                }
            }
            Arrays.sort(found, 0, count);
            return count;
        }
    }
}
