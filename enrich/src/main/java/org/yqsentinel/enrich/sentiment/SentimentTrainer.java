package org.yqsentinel.enrich.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.yqsentinel.enrich.DictionarySegmenter;

/**
 * Trains a {@link SentimentModel}: L2-regularized logistic regression by AdaGrad, features seen fewer
 * than {@code minCount} times dropped, examples shuffled with a fixed seed so the same data always
 * gives the same model.
 */
public final class SentimentTrainer {

    private static final long SEED = 20261124L;

    /** How to train: passes over the data, AdaGrad step, L2 penalty, and how often a feature must occur to be kept. */
    public record Options(int epochs, double learningRate, double l2, int minCount) {
        /** Features of fewer than five training texts are left out: held-out accuracy holds (docs/enrichment.md) and the model is a sixth of the size. */
        public static final Options DEFAULT = new Options(30, 0.1, 1e-5, 5);
    }

    private final DictionarySegmenter segmenter;
    private final Options options;

    /** @param segmenter the segmentation the model will read with (the project dictionaries') */
    public SentimentTrainer(DictionarySegmenter segmenter, Options options) {
        this.segmenter = segmenter;
        this.options = options;
    }

    public SentimentModel train(List<LabelledText> texts) {
        List<String[]> examples = new ArrayList<>(texts.size());
        Map<String, Integer> counts = new HashMap<>();
        for (LabelledText text : texts) {
            Set<String> features = new LinkedHashSet<>(SentimentAnalyzer.features(segmenter, text.text()));
            features.forEach(f -> counts.merge(f, 1, Integer::sum));
            examples.add(features.toArray(String[]::new));
        }
        Map<String, Integer> index = new HashMap<>();
        counts.forEach((feature, count) -> {
            if (count >= options.minCount()) {
                index.put(feature, index.size());
            }
        });
        double[] weights = new double[index.size()];
        double[] squared = new double[index.size()];
        double bias = 0;
        double biasSquared = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int i : order) {
                int[] active = active(examples.get(i), index);
                double norm = active.length == 0 ? 1 : 1 / Math.sqrt(active.length);
                double z = bias;
                for (int f : active) {
                    z += weights[f] * norm;
                }
                double gradient = sigmoid(z) - (texts.get(i).positive() ? 1 : 0);
                biasSquared += gradient * gradient;
                bias -= options.learningRate() * gradient / Math.sqrt(biasSquared + 1e-8);
                for (int f : active) {
                    double g = gradient * norm + options.l2() * weights[f];
                    squared[f] += g * g;
                    weights[f] -= options.learningRate() * g / Math.sqrt(squared[f] + 1e-8);
                }
            }
        }
        Map<String, Double> learned = new HashMap<>();
        index.forEach((feature, f) -> {
            if (Math.abs(weights[f]) > 1e-4) {
                learned.put(feature, weights[f]);
            }
        });
        return new SentimentModel(learned, bias);
    }

    private static int[] active(String[] features, Map<String, Integer> index) {
        Set<Integer> ids = new HashSet<>();
        for (String feature : features) {
            Integer id = index.get(feature);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
