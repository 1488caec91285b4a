package org.yqsentinel.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordRankerTest {

    private final KeywordRanker ranker = new KeywordRanker();
    private final DictionarySegmenter segmenter = DictionarySegmenter.bundled();

    @Test
    void theTopWordsAreThoseOfPageRankRunToItsFixedPointWhereTheirScoresDiffer() throws IOException {
        int compared = 0;
        for (String text : hardCaseTexts()) {
            List<Term> terms = segmenter.seg(text);
            Map<String, Double> exact = exactPageRank(terms);
            List<String> order = exact.keySet().stream()
                    .sorted(Comparator.comparing((String w) -> -exact.get(w)).thenComparing(w -> w)).toList();
            if (order.size() < 4 || !separated(order, exact, 4)) {
                continue;  // scores closer than the ranker's tolerance may come in either order
            }
            assertThat(ranker.top(terms, 3)).as(text).isEqualTo(order.subList(0, 3));
            compared++;
        }
        assertThat(compared).as("texts with four clearly ranked words").isGreaterThanOrEqualTo(20);
    }

    @Test
    void aTextWithoutContentWordsHasNoKeywords() {
        assertThat(ranker.top(segmenter.seg("，。！？"), 5)).isEmpty();
        assertThat(ranker.top(segmenter.seg("2024 12"), 5)).isEmpty();
    }

    private static boolean separated(List<String> order, Map<String, Double> scores, int first) {
        for (int i = 1; i < first; i++) {
            if (scores.get(order.get(i - 1)) - scores.get(order.get(i)) < 0.01) {
                return false;
            }
        }
        return true;
    }

    /** TextRank as published: candidates linked within the window, PageRank iterated until nothing moves. */
    private static Map<String, Double> exactPageRank(List<Term> terms) {
        List<String> words = terms.stream().filter(KeywordRanker::isCandidate).map(t -> t.word).toList();
        Map<String, Set<String>> links = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            links.computeIfAbsent(words.get(i), w -> new LinkedHashSet<>());
            for (int j = i + 1; j < Math.min(words.size(), i + KeywordRanker.WINDOW); j++) {
                if (!words.get(i).equals(words.get(j))) {
                    links.get(words.get(i)).add(words.get(j));
                    links.computeIfAbsent(words.get(j), w -> new LinkedHashSet<>()).add(words.get(i));
                }
            }
        }
        Map<String, Double> score = new HashMap<>();
        links.keySet().forEach(w -> score.put(w, 1.0));
        for (int iteration = 0; iteration < 10_000; iteration++) {
            Map<String, Double> next = new HashMap<>();
            double change = 0;
            for (String w : links.keySet()) {
                double sum = 0;
                for (String v : links.get(w)) {
                    sum += score.get(v) / links.get(v).size();
                }
                next.put(w, 0.15 + 0.85 * sum);
                change = Math.max(change, Math.abs(next.get(w) - score.get(w)));
            }
            score.putAll(next);
            if (change < 1e-12) {
                break;
            }
        }
        return score;
    }

    /** The hard cases four at a time: one post is too short for words to rank apart, four read like a thread. */
    private static List<String> hardCaseTexts() throws IOException {
        List<String> posts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../docs/data/hard-cases.tsv"), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (!line.startsWith("#") && fields.length == 4 && !fields[0].equals("polarity")) {
                posts.add(fields[3]);
            }
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i + 4 <= posts.size(); i += 4) {
            texts.add(String.join("\n", posts.subList(i, i + 4)));
        }
        return texts;
    }
}
