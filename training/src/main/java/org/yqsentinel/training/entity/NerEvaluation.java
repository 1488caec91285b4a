package org.yqsentinel.training.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yqsentinel.enrich.entity.Entity;
import org.yqsentinel.enrich.entity.EntityTagger;

/**
 * Measures name finding on a BIO file: exact spans (start, end, kind) of person, place and organization
 * names, for the trained tagger and for HanLP's dictionary recognizer as the baseline.
 */
public final class NerEvaluation {

    /** How one system did on one kind of name. */
    public record Tally(int correct, int found, int gold) {
        public double precision() {
            return found == 0 ? 0 : (double) correct / found;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Tally plus(Tally other) {
            return new Tally(correct + other.correct, found + other.found, gold + other.gold);
        }
    }

    /** One system's tallies per kind; {@link #micro()} pools the three kinds. */
    public record Scores(Map<Entity.Kind, Tally> byKind) {
        public Scores {
            byKind = Map.copyOf(byKind);
        }

        public Tally of(Entity.Kind kind) {
            return byKind.getOrDefault(kind, new Tally(0, 0, 0));
        }

        public Tally micro() {
            Tally sum = new Tally(0, 0, 0);
            for (Entity.Kind kind : Entity.Kind.values()) {
                sum = sum.plus(of(kind));
            }
            return sum;
        }
    }

    /** The outcome on one file: the tagger's scores and the baseline's. */
    public record Result(String data, int posts, Scores model, Scores baseline) {

        /** Per-kind lines for both systems; the last line is the tagger's micro F1 as {@code f1=0.NN}. */
        public String report() {
            StringBuilder out = new StringBuilder();
            Tally gold = model.micro();
            out.append(String.format(Locale.ROOT, "data %s: %d posts, %d names (person %d, place %d, organization %d)%n",
                    data, posts, gold.gold(), model.of(Entity.Kind.PERSON).gold(), model.of(Entity.Kind.PLACE).gold(),
                    model.of(Entity.Kind.ORGANIZATION).gold()));
            table(out, "tagger", model);
            table(out, "baseline", baseline);
            out.append(String.format(Locale.ROOT, "baseline (HanLP dictionary recognizer): micro F1 %.2f%n", baseline.micro().f1()));
            out.append(String.format(Locale.ROOT, "f1=%.2f", model.micro().f1()));
            return out.toString();
        }

        private static void table(StringBuilder out, String system, Scores scores) {
            out.append(String.format(Locale.ROOT, "%-9s %-13s %6s %6s %7s %9s %6s %6s%n",
                    "system", "class", "gold", "found", "correct", "precision", "recall", "F1"));
            for (Entity.Kind kind : Entity.Kind.values()) {
                row(out, system, kind.name().toLowerCase(Locale.ROOT), scores.of(kind));
            }
            row(out, system, "micro", scores.micro());
        }

        private static void row(StringBuilder out, String system, String name, Tally t) {
            out.append(String.format(Locale.ROOT, "%-9s %-13s %6d %6d %7d %9.2f %6.2f %6.2f%n",
                    system, name, t.gold(), t.found(), t.correct(), t.precision(), t.recall(), t.f1()));
        }
    }

    private NerEvaluation() {}

    /** Runs {@code tagger} and the HanLP baseline over the posts of a BIO file. */
    public static Result run(EntityTagger tagger, Path file) throws IOException {
        List<BioCorpus.Sentence> posts = BioCorpus.read(file);
        return new Result(String.valueOf(file.getFileName()), posts.size(), score(posts, tagger::find),
                score(posts, NerEvaluation::baseline));
    }

    /** Tallies what {@code system} finds in each post against the names tagged there. */
    public static Scores score(List<BioCorpus.Sentence> posts, Function<String, List<Entity>> system) {
        Map<Entity.Kind, int[]> counts = new EnumMap<>(Entity.Kind.class);
        for (Entity.Kind kind : Entity.Kind.values()) {
            counts.put(kind, new int[3]);
        }
        for (BioCorpus.Sentence post : posts) {
            Set<Entity> gold = new HashSet<>(post.names());
            Set<Entity> found = new HashSet<>(system.apply(post.text()));
            for (Entity entity : found) {
                counts.get(entity.kind())[1]++;
                if (gold.contains(entity)) {
                    counts.get(entity.kind())[0]++;
                }
            }
            for (Entity entity : gold) {
                counts.get(entity.kind())[2]++;
            }
        }
        Map<Entity.Kind, Tally> tallies = new EnumMap<>(Entity.Kind.class);
        counts.forEach((kind, c) -> tallies.put(kind, new Tally(c[0], c[1], c[2])));
        return new Scores(tallies);
    }

    /** HanLP's dictionary recognizers: words tagged nr or nrf are persons, ns* places, nt* organizations. */
    public static List<Entity> baseline(String text) {
        List<Term> terms = HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true)
                .enableOffset(true).seg(text);
        List<Entity> names = new ArrayList<>();
        for (Term term : terms) {
            String nature = term.nature == null ? "" : term.nature.toString();
            Entity.Kind kind = nature.equals("nr") || nature.equals("nrf") ? Entity.Kind.PERSON
                    : nature.startsWith("ns") ? Entity.Kind.PLACE
                    : nature.startsWith("nt") ? Entity.Kind.ORGANIZATION : null;
            int end = term.offset + term.word.length();
            if (kind != null && term.offset >= 0 && end <= text.length() && text.startsWith(term.word, term.offset)) {
                names.add(new Entity(kind, term.word, term.offset, end));
            }
        }
        return names;
    }
}
