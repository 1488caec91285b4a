package org.yqsentinel.rules.link;

import java.util.List;

/**
 * How common words are in a fixed body of text, against which a policy's distinctive words are told from
 * everyday ones. Fixed, not learnt from the stream: every subtask and every replay weighs a policy's words
 * the same, so the posts linked to it do not depend on what a subtask happened to see.
 */
public interface WordBackground {

    /**
     * How many times the word occurs in the background. A word the background does not know counts as often as
     * the rarest of its known parts (课后服务 as 课后), and as 0 when none of them is known.
     */
    long frequency(String word);

    /**
     * The known words of at least two characters that a word the background does not know is made of
     * (课后服务: 课后, 服务), in order; empty for a known word or one without known parts.
     */
    List<String> parts(String word);
}
