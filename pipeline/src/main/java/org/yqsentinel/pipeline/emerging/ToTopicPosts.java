package org.yqsentinel.pipeline.emerging;

import java.util.List;
import java.util.Set;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.emerging.EmergingRules;
import org.yqsentinel.rules.emerging.TopicPost;
import org.yqsentinel.rules.emerging.TopicWords;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WindowTally;

/**
 * The posts topic detection looks at, with the words they offer ({@link TopicWords}). A post linked to a watched policy
 * goes as {@code claimed}, with its words only: it forms no topic (a policy's posts are its own alert's) but tells the
 * detector which words are a policy's. What the detector keeps of another post is cut to what it uses: its tokens to
 * those on the watch list, its entities to places, its text to its first {@value #TEXT_KEPT} characters (alerts quote
 * the first 140, and masking a name looks at the words around it, not the whole text; the response classes' cue words
 * are looked for here, in the whole text). Made by the linking operator ({@link org.yqsentinel.pipeline.link.LinkToPolicies}),
 * which gives them out as a side output: an operator of its own, chained after it, would get a copy of every post.
 */
public final class ToTopicPosts {

    /** The characters of a post's text the detector keeps: enough to quote it, masked, in an alert. */
    static final int TEXT_KEPT = 400;

    private final EmergingRules rules;
    private final Set<String> watchWords;
    private final List<String> cueWords;

    /** With the rules of {@code files}: emerging.yaml's words, the watch words, the response classes' cue words. */
    public ToTopicPosts(RuleFiles files) {
        rules = EmergingRules.load(files);
        watchWords = Dictionaries.load(files).texts(Dictionaries.Kind.WATCH_WORD);
        cueWords = RiskRules.load(files).responseCueWords();
    }

    /** The post as the detector keeps it, or null when it offers no word. */
    public TopicPost of(EnrichedItem post) {
        Analysis analysis = post.analysis();
        List<String> words = TopicWords.of(post, rules);
        if (words.isEmpty()) {
            return null;
        }
        if (!analysis.policyLinks().isEmpty()) {
            Item item = post.item();
            Item bare = new Item(item.id(), item.channel(), item.sourceId(), item.source(), null, null, null, "", null, item.publishedAt(),
                    null, null, null, null, false, null);
            return new TopicPost(new EnrichedItem(bare, new Analysis(List.of(), List.of(), null, null, List.of(), List.of())), words, true);
        }
        Analysis kept = new Analysis(analysis.tokens().stream().filter(watchWords::contains).toList(), List.of(), analysis.sentiment(),
                analysis.emotion(), analysis.topics(), analysis.entities().stream().filter(e -> e.kind() == NamedEntity.Kind.PLACE).toList());
        List<String> cues = WindowTally.cuesNamed(post.item(), cueWords);
        Item item = post.item();
        String text = item.text();
        boolean cut = text.codePointCount(0, text.length()) > TEXT_KEPT;
        Item shortened = new Item(item.id(), item.channel(), item.sourceId(), item.source(), item.author(), item.title(), null,
                cut ? text.substring(0, text.offsetByCodePoints(0, TEXT_KEPT)) : text, item.url(), item.publishedAt(), item.engagement(),
                item.region(), item.repostOf(), item.copyOf(), item.textTruncated() || cut, null);
        return new TopicPost(new EnrichedItem(shortened, kept), words, false, cues);
    }
}
