package org.yqsentinel.app.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.yqsentinel.enrich.TextAnalyzer;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Item;
import org.yqsentinel.simulator.ScenarioGenerator;

/**
 * {@code yq bench enrich}: in one process and one thread, raw HanLP segmentation alone and the full
 * enrichment the monitor job applies to every item ({@link TextAnalyzer#enrich}) over the same texts
 * (synthetic posts of the scenario generator), after a warm-up pass; items/s and chars/s of each, and
 * their ratio as the last line. De-identification, which runs only on the posts quoted in case records
 * and alerts, is measured on its own.
 */
public final class EnrichBench {

    private final PrintStream out;

    public EnrichBench(PrintStream out) {
        this.out = out;
    }

    /** Reads about {@code megabytes} of text (UTF-16 characters × 2), each way {@code rounds} times after one warm-up round. */
    public void run(int megabytes, int rounds) {
        List<Item> items = corpus(megabytes * 1024L * 1024 / 2);
        long chars = items.stream().mapToLong(i -> i.text().length() + (i.title() == null ? 0 : i.title().length())).sum();
        out.printf(Locale.ROOT, "corpus: %d posts, %d characters (scenario seeds from 1)%n", items.size(), chars);
        Segment segment = HanLP.newSegment().enableOffset(false);
        TextAnalyzer analyzer = new TextAnalyzer();
        PersonalDataMasker masker = new PersonalDataMasker();
        double raw = best(items, rounds, item -> segment.seg(item.title() == null ? item.text() : item.title() + "\n" + item.text()));
        double full = best(items, rounds, analyzer::enrich);
        double masking = best(items, rounds, item -> masker.mask(item.text()));
        report("raw HanLP segmentation", items.size(), chars, raw);
        report("full enrichment", items.size(), chars, full);
        report("de-identification", items.size(), chars, masking);
        out.printf(Locale.ROOT, "ratio=%.2f%n", raw / full);
    }

    /** Seconds of the best measured round. */
    private static double best(List<Item> items, int rounds, Consumer<Item> work) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round <= rounds; round++) {
            long started = System.nanoTime();
            items.forEach(work);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round > 0) {
                best = Math.min(best, seconds);
            }
        }
        return best;
    }

    private void report(String what, int items, long chars, double seconds) {
        out.printf(Locale.ROOT, "%-24s %8.0f items/s %12.0f chars/s (%.2f s per round)%n", what, items / seconds,
                chars / seconds, seconds);
    }

    private static List<Item> corpus(long characters) {
        List<Item> items = new ArrayList<>();
        long total = 0;
        for (long seed = 1; total < characters; seed++) {
            for (Item item : new ScenarioGenerator(seed).generate().items()) {
                items.add(item);
                total += item.text().length();
            }
        }
        return items;
    }
}
