package org.yqsentinel.training.privacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yqsentinel.enrich.privacy.Finding;
import org.yqsentinel.enrich.privacy.Kind;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;

/**
 * Measures {@link PersonalDataMasker} on a case file ({@link MaskingCases}): precision and recall of the spans it
 * masks, per kind and over all kinds, counting a span as right only when its kind, start and end are the marked ones.
 */
public final class MaskingEvaluation {

    /** The order kinds are reported in. */
    public static final List<Kind> KINDS = List.of(Kind.PERSON_NAME, Kind.PHONE, Kind.ID_CARD, Kind.BANK_CARD, Kind.EMAIL,
            Kind.LICENSE_PLATE);

    /** How the masker did on one kind: spans right, spans it masked, spans marked. */
    public record Tally(int correct, int found, int expected) {
        public double precision() {
            return found == 0 ? 1 : (double) correct / found;
        }

        public double recall() {
            return expected == 0 ? 1 : (double) correct / expected;
        }

        Tally plus(Tally other) {
            return new Tally(correct + other.correct, found + other.found, expected + other.expected);
        }
    }

    /** A span masked but not marked ({@code wrong}), or marked but not masked ({@code missed}). */
    public record Error(String caseId, boolean missed, Kind kind, String span) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-6s %-6s %-5s %s", missed ? "missed" : "wrong", caseId,
                    MaskingCases.nameOf(kind), span);
        }
    }

    /** The outcome on one file. */
    public record Result(String data, int posts, Map<Kind, Tally> byKind, List<Error> errors) {
        public Result {
            byKind = Map.copyOf(byKind);
            errors = List.copyOf(errors);
        }

        public Tally of(Kind kind) {
            return byKind.getOrDefault(kind, new Tally(0, 0, 0));
        }

        public Tally all() {
            Tally sum = new Tally(0, 0, 0);
            for (Kind kind : KINDS) {
                sum = sum.plus(of(kind));
            }
            return sum;
        }

        /** A line per kind and one for all; the last two lines are {@code precision=0.NNNN} and {@code recall=0.NNNN}. */
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "data %s: %d posts, %d spans to mask%n", data, posts, all().expected()));
            out.append(String.format(Locale.ROOT, "%-6s %8s %6s %7s %9s %6s%n", "kind", "expected", "found", "correct",
                    "precision", "recall"));
            for (Kind kind : KINDS) {
                row(out, MaskingCases.nameOf(kind), of(kind));
            }
            row(out, "all", all());
            out.append(String.format(Locale.ROOT, "precision=%.4f%nrecall=%.4f", all().precision(), all().recall()));
            return out.toString();
        }

        private static void row(StringBuilder out, String name, Tally t) {
            out.append(String.format(Locale.ROOT, "%-6s %8d %6d %7d %9.4f %6.4f%n", name, t.expected(), t.found(),
                    t.correct(), t.precision(), t.recall()));
        }
    }

    private MaskingEvaluation() {}

    public static Result run(PersonalDataMasker masker, Path file) throws IOException {
        return score(String.valueOf(file.getFileName()), MaskingCases.read(file), masker);
    }

    public static Result score(String data, List<MaskingCases.Case> cases, PersonalDataMasker masker) {
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, new int[3]);
        }
        List<Error> errors = new ArrayList<>();
        for (MaskingCases.Case c : cases) {
            Set<Finding> expected = new HashSet<>(c.expected());
            List<Finding> found = masker.mask(c.text()).findings();
            for (Finding f : found) {
                counts.get(f.kind())[1]++;
                if (expected.contains(f)) {
                    counts.get(f.kind())[0]++;
                } else {
                    errors.add(new Error(c.id(), false, f.kind(), c.text().substring(f.start(), f.end())));
                }
            }
            Set<Finding> masked = new HashSet<>(found);
            for (Finding f : c.expected()) {
                counts.get(f.kind())[2]++;
                if (!masked.contains(f)) {
                    errors.add(new Error(c.id(), true, f.kind(), c.text().substring(f.start(), f.end())));
                }
            }
        }
        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        counts.forEach((kind, n) -> tallies.put(kind, new Tally(n[0], n[1], n[2])));
        return new Result(data, cases.size(), tallies, errors);
    }
}
