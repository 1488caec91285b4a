package org.yqsentinel.training.hardcase;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.yqsentinel.model.Sentiment;

/**
 * One hand-labelled post of the hard-case set: the polarity and the topics a 舆情 desk reads in it, the kind
 * of post it is (event-report, sarcasm, …), and where it stands in its file.
 *
 * @param topics the expected topics, empty for none
 */
public record HardCase(String file, int line, Sentiment.Label polarity, SortedSet<String> topics, String kind, String text) {

    public HardCase {
        topics = Collections.unmodifiableSortedSet(new TreeSet<>(topics));
    }

    /** {@code file:line}, as errors and reports name a case. */
    public String where() {
        return file + ":" + line;
    }
}
