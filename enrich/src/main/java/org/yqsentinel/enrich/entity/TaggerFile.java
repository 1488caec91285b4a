package org.yqsentinel.enrich.entity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The tagger's file, gzipped binary: a magic line, the labels, the gazetteer's word lists, the transitions, then the
 * feature keys as differences and each key's weights as 16-bit steps of one scale. It holds hashed keys and
 * weights, no text of the training data.
 */
final class TaggerFile {

    private static final String MAGIC = "sentinel entity tagger v2";

    private TaggerFile() {}

    /** Writes {@code tagger}; {@code out} is left open. */
    static void write(EntityTagger tagger, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeUTF(MAGIC);
        List<String> labels = tagger.labels();
        data.writeInt(labels.size());
        for (String label : labels) {
            data.writeUTF(label);
        }
        Map<String, List<String>> lists = tagger.gazetteer().lists();
        data.writeInt(lists.size());
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            data.writeUTF(list.getKey());
            data.writeInt(list.getValue().size());
            for (String word : list.getValue()) {
                data.writeUTF(word);
            }
        }
        for (float t : tagger.transitions()) {
            data.writeFloat(t);
        }
        WeightTable weights = tagger.weights();
        int[] keys = weights.keys();
        data.writeInt(keys.length);  // then the keys as differences, and the weights as 16-bit steps of one scale
        for (int i = 0; i < keys.length; i++) {
            data.writeInt(i == 0 ? keys[0] : keys[i] - keys[i - 1]);
        }
        data.writeFloat(weights.step());
        for (int row = 0; row < keys.length; row++) {
            for (int y = 0; y < weights.labels(); y++) {
                data.writeShort(weights.steps(row, y));
            }
        }
        data.flush();
        gzip.finish();
    }

    /** Reads a tagger written by {@link #write}; {@code name} is used in error messages. */
    static EntityTagger read(InputStream in, String name) throws IOException {
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

    private static int count(DataInputStream data, String name, int max) throws IOException {
        int count = data.readInt();
        if (count < 0 || count > max) {
            throw new IOException(name + ": corrupt tagger (count " + count + ")");
        }
        return count;
    }
}
