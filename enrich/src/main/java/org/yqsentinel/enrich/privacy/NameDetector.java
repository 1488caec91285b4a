package org.yqsentinel.enrich.privacy;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.entity.Entity;
import org.yqsentinel.enrich.entity.EntityTagger;

/**
 * Finds names of private persons. Three sources propose names: HanLP's person recognizer, the project's entity
 * tagger, and a word for a private person right before a surname (网友, 村民, 患者, 我叫). A name one source proposes
 * must read as a name by {@link NameShape}'s strict test; one that two sources agree on, or that follows such a word,
 * by the lenient one; each name accepted is also tried one character longer or shorter, proposed by none. Where proposals overlap,
 * the one that reads most like a name ({@link NameShape#score}) wins. Officials named with their title and names inside organization names are left alone ({@link NameContext});
 * so are names after a form label (姓名：张三), which are always masked.
 */
final class NameDetector {

    private static final int LONGEST_LABEL = 4;
    private static final int LONGEST_LABELLED_RUN = 8;
    private static final int RECOGNIZER = 1;
    private static final int TAGGER = 2;
    private static final int CUE = 4;

    private static final Comparator<Candidate> MOST_NAME_LIKE_FIRST = Comparator
            .comparingDouble((Candidate c) -> c.score).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.end - c.start).reversed())
            .thenComparingInt(c -> c.start);

    private final Segment segment = HanLP.newSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false)
            .enableOffset(true);
    private final EntityTagger tagger;

    NameDetector(EntityTagger tagger) {
        this.tagger = tagger;
    }

    void detect(String text, List<Hit> out) {
        if (!hasHan(text)) {
            return;
        }
        List<Term> terms = segment.seg(text);
        Map<Long, Candidate> proposed = new LinkedHashMap<>();
        recognized(text, terms, proposed);
        for (Entity entity : tagger.find(text, DictionarySegmenter.bundled().seg(text))) {
            if (entity.kind() == Entity.Kind.PERSON) {
                propose(proposed, entity.start(), entity.end(), TAGGER);
            }
        }
        cued(text, proposed);
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate candidate : proposed.values()) {
            accept(text, terms, candidate, accepted);
            Candidate other = otherLength(text, candidate);
            if (!accepted.isEmpty() && accepted.get(accepted.size() - 1) == candidate && other != null
                    && !proposed.containsKey(other.key())) {
                accept(text, terms, other, accepted);
            }
        }
        accepted.sort(MOST_NAME_LIKE_FIRST);
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : accepted) {
            if (kept.stream().noneMatch(k -> k.start < candidate.end && candidate.start < k.end)) {
                kept.add(candidate);
                out.add(hit(candidate.start, text.substring(candidate.start, candidate.end)));
            }
        }
        labelled(text, out);
    }

    /** HanLP's person names, with a last character it split off as {@code nz} joined back and a trailing 和/与 cut. */
    private static void recognized(String text, List<Term> terms, Map<Long, Candidate> proposed) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).nature != Nature.nr) {
                continue;
            }
            int last = hasSplitOffLastChar(terms, i) ? i + 1 : i;
            int start = terms.get(i).offset;
            Term lastTerm = terms.get(last);
            String name = withoutTrailingConjunction(text.substring(start, lastTerm.offset + lastTerm.length()));
            propose(proposed, start, start + name.length(), RECOGNIZER);
            i = last;
        }
    }

    /** After a word for a private person, a surname with one and with two given-name characters. */
    private static void cued(String text, Map<Long, Candidate> proposed) {
        for (int i = 1; i < text.length(); i++) {
            if (!NameLexicon.isSurnameStart(text.charAt(i)) || !NameContext.hasPrivatePersonCue(text, i)) {
                continue;
            }
            int surname = NameLexicon.surnameLength(text.substring(i, Math.min(text.length(), i + 3)));
            for (int given = 1; given <= 2; given++) {
                int end = i + surname + given;
                if (surname > 0 && end <= text.length() && allHan(text, i, end)) {
                    propose(proposed, i, end, CUE);
                }
            }
        }
    }

    private static void accept(String text, List<Term> terms, Candidate candidate, List<Candidate> accepted) {
        if (isPrivatePersonName(text, terms, candidate)) {
            candidate.score = NameShape.score(text.substring(candidate.start, candidate.end));
            accepted.add(candidate);
        }
    }

    /**
     * The name one given-name character longer or shorter (焦永 as 焦永胜, 司徒静 as 司徒静怡), proposed by no source:
     * where the sources may have cut a name wrong, the characters decide. Null when there is no such name.
     */
    private static Candidate otherLength(String text, Candidate candidate) {
        int surname = NameLexicon.surnameLength(text.substring(candidate.start, Math.min(text.length(), candidate.start + 3)));
        int given = candidate.end - candidate.start - surname;
        int end = given == 1 ? candidate.end + 1 : given == 2 ? candidate.end - 1 : -1;
        if (surname > 0 && end > candidate.start + surname && end <= text.length() && allHan(text, candidate.start, end)) {
            return new Candidate(candidate.start, end);
        }
        return null;
    }

    private static void propose(Map<Long, Candidate> proposed, int start, int end, int source) {
        Candidate candidate = new Candidate(start, end);
        proposed.computeIfAbsent(candidate.key(), k -> candidate).sources |= source;
    }

    private static boolean isPrivatePersonName(String text, List<Term> terms, Candidate candidate) {
        boolean strict = candidate.sources != CUE && Integer.bitCount(candidate.sources) < 2;
        return NameShape.looksLikeName(text.substring(candidate.start, candidate.end), strict)
                && !NameContext.followsDigit(text, candidate.start)
                && !NameContext.isReduplicatedVerb(text, candidate.start)
                && !NameContext.isOfficial(text, candidate.start, candidate.end)
                && !NameContext.isPartOfOrganization(terms, termEndingAt(terms, candidate.end));
    }

    /** The index of the term that ends at {@code end}, or of the last term before it. */
    private static int termEndingAt(List<Term> terms, int end) {
        int index = -1;
        for (int i = 0; i < terms.size() && terms.get(i).offset < end; i++) {
            index = i;
        }
        return index;
    }

    private static void labelled(String text, List<Hit> out) {
        for (int colon = nextColon(text, 0); colon >= 0; colon = nextColon(text, colon + 1)) {
            int labelEnd = NameContext.skipSpacesBackwards(text, colon);
            if (!NameContext.endsWithAny(text.substring(Math.max(0, labelEnd - LONGEST_LABEL), labelEnd), NameLexicon.LABELS)) {
                continue;
            }
            int start = colon + 1;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < text.length() && end - start < LONGEST_LABELLED_RUN && isHan(text.charAt(end))) {
                end++;
            }
            String name = beforeFieldWord(text.substring(start, end));
            if (NameShape.hasNameForm(name)) {
                out.add(hit(start, name));
            }
        }
    }

    private static int nextColon(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '：' || text.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }

    private static Hit hit(int start, String name) {
        int kept = NameLexicon.surnameLength(name);
        return new Hit(Kind.PERSON_NAME, start, start + name.length(), Masks.keepPrefix(name, kept));
    }

    private static boolean hasSplitOffLastChar(List<Term> terms, int index) {
        if (terms.get(index).length() != 2 || index + 1 >= terms.size()) {
            return false;
        }
        Term next = terms.get(index + 1);
        return next.nature == Nature.nz && next.length() == 1 && Character.isIdeographic(next.word.charAt(0));
    }

    private static String withoutTrailingConjunction(String word) {
        if (word.length() >= 3 && NameLexicon.TRAILING_CONJUNCTIONS.indexOf(word.charAt(word.length() - 1)) >= 0) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String beforeFieldWord(String run) {
        int cut = run.length();
        for (String field : NameLexicon.FIELD_WORDS) {
            int at = run.indexOf(field);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return run.substring(0, cut);
    }

    private static boolean allHan(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isHan(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    /** A proposed name: where it stands, which sources proposed it (bits), and how much it reads like a name. */
    private static final class Candidate {
        final int start;
        final int end;
        int sources;
        double score;

        Candidate(int start, int end) {
            this.start = start;
            this.end = end;
        }

        long key() {
            return (long) start << 32 | end;
        }
    }
}
