package org.yqsentinel.training.linking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well links to one policy match posts labelled by hand or by a simulator: the recall on the posts about the
 * policy, and the false-link rate, the share of the other posts that were linked. The posts missed and the ones
 * linked wrongly are kept, by id, to be read.
 */
public record LinkingScore(int about, int unrelated, List<String> missed, List<String> falselyLinked) {

    public LinkingScore {
        missed = List.copyOf(missed);
        falselyLinked = List.copyOf(falselyLinked);
    }

    /**
     * @param aboutThePolicy every labelled post's id, and whether it is about the policy
     * @param linked         the ids of the posts linked to the policy (ids not labelled are ignored)
     */
    public static LinkingScore of(Map<String, Boolean> aboutThePolicy, Collection<String> linked) {
        Set<String> linkedIds = Set.copyOf(linked);
        List<String> missed = new ArrayList<>();
        List<String> falselyLinked = new ArrayList<>();
        int about = 0;
        for (Map.Entry<String, Boolean> post : new TreeMap<>(aboutThePolicy).entrySet()) {
            boolean isLinked = linkedIds.contains(post.getKey());
            if (post.getValue()) {
                about++;
                if (!isLinked) {
                    missed.add(post.getKey());
                }
            } else if (isLinked) {
                falselyLinked.add(post.getKey());
            }
        }
        return new LinkingScore(about, aboutThePolicy.size() - about, missed, falselyLinked);
    }

    /**
     * The labels of a file of tab-separated {@code itemId, label, group} lines (label {@code about} or {@code unrelated}),
     * after a header line {@code itemId…}; lines starting with # are comments.
     *
     * @throws IllegalArgumentException naming the file and line of a label that cannot be read
     */
    public static Map<String, Boolean> readLabels(Path file) throws IOException {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("itemId\t")) {
                continue;
            }
            String[] fields = line.split("\t");
            String where = file + ":" + (i + 1) + ": ";
            if (fields.length < 2 || !fields[1].equals("about") && !fields[1].equals("unrelated")) {
                throw new IllegalArgumentException(where + "expected an item id, a tab and the label about or unrelated, not '"
                        + line + "'");
            }
            if (labels.put(fields[0], fields[1].equals("about")) != null) {
                throw new IllegalArgumentException(where + "item " + fields[0] + " is labelled twice");
            }
        }
        return labels;
    }

    /** The share of the posts about the policy that were linked (1 when there are none). */
    public double recall() {
        return about == 0 ? 1 : (about - missed.size()) / (double) about;
    }

    /** The share of the posts not about the policy that were linked (0 when there are none). */
    public double falseLinkRate() {
        return unrelated == 0 ? 0 : falselyLinked.size() / (double) unrelated;
    }

    /** {@code recall 0.912 (104 of 114 about the policy), false links 0.008 (1 of 131 others)}. */
    public String summary() {
        return String.format(Locale.ROOT, "recall %.3f (%d of %d about the policy), false links %.3f (%d of %d others)",
                recall(), about - missed.size(), about, falseLinkRate(), falselyLinked.size(), unrelated);
    }
}
