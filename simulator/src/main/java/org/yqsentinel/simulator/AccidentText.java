package org.yqsentinel.simulator;

import java.util.List;
import java.util.Random;
import org.yqsentinel.simulator.ScenarioArticles.Article;
import org.yqsentinel.simulator.SimulatedPost.Stance;

/**
 * The wording of an accident in the policy's city, per channel and stance, from one set of phrases
 * ({@link AccidentPhrases}): the bus crash of the unrelated hot topic ({@link HotTopicText}) or the tunnel collapse of
 * the emergency ({@link EmergencyText}). Its texts never name the policy: none of the phrase sets does.
 */
final class AccidentText implements TopicText {

    private final AccidentPhrases phrases;
    private final ScenarioText words;
    private final Random rnd;

    AccidentText(AccidentPhrases phrases, ScenarioText words, Random rnd) {
        this.phrases = phrases;
        this.words = words;
        this.rnd = rnd;
    }

    @Override
    public String weibo(Stance stance, boolean institutional) {
        String tag = words.sometimes(0.5, phrases.tags());
        return switch (stance) {
            case INFORMING -> institutional
                    ? words.fit(words.pick(phrases.officialHeadlines()) + phrases.facts()[0], inOrder(), List.of(), words.pick(phrases.tags()), 40, 180, "")
                    : sentences(tag + words.pick(phrases.openInfo()), phrases.bodyInfo(), 1, words.pick(phrases.emoInfo()), 24);
            case QUESTION -> sentences(tag + words.pick(phrases.openers()), phrases.bodyQuestion(), 1, "[疑问]", 24);
            case POSITIVE -> sentences(tag + words.pick(phrases.openers()), phrases.bodyPositive(), 1, words.pick(phrases.emoPositive()), 24);
            case NEGATIVE -> sentences(tag + words.pick(phrases.openers()), phrases.bodyNegative(), 3,
                    words.sometimes(0.7, phrases.closeNegative()) + words.pick(phrases.emoNegative())
                            + (rnd.nextBoolean() ? words.pick(phrases.emoNegative()) : ""), 24);
        };
    }

    /** Articles about an accident do not ask, nor praise: they inform or they accuse. */
    @Override
    public Stance articleStance(Stance stance) {
        return stance == Stance.NEGATIVE ? Stance.NEGATIVE : Stance.INFORMING;
    }

    @Override
    public String repostComment(Stance stance) {
        return words.pick(stance == Stance.NEGATIVE ? phrases.repostNegative() : phrases.repostInfo());
    }

    @Override
    public Article news(Stance stance) {
        return stance == Stance.NEGATIVE
                ? article(phrases.newsTitlesNegative(), phrases.newsLeadsNegative(), phrases.anger(), phrases.newsCloses(), 200, 800)
                : article(phrases.newsTitlesInfo(), phrases.newsLeadsInfo(), phrases.report(), phrases.newsCloses(), 200, 800);
    }

    @Override
    public Article wechat(Stance stance) {
        return stance == Stance.NEGATIVE
                ? article(phrases.wechatTitlesNegative(), phrases.wechatIntrosNegative(), phrases.anger(), phrases.wechatOutros(), 300, 1000)
                : article(phrases.wechatTitlesInfo(), phrases.wechatIntrosInfo(), phrases.guide(), phrases.wechatOutros(), 300, 1000);
    }

    /** One to three of the facts after the first, in the order officials give them. */
    private List<String> inOrder() {
        List<String> later = List.of(phrases.facts()).subList(1, phrases.facts().length);
        List<String> picked = words.shuffled(later.toArray(String[]::new)).subList(0, 1 + rnd.nextInt(3));
        return later.stream().filter(picked::contains).toList();
    }

    /** A post of one to {@code most} sentences of the pool; its tail is drawn before them. */
    private String sentences(String head, String[] pool, int most, String tail, int min) {
        return words.post(head, pool, most, () -> tail, min, 180);
    }

    private Article article(String[] titles, String[] leads, String[] paragraphs, String[] closes, int min, int max) {
        return new Article(words.pick(titles), words.article(words.pick(leads), paragraphs, 2 + rnd.nextInt(3), words.pick(closes), min, max));
    }
}
