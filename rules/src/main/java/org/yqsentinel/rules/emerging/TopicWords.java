package org.yqsentinel.rules.emerging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;

/**
 * The words a post offers to topic detection, most telling first: its hashtags (#江北大道车祸# → 江北大道车祸), the places it
 * names, then its keywords; each at least the rules' minimum length, none of the ignored words, none without a Chinese
 * character or a letter, each once, at most the rules' number per post.
 */
public final class TopicWords {

    private static final Pattern HASHTAG = Pattern.compile("#([^#\\s]{2,30})#");
    private static final Pattern HAS_LETTER = Pattern.compile("[\\p{IsHan}\\p{L}]");

    private TopicWords() {}

    public static List<String> of(EnrichedItem post, EmergingRules rules) {
        Set<String> words = new LinkedHashSet<>();
        Item item = post.item();
        for (String text : new String[] {item.title(), item.text()}) {
            if (text != null) {
                Matcher tags = HASHTAG.matcher(text);
                while (tags.find()) {
                    add(words, tags.group(1), rules);
                }
            }
        }
        for (NamedEntity entity : post.analysis().entities()) {
            if (entity.kind() == NamedEntity.Kind.PLACE) {
                add(words, entity.text(), rules);
            }
        }
        for (String keyword : post.analysis().keywords()) {
            add(words, keyword, rules);
        }
        return words.stream().limit(rules.wordsPerPost()).toList();
    }

    private static void add(Set<String> words, String word, EmergingRules rules) {
        String w = word.strip();
        if (w.codePointCount(0, w.length()) >= rules.wordMinLength() && !rules.ignore().contains(w) && HAS_LETTER.matcher(w).find()) {
            words.add(w);
        }
    }
}
