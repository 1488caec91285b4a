package org.yqsentinel.enrich.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.dictionary.ns.PlaceDictionary;
import com.hankcs.hanlp.dictionary.nt.OrganizationDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The features of each character of a text, hashed to 32-bit keys: characters and bigrams in a window
 * of two either side, character types, gazetteer marks, Weibo {@code @} mentions, and HanLP's words.
 */
final class CharFeatures {

    private CharFeatures() {}

    /** The code points of a text, with full-width forms folded to ASCII so that features see them alike. */
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

    /** Feature keys of every code point of {@code text}; {@code cps} are its code points. */
    static int[][] extract(String text, int[] cps, Gazetteer gazetteer) {
        int n = cps.length;
        int[] c = normalized(cps);
        char[] types = new char[n];
        for (int i = 0; i < n; i++) {
            types[i] = type(c[i]);
        }
        List<String> lists = new ArrayList<>(gazetteer.lists().keySet());
        byte[][] marks = new byte[lists.size()][];
        for (int g = 0; g < marks.length; g++) {
            marks[g] = gazetteer.marks(lists.get(g), c);
        }
        String[] vocab = new String[n];
        String[] words = hanlpWords(text, cps, vocab);
        int[] mention = mentions(c);
        List<List<String>> lexicon = lexicon(cps);
        String[][] roles = new String[n][];
        for (int i = 0; i < n; i++) {
            roles[i] = roles(new String(cps, i, 1));
        }
        int[][] features = new int[n][];
        List<String> f = new ArrayList<>(48);
        for (int i = 0; i < n; i++) {
            f.clear();
            f.add("b");
            for (int k = -2; k <= 2; k++) {
                f.add("u" + k + at(c, i + k));
            }
            for (int k = -2; k <= 1; k++) {
                f.add("d" + k + at(c, i + k) + at(c, i + k + 1));
            }
            f.add("t" + at(c, i - 1) + at(c, i) + at(c, i + 1));
            f.add("y" + typeAt(types, i - 1) + typeAt(types, i) + typeAt(types, i + 1));
            f.add("y2" + typeAt(types, i - 2) + typeAt(types, i - 1) + typeAt(types, i) + typeAt(types, i + 1) + typeAt(types, i + 2));
            for (int g = 0; g < marks.length; g++) {
                StringBuilder window = new StringBuilder(lists.get(g));
                for (int k = -2; k <= 2; k++) {
                    int j = i + k;
                    char mark = j < 0 || j >= n ? '#' : Gazetteer.MARKS[marks[g][j]];
                    window.append(mark);
                    if (mark != '-' && mark != '#') {
                        f.add(lists.get(g) + k + mark);
                    }
                }
                f.add(window.toString());
            }
            if (mention[i] > 0) {
                f.add("@" + Math.min(mention[i], 5));
                f.add("@c" + Math.min(mention[i], 5) + at(c, i));
            }
            for (int k = -1; k <= 1; k++) {
                int j = i + k;
                if (j >= 0 && j < n && words[j] != null) {
                    f.add("w" + k + words[j]);
                }
            }
            for (String x : lexicon.get(i)) {
                f.add("x" + x);
            }
            for (int k = -1; k <= 1; k++) {
                if (i + k >= 0 && i + k < n) {
                    for (String r : roles[i + k]) {
                        f.add("r" + k + r);
                    }
                }
            }
            if (vocab[i] != null) {
                f.add("v" + vocab[i]);
            }
            int[] keys = new int[f.size()];
            for (int j = 0; j < keys.length; j++) {
                keys[j] = hash(f.get(j));
            }
            features[i] = keys;
        }
        return features;
    }

    /** For each code point, HanLP's part of speech of the word it is in and where in the word it stands. */
    private static String[] hanlpWords(String text, int[] cps, String[] vocab) {
        String[] words = new String[cps.length];
        int[] toCodePoint = new int[text.length() + 1];
        for (int i = 0, cp = 0; i < text.length(); cp++) {
            int width = Character.charCount(text.codePointAt(i));
            for (int w = 0; w < width; w++) {
                toCodePoint[i + w] = cp;
            }
            i += width;
            toCodePoint[i] = cp + 1;
        }
        List<Term> terms = HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true)
                .enableOffset(true).seg(text);
        for (Term term : terms) {
            int end = term.offset + term.word.length();
            if (term.offset < 0 || end > text.length() || !text.startsWith(term.word, term.offset)) {
                continue;
            }
            int from = toCodePoint[term.offset];
            int to = toCodePoint[end];
            String nature = term.nature == null ? "?" : term.nature.toString();
            for (int j = from; j < to; j++) {
                char position = to - from == 1 ? 'S' : j == from ? 'B' : j == to - 1 ? 'E' : 'M';
                words[j] = position + nature;
                vocab[j] = position + term.word;
            }
        }
        return words;
    }

    /** For each code point, the kinds of name (person, place, organization, other proper noun) that dictionary words over it can be. */
    private static List<List<String>> lexicon(int[] cps) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < cps.length; i++) {
            out.add(new ArrayList<>(2));
        }
        for (int i = 0; i < cps.length; i++) {
            for (int len = 2; len <= 6 && i + len <= cps.length; len++) {
                String word = new String(cps, i, len);
                Set<String> kinds = new TreeSet<>();
                kinds(CoreDictionary.get(word), kinds);
                kinds(CustomDictionary.get(word), kinds);
                for (String kind : kinds) {
                    for (int j = i; j < i + len; j++) {
                        char position = j == i ? 'B' : j == i + len - 1 ? 'E' : 'M';
                        out.get(j).add(kind + position);
                        out.get(j).add(kind + position + Math.min(len, 4));
                    }
                }
            }
        }
        return out;
    }

    private static void kinds(CoreDictionary.Attribute attribute, Set<String> kinds) {
        if (attribute == null) {
            return;
        }
        for (Nature nature : attribute.nature) {
            String name = nature.toString();
            if (name.startsWith("nr") || name.startsWith("ns") || name.startsWith("nt") || name.startsWith("nz")) {
                kinds.add(name.substring(0, 2));
            }
        }
    }

    /** The roles HanLP's person, place and organization recognizers give a character most often. */
    private static String[] roles(String c) {
        List<String> out = new ArrayList<>();
        role("P", PersonDictionary.dictionary.get(c), out);
        role("L", PlaceDictionary.dictionary.get(c), out);
        role("O", OrganizationDictionary.dictionary.get(c), out);
        return out.stream().sorted().toArray(String[]::new);
    }

    private static <E extends Enum<E>> void role(String dictionary, EnumItem<E> item, List<String> out) {
        if (item == null) {
            return;
        }
        long total = 0;
        for (int f : item.labelMap.values()) {
            total += f;
        }
        for (Map.Entry<E, Integer> e : item.labelMap.entrySet()) {
            if (e.getValue() * 5L >= total) {
                out.add(dictionary + e.getKey().name());
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
            boolean inName = Character.isLetterOrDigit(c[i]) || c[i] == '_' || c[i] == '-';
            if (distance > 0 && inName) {
                mention[i] = distance++;
            } else {
                distance = 0;
            }
        }
        return mention;
    }

    private static char type(int c) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return 'H';
        }
        if (c >= '0' && c <= '9' || Character.isDigit(c)) {
            return 'D';
        }
        if (c < 128 && Character.isLetter(c)) {
            return 'L';
        }
        if (Character.isWhitespace(c)) {
            return 'S';
        }
        return Character.isLetter(c) ? 'A' : 'P';
    }

    private static String at(int[] c, int i) {
        return i < 0 ? "^" : i >= c.length ? "$" : new String(c, i, 1);
    }

    private static char typeAt(char[] types, int i) {
        return i < 0 ? '^' : i >= types.length ? '$' : types[i];
    }

    /** FNV-1a over the UTF-16 units, then MurmurHash3's finalizer: stable across JVMs and runs. */
    static int hash(String feature) {
        int h = 0x811C9DC5;
        for (int i = 0; i < feature.length(); i++) {
            h = (h ^ feature.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
