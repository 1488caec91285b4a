package org.yqsentinel.rules.emerging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yqsentinel.model.Item;

/**
 * A topic's places as its posts write them. The entity tagger and the segmenter cut names: the posts about a crash on
 * 江北大道 name the place 大道, those about 江北新区 offer the keyword 新区. A place (or a word that ends as a district's,
 * a street's or a bridge's name does) is completed to the left, one character at
 * a time and at most {@value #MAX_ADDED}, while the same Chinese character stands before it in at least {@value #SHARE}
 * of its occurrences in the posts' titles and texts, and it occurs at least {@value #MIN_OCCURRENCES} times (大道 →
 * 北大道 → 江北大道). A particle, a pronoun, a numeral or a measure word (的, 这, 一, 辆…) ends the completion: 的事故
 * and 一辆渣土 are no names. Only to the left: what
 * follows a name is most often the news (大桥 → 大桥夜间 in a repeated headline), what precedes it is its qualifier.
 */
final class PlaceNames {

    /** The share of a word's occurrences that must carry the same neighbour. */
    static final double SHARE = 0.7;
    static final int MAX_ADDED = 3;
    static final int MIN_OCCURRENCES = 5;
    /** The posts read, the earliest first: enough to tell a name, few enough to cost nothing at a topic's birth. */
    static final int MAX_POSTS = 300;

    /** Particles, pronouns, numerals and measure words: what stands before a name without being part of it (一辆渣土车). */
    private static final Set<Integer> ENDS = ("的了在是和与及或等着过也都就还又被把对向从给让这那其之个们为于而以吗呢吧啊呀哦嘛"
            + "一二三四五六七八九十百千万两几多每某各该本此辆位名件起次条台只座家所间张").codePoints()
            .boxed().collect(Collectors.toUnmodifiableSet());

    /** The last characters of the names of districts, towns, villages, streets, roads and bridges. */
    private static final String PLACE_ENDS = "区县市镇乡村街路桥";

    private PlaceNames() {}

    /**
     * Whether a word the tagger did not call a place ends as a place name does (新区, 江北路): its posts may write a
     * longer name.
     */
    static boolean looksLikePlace(String word) {
        return word.length() >= 2 && PLACE_ENDS.indexOf(word.codePointBefore(word.length())) >= 0;
    }

    /** The place completed to the longer name the posts write it in; the place itself when they do not agree on one. */
    static String complete(String word, List<TopicPost> posts) {
        List<String> texts = new ArrayList<>();
        for (TopicPost post : posts.subList(0, Math.min(MAX_POSTS, posts.size()))) {
            Item item = post.post().item();
            if (item.title() != null) {
                texts.add(item.title());
            }
            if (item.text() != null) {
                texts.add(item.text());
            }
        }
        String name = word;
        for (int added = 0; added < MAX_ADDED; added++) {
            Integer before = before(name, texts);
            if (before == null) {
                break;
            }
            name = new String(Character.toChars(before)) + name;
        }
        return name;
    }

    /** The character before the word in at least {@link #SHARE} of its occurrences, if it is Chinese and no particle. */
    private static Integer before(String word, List<String> texts) {
        Map<Integer, Integer> counts = new TreeMap<>();
        int occurrences = 0;
        for (String text : texts) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
                occurrences++;
                if (at > 0) {
                    counts.merge(text.codePointBefore(at), 1, Integer::sum);
                }
            }
        }
        if (occurrences < MIN_OCCURRENCES) {
            return null;
        }
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            int c = e.getKey();
            if (e.getValue() >= SHARE * occurrences && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !ENDS.contains(c)) {
                return c;
            }
        }
        return null;
    }
}
