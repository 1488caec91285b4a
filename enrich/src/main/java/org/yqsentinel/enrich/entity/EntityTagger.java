package org.yqsentinel.enrich.entity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Finds person, place and organization names in Chinese text: a character-level linear tagger over BIO
 * labels (weights by {@link TaggerTrainer}), decoded by Viterbi. Immutable, so {@link #find} is thread-safe.
 */
public final class EntityTagger {

    private static final String MAGIC = "sentinel entity tagger v1";
    private static final String BUNDLED = "/entity/tagger.bin.gz";

    private final String[] labels;
    private final Gazetteer gazetteer;
    private final int[] keys;
    private final float[] weights;
    private final float[] transitions;

    /** Labels (index 0 is {@code O}), feature keys in ascending order with a row of weights per key, and (labels+1)×labels transitions, the first row from the start. */
    EntityTagger(String[] labels, Gazetteer gazetteer, int[] keys, float[] weights, float[] transitions) {
        if (!labels[0].equals("O") || weights.length != keys.length * labels.length || transitions.length != (labels.length + 1) * labels.length) {
            throw new IllegalArgumentException("inconsistent tagger: " + labels.length + " labels, " + keys.length + " features");
        }
        this.labels = labels;
        this.gazetteer = gazetteer;
        this.keys = keys;
        this.weights = weights;
        this.transitions = transitions;
    }

    /** The tagger shipped with Sentinel, trained on the Weibo NER training set (see docs); loaded once. */
    public static EntityTagger bundled() {
        return Bundled.TAGGER;
    }

    private static final class Bundled {
        static final EntityTagger TAGGER = load();

        private static EntityTagger load() {
            try (InputStream in = EntityTagger.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled entity tagger " + BUNDLED + " is missing");
                }
                return read(in, "tagger.bin.gz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The names in {@code text}, in order; offsets are {@code String} char offsets. */
    public List<Entity> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int[] cps = text.codePoints().toArray();
        String[] tags = tag(text, cps);
        int[] offsets = new int[cps.length + 1];
        for (int i = 0; i < cps.length; i++) {
            offsets[i + 1] = offsets[i] + Character.charCount(cps[i]);
        }
        List<Entity> found = new ArrayList<>();
        for (BioCorpus.Span span : BioCorpus.spans(Arrays.asList(tags))) {
            Entity.Kind kind = BioCorpus.kindOf(span.type());
            if (kind != null) {
                int start = offsets[span.start()];
                int end = offsets[span.end()];
                found.add(new Entity(kind, text.substring(start, end), start, end));
            }
        }
        return found;
    }

    /** The best label of each code point of {@code text}. */
    String[] tag(String text, int[] cps) {
        int[][] features = CharFeatures.extract(text, cps, gazetteer);
        int n = cps.length;
        int l = labels.length;
        float[][] scores = new float[n][l];
        for (int i = 0; i < n; i++) {
            for (int key : features[i]) {
                int row = Arrays.binarySearch(keys, key);
                if (row >= 0) {
                    for (int y = 0; y < l; y++) {
                        scores[i][y] += weights[row * l + y];
                    }
                }
            }
        }
        int[] best = viterbi(scores, transitions, allowed(labels));
        String[] tags = new String[n];
        for (int i = 0; i < n; i++) {
            tags[i] = labels[best[i]];
        }
        return tags;
    }

    /** Which label may follow which: row 0 is the start, row p+1 follows label p; an I- only continues its own type. */
    static boolean[] allowed(String[] labels) {
        int l = labels.length;
        boolean[] ok = new boolean[(l + 1) * l];
        for (int p = -1; p < l; p++) {
            for (int y = 0; y < l; y++) {
                String type = labels[y].startsWith("I-") ? labels[y].substring(2) : null;
                ok[(p + 1) * l + y] = type == null || p >= 0 && labels[p].length() > 2 && labels[p].substring(2).equals(type);
            }
        }
        return ok;
    }

    /** The highest-scoring allowed label sequence for per-position {@code scores} and {@code transitions}. */
    static int[] viterbi(float[][] scores, float[] transitions, boolean[] allowed) {
        int n = scores.length;
        if (n == 0) {
            return new int[0];
        }
        int l = scores[0].length;
        double[] previous = new double[l];
        double[] current = new double[l];
        int[][] back = new int[n][l];
        for (int y = 0; y < l; y++) {
            previous[y] = allowed[y] ? transitions[y] + scores[0][y] : Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int y = 0; y < l; y++) {
                double best = Double.NEGATIVE_INFINITY;
                int from = 0;
                for (int p = 0; p < l; p++) {
                    int t = (p + 1) * l + y;
                    if (allowed[t] && previous[p] + transitions[t] > best) {
                        best = previous[p] + transitions[t];
                        from = p;
                    }
                }
                current[y] = best + scores[i][y];
                back[i][y] = from;
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        int[] path = new int[n];
        for (int y = 1; y < l; y++) {
            if (previous[y] > previous[path[n - 1]]) {
                path[n - 1] = y;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i][path[i]];
        }
        return path;
    }

    /** How many features carry weights. */
    public int size() {
        return keys.length;
    }

    public List<String> labels() {
        return List.of(labels);
    }

    /** Writes the tagger as a gzipped binary file that {@link #read} reads back; {@code out} is left open. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeUTF(MAGIC);
        data.writeInt(labels.length);
        for (String label : labels) {
            data.writeUTF(label);
        }
        data.writeInt(gazetteer.lists().size());
        for (Map.Entry<String, List<String>> list : gazetteer.lists().entrySet()) {
            data.writeUTF(list.getKey());
            data.writeInt(list.getValue().size());
            for (String word : list.getValue()) {
                data.writeUTF(word);
            }
        }
        for (float t : transitions) {
            data.writeFloat(t);
        }
        data.writeInt(keys.length);  // then the keys as differences, and the weights as 16-bit steps of one scale
        for (int i = 0; i < keys.length; i++) {
            data.writeInt(i == 0 ? keys[0] : keys[i] - keys[i - 1]);
        }
        float scale = scale(weights);
        data.writeFloat(scale);
        for (float w : weights) {
            data.writeShort(Math.round(w / scale));
        }
        data.flush();
        gzip.finish();
    }

    /** Reads a tagger written by {@link #write}; {@code name} is used in error messages. */
    public static EntityTagger read(InputStream in, String name) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            if (!MAGIC.equals(data.readUTF())) {
                throw new IOException(name + ": not a Sentinel entity tagger");
            }
            String[] labels = new String[count(data, name, 1000)];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = data.readUTF();
            }
            Map<String, List<String>> lists = new LinkedHashMap<>();
            int listCount = count(data, name, 100);
            for (int i = 0; i < listCount; i++) {
                String list = data.readUTF();
                String[] words = new String[count(data, name, 10_000_000)];
                for (int w = 0; w < words.length; w++) {
                    words[w] = data.readUTF();
                }
                lists.put(list, List.of(words));
            }
            float[] transitions = new float[(labels.length + 1) * labels.length];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = data.readFloat();
            }
            int[] keys = new int[count(data, name, 50_000_000 / Math.max(1, labels.length))];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i == 0 ? data.readInt() : keys[i - 1] + data.readInt();
            }
            float scale = data.readFloat();
            float[] weights = new float[keys.length * labels.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = data.readShort() * scale;
            }
            return new EntityTagger(labels, new Gazetteer(lists), keys, weights, transitions);
        } catch (EOFException e) {
            throw new IOException(name + ": truncated tagger", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    /** The step of the 16-bit weights in the file: the largest weight is {@link Short#MAX_VALUE} steps. */
    static float scale(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max == 0 ? 1 : max / Short.MAX_VALUE;
    }

    /** The weights as the file stores them, so that a trained tagger and its file tag alike. */
    static float[] quantized(float[] weights) {
        float scale = scale(weights);
        float[] out = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = (short) Math.round(weights[i] / scale) * scale;
        }
        return out;
    }

    private static int count(DataInputStream data, String name, int max) throws IOException {
        int count = data.readInt();
        if (count < 0 || count > max) {
            throw new IOException(name + ": corrupt tagger (count " + count + ")");
        }
        return count;
    }
}
