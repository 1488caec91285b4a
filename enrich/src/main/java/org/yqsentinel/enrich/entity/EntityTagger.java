package org.yqsentinel.enrich.entity;

import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yqsentinel.enrich.DictionarySegmenter;

/**
 * Finds person, place and organization names in Chinese text: a character-level linear tagger over BIO
 * labels (weights learned by the training module's {@code TaggerTrainer}), decoded by {@link Viterbi}. Its features come from the characters
 * and from the segmentation the caller already made, so tagging costs no second segmentation. The weights are
 * 16-bit steps in a {@link WeightTable} small enough to stay in the CPU's cache, those of single characters and
 * of character types summed per character at load ({@link CharTables}). Immutable, so {@link #find} is thread-safe.
 */
public final class EntityTagger {

    private static final String BUNDLED = "/entity/tagger.bin.gz";
    /** O and B-/I- for three kinds of name, with one to spare. */
    static final int MAX_LABELS = 8;

    private final String[] labels;
    private final Gazetteer gazetteer;
    private final WeightTable weights;
    private final CharTables chars;
    private final float[] transitions;
    private final Viterbi viterbi;
    /** Per label: the kind of name a B- label begins (null for others), and for an I- label the B- label it continues (-1 for others). */
    private final Entity.Kind[] begins;
    private final int[] continues;

    /** Labels (index 0 is {@code O}), feature keys in ascending order with a row of weights per key, and (labels+1)×labels transitions, the first row from the start. */
    EntityTagger(String[] labels, Gazetteer gazetteer, int[] keys, float[] weights, float[] transitions) {
        if (labels.length > MAX_LABELS || !labels[0].equals("O") || weights.length != keys.length * labels.length || transitions.length != (labels.length + 1) * labels.length) {
            throw new IllegalArgumentException("inconsistent tagger: " + labels.length + " labels, " + keys.length + " features");
        }
        this.labels = labels;
        this.gazetteer = gazetteer;
        this.transitions = transitions;
        this.viterbi = new Viterbi(labels.length, transitions, BioLabels.allowed(labels));
        this.begins = BioLabels.begins(labels);
        this.continues = BioLabels.continues(labels);
        this.weights = new WeightTable(keys, weights, labels.length);
        this.chars = new CharTables(this.weights);
    }

    /**
     * A tagger of learned weights, as a trainer makes it. The weights are rounded to the 16-bit steps the file
     * stores, so that the tagger finds the same names before it is written and after it is read.
     *
     * @param labels      {@code O} first, then B-/I- labels ({@link BioLabels}), at most {@value #MAX_LABELS}
     * @param gazetteer   the word lists the features were extracted with ({@link CharFeatures#extract})
     * @param keys        the feature keys, non-zero and ascending
     * @param weights     a row of one weight per label for each key
     * @param transitions {@code (labels + 1) × labels} transition scores, the first row from the start (as {@link Viterbi} reads them)
     * @throws IllegalArgumentException when the sizes do not fit together or the keys are not ascending
     */
    public static EntityTagger of(String[] labels, Gazetteer gazetteer, int[] keys, float[] weights, float[] transitions) {
        return new EntityTagger(labels, gazetteer, keys, WeightTable.quantized(weights), transitions);
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
                return TaggerFile.read(in, "tagger.bin.gz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The names in {@code text}, in order, segmenting it with the bundled dictionaries; offsets are {@code String} char offsets. */
    public List<Entity> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return find(text, DictionarySegmenter.bundled().seg(text));
    }

    /**
     * The names in {@code text}, in order, reading the caller's segmentation of it ({@code terms} with char
     * offsets, as {@link DictionarySegmenter} makes them); offsets are {@code String} char offsets.
     */
    public List<Entity> find(String text, List<Term> terms) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int[] cps = codePoints(text);
        int[] best = tag(text, cps, terms);
        int[] offsets = new int[cps.length + 1];
        for (int i = 0; i < cps.length; i++) {
            offsets[i + 1] = offsets[i] + Character.charCount(cps[i]);
        }
        List<Entity> found = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            Entity.Kind kind = begins[best[i]];
            if (kind == null) {
                continue;
            }
            int end = i + 1;
            while (end < best.length && continues[best[end]] == best[i]) {
                end++;
            }
            found.add(new Entity(kind, text.substring(offsets[i], offsets[end]), offsets[i], offsets[end]));
            i = end - 1;
        }
        return found;
    }

    private static int[] codePoints(String text) {
        int[] cps = new int[text.length()];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            cps[count++] = c;
            i += Character.charCount(c);
        }
        return count == cps.length ? cps : Arrays.copyOf(cps, count);
    }

    /** The index of the best label of each code point of {@code text}. */
    int[] tag(String text, int[] cps, List<Term> terms) {
        return viterbi.decode(scores(text, cps, terms), cps.length);
    }

    /** The score of each label at each code point ({@code [i * labels + y]}), before the transitions. */
    float[] scores(String text, int[] cps, List<Term> terms) {
        int[] c = CharFeatures.normalized(cps);
        CharFeatures.Keys features = CharFeatures.extract(text, c, terms, gazetteer, false);
        int n = cps.length;
        int l = labels.length;
        float[] scores = new float[n * l];
        int[] keys = features.keys();
        int[] starts = features.starts();
        float[] sums = new float[MAX_LABELS];
        int[] types = features.types();
        WeightTable weights = this.weights;
        short[] rows = weights.rows();
        float step = weights.step();
        short[] typeRows = chars.typeRows();
        for (int i = 0; i < n; i++) {
            int t = CharFeatures.typesIndex(i == 0 ? CharFeatures.BEFORE : types[i - 1], types[i],
                    i == n - 1 ? CharFeatures.AFTER : types[i + 1]) * MAX_LABELS;
            int s0 = typeRows[t], s1 = typeRows[t + 1], s2 = typeRows[t + 2], s3 = typeRows[t + 3];
            int s4 = typeRows[t + 4], s5 = typeRows[t + 5], s6 = typeRows[t + 6], s7 = typeRows[t + 7];
            for (int f = starts[i]; f < starts[i + 1]; f++) {
                int row = weights.row(keys[f]);
                if (row >= 0) {
                    row *= MAX_LABELS;
                    s0 += rows[row];
                    s1 += rows[row + 1];
                    s2 += rows[row + 2];
                    s3 += rows[row + 3];
                    s4 += rows[row + 4];
                    s5 += rows[row + 5];
                    s6 += rows[row + 6];
                    s7 += rows[row + 7];
                }
            }
            sums[0] = s0 * step;
            sums[1] = s1 * step;
            sums[2] = s2 * step;
            sums[3] = s3 * step;
            sums[4] = s4 * step;
            sums[5] = s5 * step;
            sums[6] = s6 * step;
            sums[7] = s7 * step;
            chars.addCharacters(sums, c, i);
            System.arraycopy(sums, 0, scores, i * l, l);
        }
        return scores;
    }

    /** The weights of one feature key, a row of {@link #MAX_LABELS} (zeros when the key is unknown). */
    float[] weightsOf(int key) {
        return weights.weightsOf(key);
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    WeightTable weights() {
        return weights;
    }

    /** The transitions, (labels+1)×labels, the first row from the start; not to be changed. */
    float[] transitions() {
        return transitions;
    }

    /** How many features carry weights. */
    public int size() {
        return weights.size();
    }

    public List<String> labels() {
        return List.of(labels);
    }

    /** Writes the tagger as a gzipped binary file that {@link #read} reads back; {@code out} is left open. */
    public void write(OutputStream out) throws IOException {
        TaggerFile.write(this, out);
    }

    /** Reads a tagger written by {@link #write}; {@code name} is used in error messages. */
    public static EntityTagger read(InputStream in, String name) throws IOException {
        return TaggerFile.read(in, name);
    }
}
