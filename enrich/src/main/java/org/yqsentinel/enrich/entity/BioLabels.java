package org.yqsentinel.enrich.entity;

import java.util.List;

/**
 * The tagger's labels: {@code O} outside a name, {@code B-TYPE} and {@code I-TYPE} beginning and continuing a
 * name, its type as the Weibo NER corpus writes it ({@code PER.NAM}, {@code LOC.NAM}, {@code ORG.NAM}). An
 * {@code I-} label only continues its own type.
 */
public final class BioLabels {

    private BioLabels() {}

    /** The kind of name a corpus type counts as: PER.NAM a person, LOC.NAM and GPE.NAM a place, ORG.NAM an organization. */
    public static Entity.Kind kindOf(String type) {
        return switch (type) {
            case "PER.NAM" -> Entity.Kind.PERSON;
            case "LOC.NAM", "GPE.NAM" -> Entity.Kind.PLACE;
            case "ORG.NAM" -> Entity.Kind.ORGANIZATION;
            default -> null;
        };
    }

    /**
     * Which label may follow which, {@code [(p + 1) * labels.length + y]} for label y after label p and
     * {@code [y]} for label y at the start: an I- only continues its own type.
     */
    public static boolean[] allowed(String[] labels) {
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

    /** Per label: the kind of name a B- label begins, null for the others. */
    static Entity.Kind[] begins(String[] labels) {
        Entity.Kind[] begins = new Entity.Kind[labels.length];
        for (int y = 0; y < labels.length; y++) {
            begins[y] = labels[y].startsWith("B-") ? kindOf(type(labels[y])) : null;
        }
        return begins;
    }

    /** Per label: for an I- label the B- label it continues, -1 for the others. */
    static int[] continues(String[] labels) {
        int[] continues = new int[labels.length];
        List<String> names = List.of(labels);
        for (int y = 0; y < labels.length; y++) {
            continues[y] = labels[y].startsWith("I-") ? names.indexOf("B-" + type(labels[y])) : -1;
        }
        return continues;
    }

    private static String type(String label) {
        return label.length() > 2 ? label.substring(2) : "";
    }
}
