package org.yqsentinel.rules.dictionary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.RuleFiles;

/**
 * The project's own vocabulary, which segmentation must keep whole: government bodies and their short
 * names, policy vocabulary, livelihood terms and a watch list of sensitive words. One word per line
 * (an optional note after a tab), {@code #} comments; refused at load with file:line.
 */
public record Dictionaries(List<Word> words) {

    /** Which list a word comes from; the HanLP nature it gets says what kind of word it is. */
    public enum Kind {
        GOVERNMENT_BODY("dictionaries/government-bodies.txt", "nt"),
        POLICY_TERM("dictionaries/policy-terms.txt", "nz"),
        LIVELIHOOD_TERM("dictionaries/livelihood-terms.txt", "nz"),
        WATCH_WORD("dictionaries/watch-list.txt", "nz");

        private final String file;
        private final String nature;

        Kind(String file, String nature) {
            this.file = file;
            this.nature = nature;
        }

        public String file() {
            return file;
        }

        public String nature() {
            return nature;
        }
    }

    public record Word(String text, Kind kind, String note) {}

    public Dictionaries {
        words = List.copyOf(words);
    }

    public static Dictionaries load(RuleFiles files) {
        List<Word> words = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            RuleFiles.Source source = files.read(kind.file());
            Map<String, Integer> seen = new HashMap<>();
            String[] lines = source.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                String word = parts[0].strip();
                String where = source.name() + ":" + (i + 1) + ": ";
                if (word.codePointCount(0, word.length()) < 2 || word.chars().anyMatch(Character::isWhitespace)) {
                    throw new RuleException(where + "'" + word + "' is not a word of two or more characters without spaces");
                }
                Integer earlier = seen.put(word, i + 1);
                if (earlier != null) {
                    throw new RuleException(where + "'" + word + "' is listed already on line " + earlier);
                }
                words.add(new Word(word, kind, parts.length > 1 ? parts[1].strip() : null));
            }
        }
        return new Dictionaries(words);
    }

    public List<Word> of(Kind kind) {
        return words.stream().filter(w -> w.kind() == kind).toList();
    }

    /** The texts of the words of this kind, such as the watch words a risk window counts. */
    public Set<String> texts(Kind kind) {
        return words.stream().filter(w -> w.kind() == kind).map(Word::text).collect(Collectors.toUnmodifiableSet());
    }
}
