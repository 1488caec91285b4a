package org.yqsentinel.training.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yqsentinel.enrich.privacy.Finding;
import org.yqsentinel.enrich.privacy.Kind;

/**
 * Reads a file of de-identification cases: tab-separated {@code id}, {@code style}, {@code text}, where each
 * span to mask is written {@code [[kind:span]]} inside the text ({@code 网友[[name:李秀英]]说}). A line it cannot
 * use is refused with file, line and what to fix; the format is described in docs/enrichment.md.
 */
public final class MaskingCases {

    /** One post: its text without the marks, and the spans that must be masked, in order. */
    public record Case(String id, String style, String text, List<Finding> expected) {
        public Case {
            expected = List.copyOf(expected);
        }
    }

    /** The kinds as they are written in a case file. */
    public static final Map<String, Kind> KINDS = Map.of("name", Kind.PERSON_NAME, "phone", Kind.PHONE, "id", Kind.ID_CARD,
            "bank", Kind.BANK_CARD, "email", Kind.EMAIL, "plate", Kind.LICENSE_PLATE);
    private static final List<String> HEADER = List.of("id", "style", "text");
    private static final String OPEN = "[[";
    private static final String CLOSE = "]]";

    private MaskingCases() {}

    public static List<Case> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            List<String> columns = List.of(line.split("\t", -1));
            if (!header) {
                if (!columns.equals(HEADER)) {
                    throw new IllegalArgumentException(where + "the first line that is not a comment must be the header"
                            + " 'id<TAB>style<TAB>text', not '" + line + "'");
                }
                header = true;
                continue;
            }
            if (columns.size() != 3) {
                throw new IllegalArgumentException(where + columns.size() + " columns; a case has 3, id, style and text,"
                        + " separated by single tabs (a tab inside the text is not allowed)");
            }
            String id = columns.get(0).strip();
            if (id.isEmpty() || !ids.add(id)) {
                throw new IllegalArgumentException(where + (id.isEmpty() ? "the id is empty" : "id '" + id + "' is used twice")
                        + "; give each case an id of its own");
            }
            cases.add(parse(where, id, columns.get(1).strip(), columns.get(2)));
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(file + ": no cases (a header 'id<TAB>style<TAB>text' and one line per post)");
        }
        return cases;
    }

    /** The text of {@code marked} without its marks, and the marked spans as findings in that text. */
    static Case parse(String where, String id, String style, String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Finding> spans = new ArrayList<>();
        int from = 0;
        for (int open = marked.indexOf(OPEN); open >= 0; open = marked.indexOf(OPEN, from)) {
            text.append(marked, from, open);
            int close = marked.indexOf(CLOSE, open);
            int colon = marked.indexOf(':', open);
            if (close < 0) {
                throw new IllegalArgumentException(where + "'" + OPEN + "' at character " + (open + 1) + " is never closed;"
                        + " write spans as [[kind:span]]");
            }
            if (colon < 0 || colon > close) {
                throw new IllegalArgumentException(where + "'" + marked.substring(open, close + 2) + "' has no kind;"
                        + " write [[kind:span]] with kind one of " + kindNames());
            }
            String kindName = marked.substring(open + OPEN.length(), colon).strip();
            Kind kind = KINDS.get(kindName.toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw new IllegalArgumentException(where + "unknown kind '" + kindName + "'; use one of " + kindNames());
            }
            String span = marked.substring(colon + 1, close);
            if (span.isBlank() || span.contains(OPEN)) {
                throw new IllegalArgumentException(where + "'" + marked.substring(open, close + 2) + "' marks "
                        + (span.isBlank() ? "nothing" : "a span with another mark inside") + "; write [[kind:span]] around the span alone");
            }
            spans.add(new Finding(kind, text.length(), text.length() + span.length()));
            text.append(span);
            from = close + CLOSE.length();
        }
        String rest = marked.substring(from);
        if (rest.contains(CLOSE)) {
            throw new IllegalArgumentException(where + "'" + CLOSE + "' without an opening '" + OPEN + "'");
        }
        text.append(rest);
        if (text.toString().isBlank()) {
            throw new IllegalArgumentException(where + "the text is empty");
        }
        return new Case(id, style, text.toString(), spans);
    }

    static String nameOf(Kind kind) {
        for (Map.Entry<String, Kind> e : KINDS.entrySet()) {
            if (e.getValue() == kind) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    private static String kindNames() {
        return String.join(", ", KINDS.keySet().stream().sorted().toList());
    }
}
