package org.yqsentinel.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic regression over {@link SentimentFeatures}: one weight per feature and a bias. Feature
 * vectors are binary and L2-normalized, so long and short texts weigh alike. Cues that training data
 * rarely shows (rhetorical complaint, sarcasm) carry a fixed prior on top of what was learned.
 * Stored as gzipped {@code feature<TAB>weight} lines, readable by a person.
 */
public final class SentimentModel {

    static final Map<String, Double> PRIORS = Map.of("CUE:rhetorical", -2.5, "CUE:sarcasm", -1.5);
    private static final String HEADER = "# sentinel sentiment model v1: logistic regression, feature<TAB>weight";

    private final Map<String, Double> weights;
    private final double bias;

    SentimentModel(Map<String, Double> weights, double bias) {
        this.weights = Map.copyOf(weights);
        this.bias = bias;
    }

    /** Log-odds that the text with these features is positive. */
    double logit(List<String> features) {
        Set<String> present = new HashSet<>(features);
        double norm = present.isEmpty() ? 1 : 1 / Math.sqrt(present.size());
        double sum = bias;
        for (String feature : present) {
            sum += weights.getOrDefault(feature, 0.0) * norm + PRIORS.getOrDefault(feature, 0.0);
        }
        return sum;
    }

    public int size() {
        return weights.size();
    }

    public void write(OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            writer.write(HEADER + "\n");
            writer.write("bias\t" + bias + "\n");
            for (Map.Entry<String, Double> w : new TreeMap<>(weights).entrySet()) {
                writer.write(w.getKey() + "\t" + (float) (double) w.getValue() + "\n");
            }
        }
    }

    public static SentimentModel read(InputStream in, String name) throws IOException {
        Map<String, Double> weights = new HashMap<>();
        double bias = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (!HEADER.equals(line)) {
                throw new IOException(name + ":1: not a Sentinel sentiment model (expected the line '" + HEADER + "')");
            }
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                int tab = line.lastIndexOf('\t');
                if (tab <= 0) {
                    throw new IOException(name + ":" + number + ": expected feature<TAB>weight");
                }
                double value;
                try {
                    value = Double.parseDouble(line.substring(tab + 1));
                } catch (NumberFormatException e) {
                    throw new IOException(name + ":" + number + ": weight '" + line.substring(tab + 1) + "' is not a number");
                }
                if (line.startsWith("bias\t")) {
                    bias = value;
                } else {
                    weights.put(line.substring(0, tab), value);
                }
            }
        }
        return new SentimentModel(weights, bias);
    }

    /** The model shipped with Sentinel (docs/enrichment.md says what it was trained on), read once per JVM. */
    public static SentimentModel bundled() {
        return Bundled.MODEL;
    }

    private static final class Bundled {
        static final SentimentModel MODEL = load();
    }

    private static SentimentModel load() {
        try (InputStream in = SentimentModel.class.getResourceAsStream("/sentiment/model.tsv.gz")) {
            if (in == null) {
                throw new IllegalStateException("the bundled sentiment model /sentiment/model.tsv.gz is missing");
            }
            return read(in, "model.tsv.gz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
