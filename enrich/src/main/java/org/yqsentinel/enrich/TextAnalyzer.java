package org.yqsentinel.enrich;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yqsentinel.enrich.sentiment.SentimentAnalyzer;
import org.yqsentinel.enrich.sentiment.SoftmaxModel;
import org.yqsentinel.enrich.entity.Entity;
import org.yqsentinel.enrich.entity.EntityTagger;
import org.yqsentinel.enrich.region.RegionResolver;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.NamedEntity;
import org.yqsentinel.model.Region;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.dictionary.Dictionaries;
import org.yqsentinel.rules.topic.TopicClassifier;
import org.yqsentinel.rules.topic.TopicRules;

/**
 * Reads a Chinese post: segments title and text once (dictionary words whole), keeps the content
 * tokens, ranks keywords with TextRank, reads sentiment and emotion from the same segmentation, assigns topics by
 * the rules' lexicons, finds the names of persons, places and organizations, and resolves the item's region. Deterministic for the same input; one instance is safe to share between threads.
 */
public final class TextAnalyzer {

    public static final int DEFAULT_KEYWORD_COUNT = 10;

    private final DictionarySegmenter segmenter;
    private final KeywordRanker keywords = new KeywordRanker();
    private final EntityTagger entities = EntityTagger.bundled();
    private final SentimentAnalyzer sentiment;
    private final TopicClassifier topics;
    private final RegionResolver regions = RegionResolver.bundled();
    private final int keywordCount;

    /** With the bundled rules and models. */
    public TextAnalyzer() {
        this(RuleFiles.bundled());
    }

    /** With the dictionaries of this rules folder (or the bundled ones) and the bundled models. */
    public TextAnalyzer(RuleFiles rules) {
        this(DEFAULT_KEYWORD_COUNT, Dictionaries.load(rules), TopicRules.load(rules), null);
    }

    /** @param sentiment null for the bundled model, reading with the same segmenter */
    public TextAnalyzer(int keywordCount, Dictionaries dictionaries, TopicRules topicRules, SentimentAnalyzer sentiment) {
        this.segmenter = new DictionarySegmenter(dictionaries);
        this.topics = new TopicClassifier(topicRules);
        sentiment = sentiment != null ? sentiment : new SentimentAnalyzer(SoftmaxModel.polarity(), SoftmaxModel.emotions(), segmenter);
        this.sentiment = sentiment;
        this.keywordCount = keywordCount;
    }

    public Analysis analyze(String title, String text) {
        String content = content(title, text);
        List<Term> terms = segmenter.seg(content);
        List<Entity> found = entities.find(content, terms);
        List<Term> words = withPersonNames(terms, found);
        List<Term> contentWords = new ArrayList<>(words.size());
        List<String> tokens = new ArrayList<>(words.size());
        for (Term term : words) {
            if (isContent(term)) {
                contentWords.add(term);
                tokens.add(term.word);
            }
        }
        List<NamedEntity> names = new ArrayList<>(found.size());
        for (Entity e : found) {
            names.add(new NamedEntity(NamedEntity.Kind.valueOf(e.kind().name()), e.text(), e.start(), e.end()));
        }
        SentimentAnalyzer.Reading reading = sentiment.read(content, terms);
        return new Analysis(tokens, keywords.top(contentWords, keywordCount), reading.sentiment(), reading.emotion(),
                topics.classify(content), names);
    }

    /**
     * The content tokens of a short text alone, without names joined, keywords, sentiment or topics: enough to
     * find the places it names ({@link #region}).
     */
    public List<String> tokens(String title, String text) {
        List<String> tokens = new ArrayList<>();
        for (Term term : segmenter.seg(content(title, text))) {
            if (isContent(term)) {
                tokens.add(term.word);
            }
        }
        return tokens;
    }

    private static String content(String title, String text) {
        String content = title == null || title.isBlank() ? text : title + "\n" + text;
        return content == null ? "" : content;
    }

    /**
     * The terms with the terms of each person name the tagger found joined into one word ({@code nr}), so
     * that tokens and keywords keep names whole; a name whose edges fall inside a term is left as it is.
     */
    static List<Term> withPersonNames(List<Term> terms, List<Entity> names) {
        if (names.stream().noneMatch(e -> e.kind() == Entity.Kind.PERSON)) {
            return terms;
        }
        List<Term> out = new ArrayList<>(terms.size());
        int t = 0;
        for (Entity name : names) {
            if (name.kind() != Entity.Kind.PERSON) {
                continue;
            }
            while (t < terms.size() && terms.get(t).offset < name.start()) {
                out.add(terms.get(t++));
            }
            int last = t;
            while (last < terms.size() && terms.get(last).offset + terms.get(last).length() < name.end()) {
                last++;
            }
            boolean aligned = t < terms.size() && terms.get(t).offset == name.start()
                    && last < terms.size() && terms.get(last).offset + terms.get(last).length() == name.end();
            if (aligned && last > t) {
                Term joined = new Term(name.text(), Nature.nr);
                joined.offset = name.start();
                out.add(joined);
                t = last + 1;
            }
        }
        while (t < terms.size()) {
            out.add(terms.get(t++));
        }
        return out;
    }

    /**
     * An item with what its text says, and its region resolved: the region the platform declared,
     * else the outlet's home, else the places its text names, with coordinates.
     */
    public EnrichedItem enrich(Item item) {
        Analysis analysis = analyze(item.title(), item.text());
        Item located = region(item.region(), item.source(), analysis.tokens()).map(item::withRegion).orElse(item);
        return new EnrichedItem(located, analysis);
    }

    /** The region of a post: the declared one (may be null), else the outlet's home, else the places among its tokens. */
    public Optional<Region> region(Region declared, String source, List<String> tokens) {
        return regions.resolve(declared, source, tokens);
    }

    /** A word with a letter or digit, not punctuation ({@code w*}) or a symbol ({@code x}), not a stop word. */
    private static boolean isContent(Term term) {
        if (term.nature == null) {
            return false;
        }
        String nature = term.nature.toString();
        return nature.charAt(0) != 'w' && !nature.equals("x") && hasLetterOrDigit(term.word) && !StopWords.contains(term.word);
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
