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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.yqsentinel.model.Emotion;

/**
 * A softmax regression over {@link SentimentFeatures} (with characters and character pairs): a weight
 * per feature and class, and a bias per class. Feature vectors are binary and L2-normalized. Two are
 * bundled: the emotions (the six of {@link Emotion.Label}) and the polarity (negative, neutral,
 * positive). Stored as gzipped {@code feature<TAB>weight…} lines, one weight per class in the order of
 * the file's {@code classes} line; scored by feature hashes, without building the features' strings.
 * Thread-safe.
 */
public final class SoftmaxModel {

    /** The emotion model's classes, in the order of {@link Emotion.Label}. */
    public static final List<String> EMOTIONS = Arrays.stream(Emotion.Label.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList();
    /** The polarity model's classes. */
    public static final List<String> POLARITIES = List.of("negative", "neutral", "positive");
    private static final String HEADER = "# sentinel softmax model v1: feature<TAB>weight per class";
    private static final ThreadLocal<FeatureHashes> FEATURES = ThreadLocal.withInitial(FeatureHashes::new);

    private final List<String> classes;
    private final String[] names;
    private final FeatureRows weights;
    private final double[] bias;

    /**
     * A model of learned weights, as a trainer makes it.
     *
     * @param classes the classes, in the order of each row of weights and of {@code bias}
     * @param weights per feature (as {@link SentimentAnalyzer#features} names it), one weight per class
     * @throws IllegalArgumentException when a weight is not finite, a row is not one weight per class, or two names share a hash
     */
    public SoftmaxModel(List<String> classes, Map<String, float[]> weights, double[] bias) {
        if (classes.size() < 2 || bias.length != classes.size()) {
            throw new IllegalArgumentException("expected at least two classes and a bias per class, got " + classes + " and " + bias.length + " biases");
        }
        this.classes = List.copyOf(classes);
        this.names = weights.keySet().toArray(String[]::new);
        Arrays.sort(this.names);
        this.weights = new FeatureRows(weights, classes.size());
        this.bias = bias.clone();
    }

    /**
     * This model and {@code other} as one: their classes side by side (this model's first), each feature's weights
     * for both (0 where a model lacks the feature), their biases. Its scores are the two models' scores side by
     * side, so two models reading the same features cost one lookup per feature.
     */
    SoftmaxModel joinedWith(SoftmaxModel other) {
        int k = classes.size();
        int width = k + other.classes.size();
        Map<String, float[]> joined = new HashMap<>();
        for (String name : names) {
            float[] row = new float[width];
            System.arraycopy(weights.get(FeatureHash.of(name)), 0, row, 0, k);
            joined.put(name, row);
        }
        for (String name : other.names) {
            float[] row = joined.computeIfAbsent(name, n -> new float[width]);
            System.arraycopy(other.weights.get(FeatureHash.of(name)), 0, row, k, other.classes.size());
        }
        double[] biases = Arrays.copyOf(bias, width);
        System.arraycopy(other.bias, 0, biases, k, other.bias.length);
        List<String> both = new ArrayList<>(classes);
        both.addAll(other.classes);
        return new SoftmaxModel(both, joined, biases);
    }

    public List<String> classes() {
        return classes;
    }

    /** The probability of each class, in the order of {@link #classes()}, for {@code text} segmented as {@code terms}. */
    double[] probabilities(String text, List<Term> terms) {
        return probabilities(text, terms, Map.of());
    }

    /**
     * The same with fixed priors: where the text has a feature of one of these kinds (a {@link Cue}), its
     * vector is added to the class scores on top of what was learned.
     */
    double[] probabilities(String text, List<Term> terms, Map<FeatureKind, double[]> priors) {
        return probabilities(features(text, terms), priors);
    }

    /** The features of a text, as hashes in this thread's reused set: extract once, score with several models. */
    static FeatureHashes features(String text, List<Term> terms) {
        FeatureHashes features = FEATURES.get();
        features.clear();
        SentimentFeatures.extract(text, terms, features);
        return features;
    }

    /** The probability of each class for a text's features (from {@link #features(String, List)}). */
    double[] probabilities(FeatureHashes features, Map<FeatureKind, double[]> priors) {
        return softmax(scores(features, priors));
    }

    /** The class scores (log-odds up to a constant) for a text's features, the priors of its cues added. */
    double[] scores(FeatureHashes features, Map<FeatureKind, double[]> priors) {
        double norm = features.size() == 0 ? 1 : 1 / Math.sqrt(features.size());
        double[] sums = bias.clone();
        for (int i = 0; i < features.size(); i++) {
            weights.addTo(features.get(i), norm, sums);
        }
        priors.forEach((kind, prior) -> {
            if (prior.length != sums.length) {
                throw new IllegalArgumentException("the prior of " + kind + " has " + prior.length + " values; this model has " + sums.length + " classes");
            }
            if (features.contains(kind.hash)) {
                for (int k = 0; k < sums.length; k++) {
                    sums[k] += prior[k];
                }
            }
        });
        return sums;
    }

    /** The same from the features' strings: the model's definition, which the hashed scoring must match. */
    double[] probabilities(List<String> features, Map<FeatureKind, double[]> priors) {
        Set<String> present = new HashSet<>(features);
        double norm = present.isEmpty() ? 1 : 1 / Math.sqrt(present.size());
        double[] sums = bias.clone();
        for (String feature : present) {
            weights.addTo(FeatureHash.of(feature), norm, sums);
        }
        priors.forEach((kind, prior) -> {
            if (present.contains(kind.prefix)) {
                for (int k = 0; k < sums.length; k++) {
                    sums[k] += prior[k];
                }
            }
        });
        return softmax(sums);
    }

    double[] probabilities(List<String> features) {
        return probabilities(features, Map.of());
    }

    /** The probabilities of class scores {@code z}: exp(z) normalized to sum to 1, computed without overflow. */
    public static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public int size() {
        return names.length;
    }

    public void write(OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            writer.write(HEADER + "\n");
            writer.write("classes\t" + String.join("\t", classes) + "\n");
            writer.write(row("bias", bias));
            for (String name : names) {
                float[] w = weights.get(FeatureHash.of(name));
                double[] values = new double[w.length];
                for (int k = 0; k < w.length; k++) {
                    values[k] = w[k];
                }
                writer.write(row(name, values));
            }
        }
    }

    private static String row(String name, double[] values) {
        StringBuilder line = new StringBuilder(name);
        for (double value : values) {
            line.append('\t').append((float) value);
        }
        return line.append('\n').toString();
    }

    public static SoftmaxModel read(InputStream in, String name) throws IOException {
        Map<String, float[]> weights = new HashMap<>();
        double[] bias = null;
        List<String> classes;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (!HEADER.equals(line)) {
                throw new IOException(name + ":1: not a Sentinel model (expected the line '" + HEADER + "')");
            }
            line = reader.readLine();
            if (line == null || !line.startsWith("classes\t")) {
                throw new IOException(name + ":2: expected the line 'classes<TAB>name<TAB>name…'");
            }
            classes = List.of(line.substring("classes\t".length()).split("\t"));
            int count = classes.size();
            int number = 2;
            while ((line = reader.readLine()) != null) {
                number++;
                String[] cells = line.split("\t", -1);
                if (cells.length != count + 1 || cells[0].isEmpty()) {
                    throw new IOException(name + ":" + number + ": expected a feature and " + count + " weights, tab-separated");
                }
                float[] values = new float[count];
                for (int k = 0; k < count; k++) {
                    try {
                        values[k] = Float.parseFloat(cells[k + 1]);
                    } catch (NumberFormatException e) {
                        throw new IOException(name + ":" + number + ": weight '" + cells[k + 1] + "' is not a number");
                    }
                }
                if (cells[0].equals("bias")) {
                    bias = new double[count];
                    for (int k = 0; k < count; k++) {
                        bias[k] = values[k];
                    }
                } else if (weights.put(cells[0], values) != null) {
                    throw new IOException(name + ":" + number + ": feature '" + cells[0] + "' is listed twice");
                }
            }
        }
        if (bias == null) {
            throw new IOException(name + ": no 'bias' line");
        }
        try {
            return new SoftmaxModel(classes, weights, bias);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    /** The bundled emotion model (docs/enrichment.md says what it was trained on), read once per JVM. */
    public static SoftmaxModel emotions() {
        return Bundled.EMOTIONS;
    }

    /** The bundled polarity model, read once per JVM. */
    public static SoftmaxModel polarity() {
        return Bundled.POLARITY;
    }

    private static final class Bundled {
        static final SoftmaxModel EMOTIONS = load("emotion.tsv.gz", SoftmaxModel.EMOTIONS);
        static final SoftmaxModel POLARITY = load("polarity.tsv.gz", SoftmaxModel.POLARITIES);
    }

    private static SoftmaxModel load(String file, List<String> classes) {
        try (InputStream in = SoftmaxModel.class.getResourceAsStream("/sentiment/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model /sentiment/" + file + " is missing");
            }
            SoftmaxModel model = read(in, file);
            if (!model.classes().equals(classes)) {
                throw new IllegalStateException("the bundled model /sentiment/" + file + " has classes " + model.classes() + ", expected " + classes);
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
