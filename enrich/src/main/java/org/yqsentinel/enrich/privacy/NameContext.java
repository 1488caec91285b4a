package org.yqsentinel.enrich.privacy;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * What the words around a possible name say about it: an official's title (市长张三, 张三局长) keeps it unmasked, so
 * does an organization or place it begins (李明华律师事务所, 中山路) or a verb it only seems to be (查一查); a word
 * for a private person before it (网友, 村民, 患者, 我叫) says a person is named here.
 */
final class NameContext {

    private static final int PARENTHESIS_LOOKAHEAD = 30;
    private static final int LONGEST_CUE = 5;

    private NameContext() {
    }

    static boolean isOfficial(String text, int start, int end) {
        return hasTitleBefore(text, start) || hasTitleAfter(text, end) || hasTitleInParentheses(text, end);
    }

    /** A word for a private person ends right before {@code start}, without an official's title in it. */
    static boolean hasPrivatePersonCue(String text, int start) {
        String before = text.substring(Math.max(0, start - LONGEST_CUE), start);
        return endsWithAny(before, NameLexicon.PRIVATE_PERSON_CUES) && !endsWithAny(before, NameLexicon.TITLES);
    }

    /** 查一查, 看了看, 管不管: a verb said twice, not a surname and a given name. */
    static boolean isReduplicatedVerb(String text, int start) {
        return start + 2 < text.length() && text.charAt(start + 2) == text.charAt(start)
                && "一了不".indexOf(text.charAt(start + 1)) >= 0;
    }

    static boolean followsDigit(String text, int start) {
        return start > 0 && text.charAt(start - 1) >= '0' && text.charAt(start - 1) <= '9';
    }

    /** The term after the name's last term is an organization, an institution or a place word (局, 路, 纪念馆). */
    static boolean isPartOfOrganization(List<Term> terms, int index) {
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

    static int skipSpacesBackwards(String text, int at) {
        while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    static boolean endsWithAny(String s, Iterable<String> suffixes) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, int at, Iterable<String> prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix, at)) {
                return true;
            }
        }
        return false;
    }
}
