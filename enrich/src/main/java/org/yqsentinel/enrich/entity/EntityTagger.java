package org.yqsentinel.enrich.entity;

import com.hankcs.hanlp.seg.common.Term;
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
import org.yqsentinel.enrich.DictionarySegmenter;
import org.yqsentinel.enrich.KnownKeys;

/**
 * Finds person, place and organization names in Chinese text: a character-level linear tagger over BIO
 * labels (weights by {@link TaggerTrainer}), decoded by Viterbi. Its features come from the characters
 * and from the segmentation the caller already made, so tagging costs no second segmentation. Feature keys
 * are found in a compact open-addressing table (key and row in one {@code long}) small enough to stay in
 * the CPU's cache. Immutable, so {@link #find} is thread-safe.
 */
public final class EntityTagger {

    private static final String MAGIC = "sentinel entity tagger v2";
    private static final String BUNDLED = "/entity/tagger.bin.gz";
    /** O and B-/I- for three kinds of name, with one to spare. */
    static final int MAX_LABELS = 8;

    private final String[] labels;
    private final Gazetteer gazetteer;
    private final int[] keys;
    private final float[] weights;
    /**
     * The weights again as whole steps of {@link #step} (as the file stores them), one row of {@link #MAX_LABELS}
     * per key (unused labels 0): half the memory of floats, summed as ints in registers while tagging.
     */
    private final short[] rows;
    private final float step;
    private final float[] transitions;
    private final boolean[] allowed;
    /** Per label: the kind of name a B- label begins (null for others), and for an I- label the B- label it continues (-1 for others). */
    private final Entity.Kind[] begins;
    private final int[] continues;
    /**
     * The weights of the features of single characters, summed per character at load ({@link CharFeatures#charKeys}):
     * {@code charRow[c]} is the number of the character's triple of rows of {@link #MAX_LABELS} in {@code charWeights}
     * (as the previous character, itself, the next one); 0 for characters with no weights of their own.
     */
    private final char[] charRow = new char[0x10000];
    private final float[] charWeights;
    /** The weights of each combination of character types around a position ({@link CharFeatures#typesIndex}), in steps. */
    private final short[] typeRows;
    /** The triples of the text's edges: before its first character, after its last. */
    private final float[] before;
    private final float[] after;
    private final KnownKeys known = new KnownKeys();
    /** Open addressing: the key in the high half, its row + 1 in the low half; 0 when empty. */
    private final long[] table;
    private final int mask;

    /** Labels (index 0 is {@code O}), feature keys in ascending order with a row of weights per key, and (labels+1)×labels transitions, the first row from the start. */
    EntityTagger(String[] labels, Gazetteer gazetteer, int[] keys, float[] weights, float[] transitions) {
        if (labels.length > MAX_LABELS || !labels[0].equals("O") || weights.length != keys.length * labels.length || transitions.length != (labels.length + 1) * labels.length) {
            throw new IllegalArgumentException("inconsistent tagger: " + labels.length + " labels, " + keys.length + " features");
        }
        this.labels = labels;
        this.gazetteer = gazetteer;
        this.keys = keys;
        this.weights = weights;
        this.step = scale(weights);
        this.rows = new short[keys.length * MAX_LABELS];
        for (int row = 0; row < keys.length; row++) {
            for (int y = 0; y < labels.length; y++) {
                rows[row * MAX_LABELS + y] = (short) Math.round(weights[row * labels.length + y] / step);
            }
        }
        this.transitions = transitions;
        this.allowed = allowed(labels);
        this.begins = new Entity.Kind[labels.length];
        this.continues = new int[labels.length];
        List<String> names = List.of(labels);
        for (int y = 0; y < labels.length; y++) {
            String type = labels[y].length() > 2 ? labels[y].substring(2) : "";
            begins[y] = labels[y].startsWith("B-") ? BioCorpus.kindOf(type) : null;
            continues[y] = labels[y].startsWith("I-") ? names.indexOf("B-" + type) : -1;
        }
        int slots = Integer.highestOneBit(Math.max(4, keys.length * 3 / 2)) * 2;  // at most two thirds full: small, to stay in the cache
        this.mask = slots - 1;
        this.table = new long[slots];
        for (int row = 0; row < keys.length; row++) {
            if (keys[row] == 0 || row > 0 && keys[row] <= keys[row - 1]) {
                throw new IllegalArgumentException("feature keys must be non-zero and strictly ascending");
            }
            int slot = slot(keys[row]);
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = (long) keys[row] << 32 | (row + 1);
            known.add(keys[row]);
        }
        this.charWeights = charWeights();
        this.typeRows = typeRows();
        this.before = triple(CharFeatures.BEFORE);
        this.after = triple(CharFeatures.AFTER);
    }

    /**
     * One triple of rows per character that has weights of its own, after triple 0 for all the others
     * (the bias alone); {@link #charRow} points into it.
     */
    private float[] charWeights() {
        float[] none = triple(-3);  // no character has this value: the bias alone
        float[] out = new float[none.length * 1024];
        System.arraycopy(none, 0, out, 0, none.length);
        int count = 1;
        for (int c = 0; c < charRow.length; c++) {
            float[] triple = triple(c);
            if (Arrays.equals(triple, none)) {
                continue;
            }
            if ((count + 1) * triple.length > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            System.arraycopy(triple, 0, out, count * triple.length, triple.length);
            if (count > Character.MAX_VALUE) {
                throw new IllegalArgumentException("more characters with weights than a tagger holds: " + count);
            }
            charRow[c] = (char) count++;
        }
        return Arrays.copyOf(out, count * none.length);
    }

    private short[] typeRows() {
        short[] out = new short[CharFeatures.TYPES_COMBINATIONS * MAX_LABELS];
        for (int previous : CharFeatures.NEIGHBOUR_TYPES) {
            for (int self = 1; self <= 6; self++) {
                for (int next : CharFeatures.NEIGHBOUR_TYPES) {
                    int row = row(CharFeatures.typesKey(previous, self, next));
                    if (row >= 0) {
                        System.arraycopy(rows, row * MAX_LABELS, out, CharFeatures.typesIndex(previous, self, next) * MAX_LABELS, MAX_LABELS);
                    }
                }
            }
        }
        return out;
    }

    /** The summed weights of the features of character {@code c}: as the previous character, itself, the next one. */
    private float[] triple(int c) {
        float[] triple = new float[3 * MAX_LABELS];
        int[][] keys = CharFeatures.charKeys(c);
        for (int part = 0; part < 3; part++) {
            for (int key : keys[part]) {
                int row = row(key);
                for (int y = 0; row >= 0 && y < MAX_LABELS; y++) {
                    triple[part * MAX_LABELS + y] += rows[row * MAX_LABELS + y] * step;
                }
            }
        }
        return triple;
    }

    /** The row of a feature key, or -1 when it has no weights. */
    private int row(int key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == key) {
                return (int) entry - 1;
            }
        }
    }

    private int slot(int key) {
        return (key * 0x9E3779B9 >>> 7) & mask;
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
        return viterbi(scores(text, cps, terms), cps.length, labels.length, transitions, allowed);
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
        for (int i = 0; i < n; i++) {
            int t = CharFeatures.typesIndex(i == 0 ? CharFeatures.BEFORE : types[i - 1], types[i],
                    i == n - 1 ? CharFeatures.AFTER : types[i + 1]) * MAX_LABELS;
            int s0 = typeRows[t], s1 = typeRows[t + 1], s2 = typeRows[t + 2], s3 = typeRows[t + 3];
            int s4 = typeRows[t + 4], s5 = typeRows[t + 5], s6 = typeRows[t + 6], s7 = typeRows[t + 7];
            for (int f = starts[i]; f < starts[i + 1]; f++) {
                int key = keys[f];
                if (!known.mayContain(key)) {
                    continue;
                }
                int row = row(key);
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
            addPart(sums, i == 0 ? before : null, i == 0 ? 0 : charBase(c[i - 1]), 0, c, i - 1);
            addPart(sums, null, charBase(c[i]), 1, c, i);
            addPart(sums, i == n - 1 ? after : null, i == n - 1 ? 0 : charBase(c[i + 1]), 2, c, i + 1);
            System.arraycopy(sums, 0, scores, i * l, l);
        }
        return scores;
    }

    /** The weights of one feature key, a row of {@link #MAX_LABELS} (zeros when the key is unknown). */
    float[] weightsOf(int key) {
        int row = row(key);
        float[] out = new float[MAX_LABELS];
        for (int y = 0; row >= 0 && y < MAX_LABELS; y++) {
            out[y] = rows[row * MAX_LABELS + y] * step;
        }
        return out;
    }

    /** Where character {@code c}'s triple starts in {@link #charWeights}, or -1 outside the basic plane. */
    private int charBase(int c) {
        return c < charRow.length ? charRow[c] * 3 * MAX_LABELS : -1;
    }

    /** Adds part {@code part} of a character's triple: {@code edge} if given, else from the table at {@code base}, else computed. */
    private void addPart(float[] sums, float[] edge, int base, int part, int[] c, int j) {
        float[] source = charWeights;
        int from = base + part * MAX_LABELS;
        if (edge != null) {
            source = edge;
            from = part * MAX_LABELS;
        } else if (base < 0) {
            source = triple(c[j]);
            from = part * MAX_LABELS;
        }
        for (int y = 0; y < MAX_LABELS; y++) {
            sums[y] += source[from + y];
        }
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

    /** The highest-scoring allowed label sequence for {@code n} positions of {@code l} label scores each ({@code scores[i * l + y]}). */
    static int[] viterbi(float[] scores, int n, int l, float[] transitions, boolean[] allowed) {
        if (n == 0) {
            return new int[0];
        }
        int[][] from = new int[l][];  // the labels each label may follow, null when it may follow any
        float[] into = new float[l * l];  // transitions by label then predecessor, read in order
        for (int y = 0; y < l; y++) {
            int count = 0;
            int[] list = new int[l];
            for (int p = 0; p < l; p++) {
                into[y * l + p] = transitions[(p + 1) * l + y];
                if (allowed[(p + 1) * l + y]) {
                    list[count++] = p;
                }
            }
            from[y] = count == l ? null : Arrays.copyOf(list, count);
        }
        // When the best path into O (label 0) leads every other by at least `lead`, the most any move can
        // gain over leaving from O, every label that may follow O is best reached from O: one sum instead of
        // a maximum over all predecessors, with the same result (O comes first, so it also wins ties).
        float lead = 0;
        boolean[] afterO = new boolean[l];
        for (int y = 0; y < l; y++) {
            afterO[y] = allowed[l + y];
            for (int p = 0; afterO[y] && p < l; p++) {
                if (allowed[(p + 1) * l + y]) {
                    lead = Math.max(lead, into[y * l + p] - into[y * l]);
                }
            }
        }
        float[] previous = new float[l];
        float[] current = new float[l];
        byte[] back = new byte[n * l];
        for (int y = 0; y < l; y++) {
            previous[y] = allowed[y] ? transitions[y] + scores[y] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            float others = Float.NEGATIVE_INFINITY;
            for (int p = 1; p < l; p++) {
                others = Math.max(others, previous[p]);
            }
            boolean fromO = previous[0] - others > lead + 1e-3f * (1 + Math.abs(previous[0]));  // a margin for rounding
            for (int y = 0; y < l; y++) {
                if (fromO && afterO[y]) {
                    current[y] = previous[0] + into[y * l] + scores[i * l + y];
                    back[i * l + y] = 0;
                    continue;
                }
                float best = Float.NEGATIVE_INFINITY;
                int argmax = 0;
                if (from[y] == null) {
                    for (int p = 0; p < l; p++) {
                        float score = previous[p] + into[y * l + p];
                        if (score > best) {
                            best = score;
                            argmax = p;
                        }
                    }
                } else {
                    for (int p : from[y]) {
                        float score = previous[p] + into[y * l + p];
                        if (score > best) {
                            best = score;
                            argmax = p;
                        }
                    }
                }
                current[y] = best + scores[i * l + y];
                back[i * l + y] = (byte) argmax;
            }
            float[] swap = previous;
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
            path[i - 1] = back[i * l + path[i]];
        }
        return path;
    }

    Gazetteer gazetteer() {
        return gazetteer;
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
