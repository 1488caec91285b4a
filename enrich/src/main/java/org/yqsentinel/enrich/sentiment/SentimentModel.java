package org.yqsentinel.enrich.sentiment;

import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic regression over {@link SentimentFeatures}: one weight per feature and a bias. Feature
 * vectors are binary and L2-normalized, so long and short texts weigh alike. Cues that training data
 * rarely shows (rhetorical complaint, sarcasm) carry a fixed prior on top of what was learned.
 * Stored as gzipped {@code feature<TAB>weight} lines, readable by a person; scored by feature hashes
 * ({@link FeatureWeights}), without building the features' strings. Thread-safe.
 */
public final class SentimentModel {

    static final Map<String, Double> PRIORS = Map.of("CUE:rhetorical", -2.5, "CUE:sarcasm", -1.5);
    private static final String[] PRIOR_NAMES = PRIORS.keySet().toArray(String[]::new);
    private static final long[] PRIOR_HASHES = Arrays.stream(PRIOR_NAMES).mapToLong(FeatureHash::of).toArray();
    private static final String HEADER = "# sentinel sentiment model v1: logistic regression, feature<TAB>weight";
    /** Each thread hashes the features of its texts into its own set, reused from text to text. */
    private static final ThreadLocal<FeatureHashes> FEATURES = ThreadLocal.withInitial(FeatureHashes::new);

    /** The feature names in order, kept to write the model; scoring reads {@link #weights} only. */
    private final String[] names;
    private final FeatureWeights weights;
    private final double bias;

    /** @throws IllegalArgumentException when a weight is not finite or two names have the same hash */
    SentimentModel(Map<String, Double> weights, double bias) {
        this.names = weights.keySet().toArray(String[]::new);
        Arrays.sort(this.names);
        this.weights = new FeatureWeights(weights);
        this.bias = bias;
    }

    /** Log-odds that {@code text}, segmented as {@code terms}, is positive. */
    double logit(String text, List<Term> terms) {
        FeatureHashes features = FEATURES.get();
        features.clear();
        SentimentFeatures.extract(text, terms, features);
        double norm = features.size() == 0 ? 1 : 1 / Math.sqrt(features.size());
        double sum = bias;
        for (int i = 0; i < features.size(); i++) {
            sum += weights.get(features.get(i)) * norm;
        }
        for (int i = 0; i < PRIOR_NAMES.length; i++) {
            if (features.contains(PRIOR_HASHES[i])) {
                sum += PRIORS.get(PRIOR_NAMES[i]);
            }
        }
        return sum;
    }

    /** The same from the features' strings: the model's definition, which the hashed scoring must match. */
    double logit(List<String> features) {
        Set<String> present = new HashSet<>(features);
        double norm = present.isEmpty() ? 1 : 1 / Math.sqrt(present.size());
        double sum = bias;
        for (String feature : present) {
            sum += weights.get(FeatureHash.of(feature)) * norm + PRIORS.getOrDefault(feature, 0.0);
        }
        return sum;
    }

    public int size() {
        return names.length;
    }

    public void write(OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            writer.write(HEADER + "\n");
            writer.write("bias\t" + bias + "\n");
            for (String name : names) {
                writer.write(name + "\t" + (float) weights.get(FeatureHash.of(name)) + "\n");
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
        try {
            return new SentimentModel(weights, bias);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
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
