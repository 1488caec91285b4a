package org.yqsentinel.enrich;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;

/**
 * Segmentation that keeps the project's dictionary words whole: the longest dictionary word at each
 * position is taken as it is, and HanLP segments only the text between such words. HanLP's own
 * dictionaries stay untouched (they are one per JVM), so analyzers with different rules can coexist.
 * Terms carry their char offsets and their words joined give back the text. Immutable and thread-safe.
 */
public final class DictionarySegmenter {

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Nature nature;
    }

    private final Node root = new Node();
    /** The root's children by char: most positions of a text start no dictionary word, and this says so at once. */
    private final Node[] first = new Node[Character.MAX_VALUE + 1];
    /**
     * HanLP without its person-name recognizer: that role-tagging pass costs as much as the rest of the
     * segmentation, and the entity tagger finds person names better (see docs/enrichment.md); the analyzer
     * joins the names it finds back into single words.
     */
    private final Segment segment = HanLP.newSegment().enableOffset(true)
            .enableNameRecognize(false).enableTranslatedNameRecognize(false);

    /** The segmenter of the bundled dictionaries, made once per JVM. */
    public static DictionarySegmenter bundled() {
        return Bundled.SEGMENTER;
    }

    private static final class Bundled {
        static final DictionarySegmenter SEGMENTER = new DictionarySegmenter(Dictionaries.load(RuleFiles.bundled()));
    }

    public DictionarySegmenter(Dictionaries dictionaries) {
        for (Dictionaries.Word word : dictionaries.words()) {
            Node node = root;
            for (char c : word.text().toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new Node());
            }
            if (node.nature == null) {
                node.nature = Nature.create(word.kind().nature());
            }
        }
        root.next.forEach((c, node) -> first[c] = node);
    }

    public List<Term> seg(String text) {
        List<Term> terms = new ArrayList<>();
        int gapStart = 0;
        int i = 0;
        while (i < text.length()) {
            int end = -1;
            Nature nature = null;
            Node node = first[text.charAt(i)];
            for (int j = i; node != null; node = ++j < text.length() ? node.next.get(text.charAt(j)) : null) {
                if (node.nature != null) {
                    end = j + 1;
                    nature = node.nature;
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            if (gapStart < i) {
                addGap(text, gapStart, i, terms);
            }
            Term word = new Term(text.substring(i, end), nature);
            word.offset = i;
            terms.add(word);
            i = end;
            gapStart = end;
        }
        if (gapStart < text.length()) {
            addGap(text, gapStart, text.length(), terms);
        }
        return terms;
    }

    private void addGap(String text, int from, int to, List<Term> terms) {
        for (Term term : segment.seg(text.substring(from, to))) {
            term.offset += from;
            terms.add(term);
        }
    }
}
