package org.yqsentinel.training.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yqsentinel.enrich.entity.BioLabels;
import org.yqsentinel.enrich.entity.Entity;

/**
 * Reads the Weibo NER format: one character per line as {@code char<TAB>tag} with BIO tags such as
 * {@code B-PER.NAM}, a blank line between posts. A line that does not fit is refused with file:line.
 */
public final class BioCorpus {

    private static final Pattern TAG = Pattern.compile("O|[BI]-[A-Z]+(\\.[A-Z]+)?");

    /** One post: its characters (one code point each) with their tags, and where it starts in its file. */
    public record Sentence(List<String> chars, List<String> tags, String source, int line) {
        public Sentence {
            chars = List.copyOf(chars);
            tags = List.copyOf(tags);
            if (chars.size() != tags.size()) {
                throw new IllegalArgumentException(source + ":" + line + ": " + chars.size() + " characters but " + tags.size() + " tags");
            }
        }

        public String text() {
            return String.join("", chars);
        }

        /** The names tagged in this post (person, place, organization) in char offsets of {@link #text()}. */
        public List<Entity> names() {
            return BioCorpus.names(chars, tags);
        }
    }

    /** A tagged stretch of characters, {@code start} inclusive, {@code end} exclusive, in character (token) positions. */
    public record Span(String type, int start, int end) {}

    private BioCorpus() {}

    public static List<Sentence> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * Reads posts from {@code reader}; {@code name} is used in error messages. The published corpus writes
     * a few ASCII characters with a word-position digit after them ({@code e1}, {@code .1}); that digit is dropped.
     */
    public static List<Sentence> read(BufferedReader reader, String name) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> chars = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int start = 0;
        int number = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                if (!chars.isEmpty()) {
                    sentences.add(new Sentence(chars, tags, name, start));
                    chars.clear();
                    tags.clear();
                }
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new IOException(name + ":" + number + ": expected character<TAB>tag, got '" + line + "'");
            }
            String token = character(line.substring(0, tab));
            if (token == null) {
                throw new IOException(name + ":" + number + ": '" + line.substring(0, tab) + "' is not one character");
            }
            String tag = line.substring(tab + 1).strip();
            if (!TAG.matcher(tag).matches()) {
                throw new IOException(name + ":" + number + ": tag '" + tag + "' is not O, B-TYPE or I-TYPE");
            }
            if (chars.isEmpty()) {
                start = number;
            }
            chars.add(token);
            tags.add(tag);
        }
        if (!chars.isEmpty()) {
            sentences.add(new Sentence(chars, tags, name, start));
        }
        return sentences;
    }

    /** The character a token stands for: one code point, optionally followed by the corpus's word-position digit. */
    private static String character(String token) {
        int count = token.codePointCount(0, token.length());
        if (count == 1 && !Character.isWhitespace(token.codePointAt(0))) {
            return token;
        }
        if (count == 2) {
            int first = token.codePointAt(0);
            char last = token.charAt(token.length() - 1);
            if (first > ' ' && first < 127 && last >= '0' && last <= '9') {
                return token.substring(0, token.length() - 1);
            }
        }
        return null;
    }

    /** The spans of a BIO tag sequence; an {@code I-} that does not continue a span of its type starts one. */
    public static List<Span> spans(List<String> tags) {
        List<Span> spans = new ArrayList<>();
        String type = null;
        int start = 0;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean continues = type != null && tag.startsWith("I-") && tag.substring(2).equals(type);
            if (continues) {
                continue;
            }
            if (type != null) {
                spans.add(new Span(type, start, i));
                type = null;
            }
            if (tag.startsWith("B-") || tag.startsWith("I-")) {
                type = tag.substring(2);
                start = i;
            }
        }
        return spans;
    }

    /** The names in a tagged character sequence, in char offsets of the joined characters. */
    static List<Entity> names(List<String> chars, List<String> tags) {
        int[] offsets = new int[chars.size() + 1];
        for (int i = 0; i < chars.size(); i++) {
            offsets[i + 1] = offsets[i] + chars.get(i).length();
        }
        String text = String.join("", chars);
        List<Entity> names = new ArrayList<>();
        for (Span span : spans(tags)) {
            Entity.Kind kind = BioLabels.kindOf(span.type());
            if (kind != null) {
                names.add(new Entity(kind, text.substring(offsets[span.start()], offsets[span.end()]), offsets[span.start()], offsets[span.end()]));
            }
        }
        return names;
    }
}
