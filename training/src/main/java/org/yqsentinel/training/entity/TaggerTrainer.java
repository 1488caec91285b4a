package org.yqsentinel.training.entity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.entity.BioLabels;
import org.yqsentinel.enrich.entity.CharFeatures;
import org.yqsentinel.enrich.entity.Entity;
import org.yqsentinel.enrich.entity.EntityTagger;
import org.yqsentinel.enrich.entity.Gazetteer;
import org.yqsentinel.enrich.entity.Viterbi;

/**
 * Trains an {@link EntityTagger}: an averaged structured perceptron over BIO labels, decoded by {@link Viterbi},
 * posts shuffled with a fixed seed so that the same files always give the same tagger, byte for byte.
 */
public final class TaggerTrainer {

    /** How to train: passes over the data and the seed of the shuffle. */
    public record Options(int epochs, long seed) {
        public static final Options DEFAULT = new Options(16, 20261125L);

        public Options {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, not " + epochs);
            }
        }
    }

    private TaggerTrainer() {}

    /** Trains with the default options on the posts of BIO files. */
    public static EntityTagger train(List<Path> files) throws IOException {
        List<BioCorpus.Sentence> sentences = new ArrayList<>();
        for (Path file : files) {
            sentences.addAll(BioCorpus.read(file));
        }
        return train(sentences, Options.DEFAULT);
    }

    /**
     * Trains on tagged posts, segmented by the bundled dictionaries' segmenter as {@link EntityTagger#find}
     * reads them. Names are learned, one label pair per kind ({@code GPE.NAM} is a place like {@code LOC.NAM});
     * nominal mentions such as 记者 are learned as {@code O}, which teaches the tagger what is not a name.
     */
    public static EntityTagger train(List<BioCorpus.Sentence> sentences, Options options) {
        Gazetteer gazetteer = Gazetteer.defaults();
        DictionarySegmenter segmenter = DictionarySegmenter.bundled();
        TreeSet<String> types = new TreeSet<>();
        List<String[]> golds = new ArrayList<>();
        for (BioCorpus.Sentence sentence : sentences) {
            String[] gold = new String[sentence.chars().size()];
            Arrays.fill(gold, "O");
            for (BioCorpus.Span span : BioCorpus.spans(sentence.tags())) {
                String type = nameType(span.type());
                if (type == null) {
                    continue;
                }
                types.add(type);
                for (int i = span.start(); i < span.end(); i++) {
                    gold[i] = (i == span.start() ? "B-" : "I-") + type;
                }
            }
            golds.add(gold);
        }
        List<String> labelList = new ArrayList<>(List.of("O"));
        for (String type : types) {
            labelList.add("B-" + type);
            labelList.add("I-" + type);
        }
        String[] labels = labelList.toArray(String[]::new);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int y = 0; y < labels.length; y++) {
            labelIndex.put(labels[y], y);
        }

        Map<Integer, Integer> featureIndex = new HashMap<>();
        List<int[][]> inputs = new ArrayList<>();
        List<int[]> outputs = new ArrayList<>();
        List<Integer> keyList = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            String text = sentences.get(s).text();
            CharFeatures.Keys keys = CharFeatures.extract(text, text.codePoints().toArray(), segmenter.seg(text), gazetteer);
            int[][] indices = new int[keys.size()][];
            for (int i = 0; i < indices.length; i++) {
                int from = keys.starts()[i];
                indices[i] = new int[keys.starts()[i + 1] - from];
                for (int j = 0; j < indices[i].length; j++) {
                    int key = keys.keys()[from + j];
                    Integer index = featureIndex.get(key);
                    if (index == null) {
                        index = featureIndex.size();
                        featureIndex.put(key, index);
                        keyList.add(key);
                    }
                    indices[i][j] = index;
                }
            }
            int[] gold = new int[indices.length];
            for (int i = 0; i < gold.length; i++) {
                gold[i] = labelIndex.get(golds.get(s)[i]);
            }
            inputs.add(indices);
            outputs.add(gold);
        }
        return learn(labels, gazetteer, keyList, inputs, outputs, options);
    }

    /** The label type a corpus type is learned as: one per kind of name, null for what is not a name. */
    private static String nameType(String type) {
        Entity.Kind kind = BioLabels.kindOf(type);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case PERSON -> "PER.NAM";
            case PLACE -> "LOC.NAM";
            case ORGANIZATION -> "ORG.NAM";
        };
    }

    private static EntityTagger learn(String[] labels, Gazetteer gazetteer, List<Integer> keyList,
                                      List<int[][]> inputs, List<int[]> outputs, Options options) {
        int l = labels.length;
        double[] average = new double[keyList.size() * l];
        double[] transitionAverage = new double[(l + 1) * l];
        perceptron(labels, inputs, outputs, options, average, transitionAverage);
        float[] transitions = new float[transitionAverage.length];
        for (int t = 0; t < transitions.length; t++) {
            transitions[t] = (float) transitionAverage[t];
        }
        Integer[] byKey = new Integer[keyList.size()];  // rows in key order, rows without weight left out
        for (int f = 0; f < byKey.length; f++) {
            byKey[f] = f;
        }
        Arrays.sort(byKey, (a, b) -> Integer.compare(keyList.get(a), keyList.get(b)));
        float[] weights = new float[average.length];
        int[] keys = new int[byKey.length];
        int rows = 0;
        for (int f : byKey) {
            boolean any = false;
            for (int y = 0; y < l; y++) {
                float value = (float) average[f * l + y];
                weights[rows * l + y] = value;
                any |= Math.abs(value) >= 1e-3f;
            }
            if (any) {
                keys[rows++] = keyList.get(f);
            }
        }
        return EntityTagger.of(labels, gazetteer, Arrays.copyOf(keys, rows), Arrays.copyOf(weights, rows * l), transitions);
    }

    /**
     * The averaged perceptron: writes the averaged feature weights to {@code average} and the transitions to
     * {@code transitionAverage}. Weights are whole numbers while training, so the average is exact.
     */
    private static void perceptron(String[] labels, List<int[][]> inputs, List<int[]> outputs, Options options,
                                   double[] average, double[] transitionAverage) {
        int l = labels.length;
        int[] w = new int[average.length];
        long[] u = new long[w.length];
        int[] tw = new int[transitionAverage.length];
        long[] tu = new long[tw.length];
        boolean[] allowed = BioLabels.allowed(labels);
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < inputs.size(); s++) {
            order.add(s);
        }
        Random random = new Random(options.seed());
        long c = 1;
        float[] transitions = new float[tw.length];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int s : order) {
                int[][] x = inputs.get(s);
                int[] gold = outputs.get(s);
                float[] scores = new float[x.length * l];
                for (int i = 0; i < x.length; i++) {
                    for (int f : x[i]) {
                        for (int y = 0; y < l; y++) {
                            scores[i * l + y] += w[f * l + y];
                        }
                    }
                }
                for (int t = 0; t < tw.length; t++) {
                    transitions[t] = tw[t];
                }
                int[] guess = new Viterbi(l, transitions, allowed).decode(scores, x.length);
                for (int i = 0; i < x.length; i++) {
                    if (guess[i] != gold[i]) {
                        for (int f : x[i]) {
                            w[f * l + gold[i]]++;
                            u[f * l + gold[i]] += c;
                            w[f * l + guess[i]]--;
                            u[f * l + guess[i]] -= c;
                        }
                    }
                    int goldT = (i == 0 ? 0 : gold[i - 1] + 1) * l + gold[i];
                    int guessT = (i == 0 ? 0 : guess[i - 1] + 1) * l + guess[i];
                    if (goldT != guessT) {
                        tw[goldT]++;
                        tu[goldT] += c;
                        tw[guessT]--;
                        tu[guessT] -= c;
                    }
                }
                c++;
            }
        }
        for (int i = 0; i < w.length; i++) {
            average[i] = w[i] - (double) u[i] / c;
        }
        for (int t = 0; t < tw.length; t++) {
            transitionAverage[t] = tw[t] - (double) tu[t] / c;
        }
    }

    /** Trains on BIO files and writes the tagger: {@code TaggerTrainer OUTPUT TRAIN_FILE...}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TaggerTrainer OUTPUT.bin.gz TRAIN_FILE...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        long start = System.nanoTime();
        EntityTagger tagger = train(files);
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            tagger.write(out);
        }
        System.out.printf("trained %d features, %d labels in %.1f s; wrote %s (%d bytes)%n", tagger.size(), tagger.labels().size(),
                (System.nanoTime() - start) / 1e9, args[0], Files.size(Path.of(args[0])));
    }
}
