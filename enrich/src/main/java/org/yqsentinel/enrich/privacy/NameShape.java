package org.yqsentinel.enrich.privacy;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;

/**
 * Whether a run of characters reads as a Chinese personal name rather than as ordinary words, from the statistics
 * HanLP learned on its annotated corpus: how often each character is a surname (role B), a single given name (E),
 * the first or second character of a two-character given name (C, D), and how often it is an ordinary word — in the
 * core dictionary, or as the word right before or after a name (K, L). A single given name must be a name character
 * more often than ordinary words claim it, and of a two-character given name one character must, the other at least
 * more often in a name than right after one: 钱全 fails (全 is an adverb far more often than a given name), 查一查
 * fails (查 never ends a given name), 李秀英 and 尹大勇 pass. Stateless; HanLP's dictionaries are read-only.
 */
final class NameShape {

    private NameShape() {
    }

    /**
     * Surname from the list, one or two given-name characters, not an ordinary word, and every character more
     * often in a name than in ordinary words ({@code strict}) — or, with context that already says a person is
     * named here, at least more often in a name than right after one.
     */
    static boolean looksLikeName(String name, boolean strict) {
        if (!hasNameForm(name) || NameLexicon.NOT_NAMES.contains(name) || NameLexicon.BRANDS.contains(name)
                || isOrdinaryWord(name)) {
            return false;
        }
        int surname = NameLexicon.surnameLength(name);
        String given = name.substring(surname);
        for (int i = 0; i < given.length(); i++) {
            if (NameLexicon.NOT_IN_GIVEN_NAME.indexOf(given.charAt(i)) >= 0) {
                return false;
            }
        }
        if (NameLexicon.NOT_LAST_IN_GIVEN_NAME.indexOf(given.charAt(given.length() - 1)) >= 0) {
            return false;
        }
        if (strict && surname == 1 && odds(name.charAt(0), NR.B) <= 0) {
            return false;
        }
        if (strict && given.length() == 2 && beginsWithWord(name.substring(0, surname + 1))) {
            return false;
        }
        if (given.length() == 1) {
            return isNameCharacter(given.charAt(0), NR.E, strict);
        }
        boolean first = isNameCharacter(given.charAt(0), NR.C, strict);
        boolean second = isNameCharacter(given.charAt(1), NR.D, strict);
        if (!strict || first && second) {
            return first && second;
        }
        return (first || second) && isNameCharacter(given.charAt(0), NR.C, false)
                && isNameCharacter(given.charAt(1), NR.D, false);
    }

    /** Surname from the list and one or two given-name characters, none of them 某, the given name not a form of address. */
    static boolean hasNameForm(String name) {
        if (name.length() < 2) {
            return false;
        }
        int surname = NameLexicon.surnameLength(name);
        int given = name.length() - surname;
        return surname > 0 && given >= 1 && given <= 2 && name.indexOf('某') < 0
                && !NameLexicon.HONORIFICS.contains(name.substring(surname));
    }

    /**
     * How much more the characters read as this name than as ordinary words: the sum over the characters of the
     * log-odds of their name role against their word uses. Compares readings of the same place (李明 or 李明表).
     */
    static double score(String name) {
        int surname = NameLexicon.surnameLength(name);
        String given = name.substring(surname);
        double score = surname == 1 ? odds(name.charAt(0), NR.B) : 0;
        for (int i = 0; i < given.length(); i++) {
            score += odds(given.charAt(i), given.length() == 1 ? NR.E : i == 0 ? NR.C : NR.D);
        }
        return score;
    }

    /** A word of HanLP's core dictionary that is mostly not a person's name there (文明, 高兴, 江山, 金融). */
    static boolean isOrdinaryWord(String word) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(word);
        return attribute != null && 2 * attribute.getNatureFrequency(Nature.nr) < attribute.totalFrequency;
    }

    /**
     * The surname and the first given-name character are an ordinary word more often than the start of a name (房东扣,
     * 夏天明 without context; not 王国庆: 王国 begins names in HanLP's corpus far more often than it is a word there).
     */
    private static boolean beginsWithWord(String start) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(start);
        if (attribute == null || !isOrdinaryWord(start)) {
            return false;
        }
        EnumItem<NR> roles = PersonDictionary.dictionary.get(start);
        return (roles == null ? 0 : roles.getFrequency(NR.X)) < attribute.totalFrequency;
    }

    private static boolean isNameCharacter(char c, NR role, boolean strict) {
        EnumItem<NR> roles = PersonDictionary.dictionary.get(String.valueOf(c));
        int asName = roles == null ? 0 : roles.getFrequency(role);
        int afterName = roles == null ? 0 : roles.getFrequency(NR.L);
        if (strict) {
            return asName > afterName + (roles == null ? 0 : roles.getFrequency(NR.K)) + wordFrequency(c)
                    || roles == null && CoreDictionary.get(String.valueOf(c)) == null;
        }
        return asName > afterName || roles == null;
    }

    /** Log-odds of {@code role} against the character's uses as an ordinary word; 0 for a character HanLP never saw. */
    private static double odds(char c, NR role) {
        EnumItem<NR> roles = PersonDictionary.dictionary.get(String.valueOf(c));
        int asName = roles == null ? 0 : roles.getFrequency(role);
        int asWord = wordFrequency(c) + (roles == null ? 0 : roles.getFrequency(NR.L) + roles.getFrequency(NR.K));
        return Math.log((asName + 1.0) / (asWord + 1.0));
    }

    /** How often the character is a word of its own in the core dictionary, not counting its uses as a name. */
    private static int wordFrequency(char c) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(String.valueOf(c));
        return attribute == null ? 0 : attribute.totalFrequency - attribute.getNatureFrequency(Nature.nr);
    }
}
