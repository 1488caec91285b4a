package org.yqsentinel.training.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentiment words and degree adverbs as tab-separated files a person can read and change
 * ({@code sentiment/lexicon.tsv}, {@code sentiment/degree.tsv}); refused at load with file:line.
 */
public record SentimentLexicon(Map<String, Double> polarity, Map<String, Double> degree) {

    public static SentimentLexicon bundled() {
        return new SentimentLexicon(load("/sentiment/lexicon.tsv"), load("/sentiment/degree.tsv"));
    }

    static Map<String, Double> load(String resource) {
        Map<String, Double> values = new HashMap<>();
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(resource + ":" + number + ": expected word<TAB>number, found '" + line + "'");
                }
                double value;
                try {
                    value = Double.parseDouble(parts[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(resource + ":" + number + ": '" + parts[1] + "' is not a number");
                }
                if (values.put(parts[0].strip(), value) != null) {
                    throw new IllegalArgumentException(resource + ":" + number + ": '" + parts[0] + "' is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
