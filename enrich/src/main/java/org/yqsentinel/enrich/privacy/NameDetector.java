package org.yqsentinel.enrich.privacy;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

final class NameDetector {

    private static final int LONGEST_LABEL = 4;
    private static final int LONGEST_LABELLED_RUN = 8;
    private static final int PARENTHESIS_LOOKAHEAD = 30;

    private final Segment segment = HanLP.newSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false)
            .enableOffset(true);

    void detect(String text, List<Hit> out) {
        if (!hasHan(text)) {
            return;
        }
        List<Term> terms = segment.seg(text);
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).nature != Nature.nr) {
                continue;
            }
            int last = hasSplitOffLastChar(terms, i) ? i + 1 : i;
            int start = terms.get(i).offset;
            Term lastTerm = terms.get(last);
            String name = withoutTrailingConjunction(text.substring(start, lastTerm.offset + lastTerm.length()));
            int end = start + name.length();
            if (isPlausible(name) && !followsDigit(text, start) && !isOfficial(text, start, end)
                    && !isPartOfOrganization(terms, last)) {
                out.add(hit(start, name));
            }
            i = last;
        }
        labelled(text, out);
    }

    private static void labelled(String text, List<Hit> out) {
        for (int colon = nextColon(text, 0); colon >= 0; colon = nextColon(text, colon + 1)) {
            int labelEnd = skipSpacesBackwards(text, colon);
            if (!endsWithAny(text.substring(Math.max(0, labelEnd - LONGEST_LABEL), labelEnd), NameLexicon.LABELS)) {
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
            if (isPlausibleLabelled(name)) {
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

    private static boolean isPlausibleLabelled(String name) {
        if (name.length() < 2) {
            return false;
        }
        int surname = NameLexicon.surnameLength(name);
        int given = name.length() - surname;
        return surname > 0 && given >= 1 && given <= 2 && !name.contains("某")
                && !NameLexicon.HONORIFICS.contains(name.substring(surname));
    }

    private static boolean isPlausible(String name) {
        if (!isPlausibleLabelled(name) || NameLexicon.NOT_NAMES.contains(name)) {
            return false;
        }
        String given = name.substring(NameLexicon.surnameLength(name));
        for (int i = 0; i < given.length(); i++) {
            if (NameLexicon.NOT_IN_GIVEN_NAME.indexOf(given.charAt(i)) >= 0) {
                return false;
            }
        }
        return NameLexicon.NOT_LAST_IN_GIVEN_NAME.indexOf(given.charAt(given.length() - 1)) < 0;
    }

    private static boolean followsDigit(String text, int start) {
        return start > 0 && text.charAt(start - 1) >= '0' && text.charAt(start - 1) <= '9';
    }

    private static boolean isOfficial(String text, int start, int end) {
        return hasTitleBefore(text, start) || hasTitleAfter(text, end) || hasTitleInParentheses(text, end);
    }

    private static boolean hasTitleBefore(String text, int start) {
        int at = skipSpacesBackwards(text, start);
        if (at > 0 && (text.charAt(at - 1) == '：' || text.charAt(at - 1) == ':')) {
            at = skipSpacesBackwards(text, at - 1);
        }
        String before = text.substring(Math.max(0, at - 6), at);
        for (String excluded : NameLexicon.NOT_TITLES) {
            if (before.endsWith(excluded)) {
                return false;
            }
        }
        return endsWithAny(before, NameLexicon.TITLES) || endsWithAny(before, NameLexicon.PREFIX_ONLY_TITLES);
    }

    private static int skipSpacesBackwards(String text, int at) {
        while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    private static boolean hasTitleAfter(String text, int end) {
        int at = end;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (text.startsWith("常务副", at)) {
            at += 3;
        } else if (text.startsWith("副", at)) {
            at++;
        }
        return startsWithAny(text, at, NameLexicon.TITLES) || startsWithAny(text, at, NameLexicon.SUFFIX_ONLY_TITLES);
    }

    private static boolean hasTitleInParentheses(String text, int end) {
        if (end >= text.length() || text.charAt(end) != '（' && text.charAt(end) != '(') {
            return false;
        }
        int limit = Math.min(text.length(), end + PARENTHESIS_LOOKAHEAD);
        for (int i = end + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '）' || c == ')') {
                String inside = text.substring(end + 1, i).strip();
                return endsWithAny(inside, NameLexicon.TITLES) || endsWithAny(inside, NameLexicon.PREFIX_ONLY_TITLES);
            }
        }
        return false;
    }

    private static boolean isPartOfOrganization(List<Term> terms, int index) {
        int next = index + 1;
        if (next < terms.size() && terms.get(next).nature == Nature.nnt) {
            next++;
        }
        if (next >= terms.size()) {
            return false;
        }
        Term term = terms.get(next);
        String nature = term.nature == null ? "" : term.nature.toString();
        return nature.startsWith("nt") || nature.startsWith("nis")
                || NameLexicon.ORGANIZATION_OR_PLACE_SUFFIXES.contains(term.word);
    }

    private static boolean endsWithAny(String s, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, int at, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix, at)) {
                return true;
            }
        }
        return false;
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
}
