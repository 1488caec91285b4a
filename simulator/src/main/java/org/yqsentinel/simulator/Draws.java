package org.yqsentinel.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The random draws both simulators make — one of several options, a shuffle, an index by weights — in
 * one place, so that the demo episode and the simulation draw alike and a seed keeps giving the same files.
 */
final class Draws {

    private Draws() {}

    static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    static List<String> shuffled(Random rnd, String... options) {
        List<String> list = new ArrayList<>(Arrays.asList(options));
        Collections.shuffle(list, rnd);
        return list;
    }

    /** An index drawn with weights that sum to 1. */
    static int weighted(Random rnd, double[] weights) {
        return index(weights, rnd.nextDouble(), weights.length - 1);
    }

    /**
     * The first index at which the running sum of the weights passes {@code roll} (drawn between 0 and
     * their sum); {@code otherwise} when rounding leaves part of the roll unspent.
     */
    static int index(double[] weights, double roll, int otherwise) {
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return otherwise;
    }
}
