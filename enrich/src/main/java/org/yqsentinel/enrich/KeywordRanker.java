package org.yqsentinel.enrich;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TextRank keywords over the content words of a segmented text (stop words and punctuation already
 * left out by the analyzer): nouns, verbs, adjectives and the project's dictionary words of two
 * characters or more are nodes, words within a window
 * of {@value #WINDOW} are linked, and PageRank scores them. Ties are broken by the word, so the same
 * text always gives the same keywords. Works on int arrays: several times faster than HanLP's version.
 */
final class KeywordRanker {

    static final int WINDOW = 5;
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-3;  // as HanLP's TextRank: the order is settled well before

    List<String> top(List<Term> terms, int count) {
        Map<String, Integer> index = new HashMap<>(terms.size() * 2);
        List<String> words = new ArrayList<>();
        int[] sequence = new int[terms.size()];
        int length = 0;
        for (Term term : terms) {
            if (isCandidate(term)) {
                Integer id = index.get(term.word);
                if (id == null) {
                    id = words.size();
                    index.put(term.word, id);
                    words.add(term.word);
                }
                sequence[length++] = id;
            }
        }
        int n = words.size();
        if (n == 0) {
            return List.of();
        }
        // links within the window, grouped by word (counting sort), then made distinct with a stamp per word
        int[] start = new int[n + 1];  // the neighbours of i end up in neighbour[start[i]..start[i+1])
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < Math.min(length, i + WINDOW); j++) {
                if (sequence[i] != sequence[j]) {
                    start[sequence[i] + 1]++;
                    start[sequence[j] + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] all = new int[start[n]];
        int[] filled = Arrays.copyOf(start, n);
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < Math.min(length, i + WINDOW); j++) {
                if (sequence[i] != sequence[j]) {
                    all[filled[sequence[i]]++] = sequence[j];
                    all[filled[sequence[j]]++] = sequence[i];
                }
            }
        }
        int[] stamp = new int[n];
        int[] neighbour = new int[all.length];
        int distinct = 0;
        for (int a = 0; a < n; a++) {
            int from = start[a];
            start[a] = distinct;
            for (int e = from; e < filled[a]; e++) {
                if (stamp[all[e]] != a + 1) {
                    stamp[all[e]] = a + 1;
                    neighbour[distinct++] = all[e];
                }
            }
        }
        start[n] = distinct;
        // Gauss-Seidel: a word's new score is read by the words after it in the same sweep, which settles the
        // order in about half the sweeps of the textbook iteration, towards the same fixed point
        double[] score = new double[n];
        Arrays.fill(score, 1.0);
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            int degree = start[i + 1] - start[i];
            share[i] = degree == 0 ? 0 : 1.0 / degree;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    sum += share[neighbour[e]];
                }
                double next = (1 - DAMPING) + DAMPING * sum;
                change = Math.max(change, Math.abs(next - score[i]));
                score[i] = next;
                int degree = start[i + 1] - start[i];
                share[i] = degree == 0 ? 0 : next / degree;
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        // the best `count` by score, ties by the word: a selection, cheaper than sorting them all
        boolean[] taken = new boolean[n];
        List<String> top = new ArrayList<>(Math.min(count, n));
        for (int k = 0; k < Math.min(count, n); k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || score[i] > score[best]
                        || score[i] == score[best] && words.get(i).compareTo(words.get(best)) < 0)) {
                    best = i;
                }
            }
            taken[best] = true;
            top.add(words.get(best));
        }
        return top;
    }

    static boolean isCandidate(Term term) {
        if (term.nature == null) {
            return false;
        }
        char kind = term.nature.toString().charAt(0);
        String word = term.word;
        boolean oneCharacter = word.length() < 2 || word.length() == 2 && Character.isSurrogatePair(word.charAt(0), word.charAt(1));
        return (kind == 'n' || kind == 'v' || kind == 'a' || kind == 'g' || kind == 'i' || kind == 'l')
                && !oneCharacter && !isNumber(word);
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
