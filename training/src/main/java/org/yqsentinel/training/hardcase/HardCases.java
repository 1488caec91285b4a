package org.yqsentinel.training.hardcase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yqsentinel.model.Sentiment;

/**
 * Reads a hard-case file: tab-separated {@code polarity topics kind text} under that header row, {@code #}
 * comments and blank lines skipped (format in {@code docs/data/hard-cases.tsv}). A line it cannot use is refused
 * with file, line and what to fix, and so is a topic the rules do not define or a text listed twice.
 */
public final class HardCases {

    public static final String HEADER = "polarity\ttopics\tkind\ttext";
    /** The topics column of a case about no topic. */
    public static final String NO_TOPIC = "-";
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

    private HardCases() {}

    /**
     * @param knownTopics the topic names of the rules the cases are read with
     * @throws IllegalArgumentException naming {@code file:line} and what to fix
     */
    public static List<HardCase> read(Path file, Collection<String> knownTopics) throws IOException {
        String name = String.valueOf(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<HardCase> cases = new ArrayList<>();
        Map<String, Integer> lineOfText = new HashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.strip().equals(HEADER)) {
                    throw error(name, number, "expected the header row 'polarity<TAB>topics<TAB>kind<TAB>text' before the first case");
                }
                headerSeen = true;
                continue;
            }
            HardCase parsed = parse(name, number, line, knownTopics);
            Integer earlier = lineOfText.putIfAbsent(parsed.text(), number);
            if (earlier != null) {
                throw error(name, number, "the same text as line " + earlier + "; keep one of them");
            }
            cases.add(parsed);
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(name + ": no cases; after the header row '" + HEADER.replace("\t", "<TAB>")
                    + "' write one case a line");
        }
        return List.copyOf(cases);
    }

    private static HardCase parse(String file, int number, String line, Collection<String> knownTopics) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
            throw error(file, number, "expected 4 tab-separated columns (polarity, topics, kind, text), found " + columns.length);
        }
        String polarity = columns[0].strip().toLowerCase(Locale.ROOT);
        Sentiment.Label label = switch (polarity) {
            case "negative" -> Sentiment.Label.NEGATIVE;
            case "neutral" -> Sentiment.Label.NEUTRAL;
            case "positive" -> Sentiment.Label.POSITIVE;
            default -> throw error(file, number, "polarity '" + columns[0] + "' is not negative, neutral or positive");
        };
        String kind = columns[2].strip();
        if (!KIND.matcher(kind).matches()) {
            throw error(file, number, "kind '" + kind + "' must be a lower-case word such as event-report or sarcasm");
        }
        String text = columns[3].strip();
        if (text.isEmpty()) {
            throw error(file, number, "the text is empty");
        }
        return new HardCase(file, number, label, topics(file, number, columns[1].strip(), knownTopics), kind, text);
    }

    private static TreeSet<String> topics(String file, int number, String column, Collection<String> knownTopics) {
        TreeSet<String> topics = new TreeSet<>();
        if (column.equals(NO_TOPIC)) {
            return topics;
        }
        if (column.isEmpty()) {
            throw error(file, number, "no topics: write the topics comma-separated, or - for none");
        }
        for (String topic : column.split(",", -1)) {
            String name = topic.strip();
            if (!knownTopics.contains(name)) {
                throw error(file, number, (name.isEmpty() ? "an empty topic in '" + column + "'" : "unknown topic '" + name + "'")
                        + "; topics are - for none or, separated by ',', some of " + String.join(", ", knownTopics));
            }
            if (!topics.add(name)) {
                throw error(file, number, "topic '" + name + "' is listed twice");
            }
        }
        return topics;
    }

    private static IllegalArgumentException error(String file, int line, String message) {
        return new IllegalArgumentException(file + ":" + line + ": " + message);
    }
}
