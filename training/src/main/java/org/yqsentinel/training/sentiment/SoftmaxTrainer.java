package org.yqsentinel.training.sentiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.sentiment.SentimentAnalyzer;
import org.yqsentinel.enrich.sentiment.SoftmaxModel;

/**
 * Trains a {@link SoftmaxModel}: L2-regularized softmax regression by AdaGrad, features seen in fewer
 * than {@code minCount} texts dropped, examples shuffled with a fixed seed so the same data always gives
 * the same model. Each class's examples can be weighted against its share ({@code balance}), so rare
 * emotions (fear, surprise) are not drowned by happy.
 */
public final class SoftmaxTrainer {

    private static final long SEED = 20261204L;

    /** How to train: passes, AdaGrad step, L2 penalty, minimum texts per feature, and how far to balance the classes (0 none, 1 fully). */
    public record Options(int epochs, double learningRate, double l2, int minCount, double balance) {
        public static final Options EMOTIONS = new Options(12, 0.1, 1e-5, 5, 0.5);
        public static final Options POLARITY = new Options(12, 0.1, 1e-5, 5, 0);
    }

    private final DictionarySegmenter segmenter;
    private final Options options;

    public SoftmaxTrainer(DictionarySegmenter segmenter, Options options) {
        this.segmenter = segmenter;
        this.options = options;
    }

    /** The emotion model, from the texts labelled with an emotion; the others are skipped. */
    public SoftmaxModel emotions(List<LabelledText> texts) {
        return train(texts, SoftmaxModel.EMOTIONS, t -> t.emotion() == null ? -1 : t.emotion().ordinal());
    }

    /** The polarity model, from the texts labelled with a polarity (the binary sets and the emotion sets but surprise). */
    public SoftmaxModel polarity(List<LabelledText> texts) {
        return train(texts, SoftmaxModel.POLARITIES, t -> t.polarity() == null ? -1 : switch (t.polarity()) {
            case NEGATIVE -> 0;
            case NEUTRAL -> 1;
            case POSITIVE -> 2;
        });
    }

    private SoftmaxModel train(List<LabelledText> texts, List<String> classes, ToIntFunction<LabelledText> label) {
        List<String[]> examples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabelledText text : texts) {
            int y = label.applyAsInt(text);
            if (y >= 0) {
                examples.add(features(segmenter, text.text()));
                labels.add(y);
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no texts with labels of these classes to train on: " + classes);
        }
        return train(classes, examples, labels, options);
    }

    /** The models' features of a text, distinct, double negations read as what they mean. */
    static String[] features(DictionarySegmenter segmenter, String text) {
        return new LinkedHashSet<>(SentimentAnalyzer.features(segmenter, text)).toArray(String[]::new);
    }

    static SoftmaxModel train(List<String> classes, List<String[]> examples, List<Integer> labels, Options options) {
        int k = classes.size();
        Map<String, Integer> counts = new HashMap<>();
        for (String[] example : examples) {
            for (String feature : example) {
                counts.merge(feature, 1, Integer::sum);
            }
        }
        // indexed in sorted order, so the model does not depend on a hash map's iteration
        Map<String, Integer> index = new HashMap<>();
        for (String feature : new TreeSet<>(counts.keySet())) {
            if (counts.get(feature) >= options.minCount()) {
                index.put(feature, index.size());
            }
        }
        int[][] active = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            Set<Integer> ids = new TreeSet<>();
            for (String feature : examples.get(i)) {
                Integer id = index.get(feature);
                if (id != null) {
                    ids.add(id);
                }
            }
            active[i] = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        double[] classWeight = classWeights(labels, k, options.balance());
        double[] weights = new double[index.size() * k];
        double[] squared = new double[index.size() * k];
        double[] bias = new double[k];
        double[] biasSquared = new double[k];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        double[] z = new double[k];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                int[] features = active[i];
                double norm = features.length == 0 ? 1 : 1 / Math.sqrt(features.length);
                System.arraycopy(bias, 0, z, 0, k);
                for (int f : features) {
                    for (int c = 0; c < k; c++) {
                        z[c] += weights[f * k + c] * norm;
                    }
                }
                double[] p = SoftmaxModel.softmax(z);
                int label = labels.get(i);
                double scale = classWeight[label];
                for (int c = 0; c < k; c++) {
                    double gradient = (p[c] - (c == label ? 1 : 0)) * scale;
                    biasSquared[c] += gradient * gradient;
                    bias[c] -= options.learningRate() * gradient / Math.sqrt(biasSquared[c] + 1e-8);
                    for (int f : features) {
                        int w = f * k + c;
                        double g = gradient * norm + options.l2() * weights[w];
                        squared[w] += g * g;
                        weights[w] -= options.learningRate() * g / Math.sqrt(squared[w] + 1e-8);
                    }
                }
            }
        }
        Map<String, float[]> learned = new HashMap<>();
        index.forEach((feature, f) -> {
            float[] row = new float[k];
            boolean any = false;
            for (int c = 0; c < k; c++) {
                row[c] = (float) weights[f * k + c];
                any |= Math.abs(row[c]) > 1e-4;
            }
            if (any) {
                learned.put(feature, row);
            }
        });
        return new SoftmaxModel(classes, learned, bias);
    }

    /** Per class, (mean count / its count) ^ balance: 1 for every class when balance is 0. */
    private static double[] classWeights(List<Integer> labels, int k, double balance) {
        double[] count = new double[k];
        labels.forEach(l -> count[l]++);
        double mean = labels.size() / (double) k;
        double[] weight = new double[k];
        for (int c = 0; c < k; c++) {
            weight[c] = count[c] == 0 ? 1 : Math.pow(mean / count[c], balance);
        }
        return weight;
    }
}
