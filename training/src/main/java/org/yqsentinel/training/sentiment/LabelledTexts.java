package org.yqsentinel.training.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;

/**
 * Reads labelled sets: CSV or TSV with a header row, a {@code label} column and one text column. The
 * labels are polarities (0/1, or negative/positive with neutral where the set has it) or, in an emotion
 * set, the six emotions (happy, angry, sad, fear, surprise, neutral); a file holds one kind. Refuses a file it cannot use with file, line and what to fix. A set can be cut
 * into a train and a test part by a hash of each text, so a text is always on the same side.
 */
public final class LabelledTexts {

    /** Which texts of a file to use. */
    public enum Part { ALL, TRAIN, TEST }

    /** Percent of texts in the test part. */
    public static final int TEST_PERCENT = 20;

    private static final Set<String> POSITIVE = Set.of("1", "positive", "pos");
    private static final Set<String> NEGATIVE = Set.of("0", "negative", "neg");
    private static final Map<String, Emotion.Label> EMOTIONS = new TreeMap<>();

    static {
        for (Emotion.Label emotion : Emotion.Label.values()) {
            EMOTIONS.put(emotion.name().toLowerCase(Locale.ROOT), emotion);
        }
    }

    private LabelledTexts() {}

    public static List<LabelledText> read(Path file, Part part) throws IOException {
        char separator = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        if (separator == '\t') {
            schema = schema.withoutQuoteChar();  // tab-separated texts quote as they please: 所谓“减负”
        }
        List<LabelledText> texts = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            String textColumn = null;
            List<String[]> kept = new ArrayList<>();  // label, text, line of the rows of the part
            String emotionLabel = null;  // the first label only an emotion file has, and its line
            String polarityLabel = null;  // the first label only a polarity file has, and its line
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                if (textColumn == null) {
                    textColumn = textColumn(file, row);
                }
                String label = row.get("label") == null ? "" : row.get("label").strip().toLowerCase(Locale.ROOT);
                boolean polarity = POSITIVE.contains(label) || NEGATIVE.contains(label);
                Emotion.Label emotion = EMOTIONS.get(label);
                if (!polarity && emotion == null) {
                    throw new IllegalArgumentException(file + ":" + line + ": label '" + label
                            + "' is neither 0/1, negative/neutral/positive nor one of the emotions " + EMOTIONS.keySet());
                }
                if (polarity && emotionLabel != null || emotion != null && emotion != Emotion.Label.NEUTRAL && polarityLabel != null) {
                    throw new IllegalArgumentException(file + ":" + line + ": label '" + label + "' in a file of "
                            + (polarity ? "emotion labels ('" + emotionLabel : "polarity labels ('" + polarityLabel)
                            + "' before it); use one kind of label per file");
                }
                if (polarity && polarityLabel == null) {
                    polarityLabel = label;
                } else if (emotion != null && emotion != Emotion.Label.NEUTRAL && emotionLabel == null) {
                    emotionLabel = label;
                }
                String text = row.get(textColumn);
                if (text == null || text.isBlank()) {
                    continue;
                }
                if (part == Part.ALL || (part == Part.TEST) == inTestPart(text)) {
                    kept.add(new String[] {label, text});
                }
            }
            // neutral is both an emotion and a polarity: the other labels of the file say which it is here
            boolean emotions = emotionLabel != null || polarityLabel == null;
            for (String[] row : kept) {
                texts.add(emotions ? new LabelledText(row[1], EMOTIONS.get(row[0]))
                        : row[0].equals("neutral") ? new LabelledText(row[1], Sentiment.Label.NEUTRAL, null)
                        : new LabelledText(row[1], POSITIVE.contains(row[0])));
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ":" + line + ": not a readable " + (separator == '\t' ? "TSV" : "CSV") + " row ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); quote a text that holds the separator or a quote");
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labelled texts" + (part == Part.ALL ? "" : " in its " + part.name().toLowerCase(Locale.ROOT) + " part"));
        }
        return texts;
    }

    /** True for the texts of the test part: a stable hash of the text, not its position, decides. */
    public static boolean inTestPart(String text) {
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return Math.floorMod(hash ^ (hash >>> 29), 100) < TEST_PERCENT;
    }

    private static String textColumn(Path file, Map<String, String> row) {
        if (!row.containsKey("label")) {
            throw new IllegalArgumentException(file + ":1: no 'label' column in the header (columns: " + row.keySet() + ")");
        }
        List<String> others = row.keySet().stream().filter(c -> !c.equals("label")).toList();
        if (others.size() != 1) {
            throw new IllegalArgumentException(file + ":1: expected one text column besides 'label', found " + others);
        }
        return others.get(0);
    }
}
