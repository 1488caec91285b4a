package org.yqsentinel.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Analysis;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.rules.RuleException;
import org.yqsentinel.rules.RuleFiles;

/** The bundled rules: slides of 5 minutes, 6 hours before and 6 hours after a response. */
class ResponseEffectsTest {

    private static final RiskRules RULES = RiskRules.load(RuleFiles.bundled());
    /** A response given inside the slide 09:30–09:35, not on its boundary. */
    private static final Instant RESPONSE = Instant.parse("2026-11-20T09:32:00Z");
    private static final Instant SLIDE_START = Instant.parse("2026-11-20T09:30:00Z");

    private static Instant t(String time) {
        return Instant.parse("2026-11-20T" + time + "Z");
    }

    private static EnrichedItem post(String id, Instant at, Sentiment.Label sentiment, Emotion.Label emotion, String accountType) {
        Item item = new Item(id, Channel.WEIBO, id, "src", new Author("用户" + id, 10L, false, accountType), null, null, "…", null, at,
                null, null, null, null, false, null);
        return new EnrichedItem(item, new Analysis(List.of(), List.of(),
                new Sentiment(sentiment == Sentiment.Label.NEGATIVE ? -0.7 : 0.3, sentiment),
                emotion == null ? null : new Emotion(emotion, 0.8), List.of(), List.of()));
    }

    private static void add(SlidingTallies tallies, String id, Instant at, Sentiment.Label sentiment, Emotion.Label emotion) {
        tallies.add(at, post(id, at, sentiment, emotion, null), Set.of(), Set.of());
    }

    private static long emotion(ResponseEffect.Period period, Emotion.Label label) {
        return period.emotions().getOrDefault(label.name(), 0L);
    }

    @Test
    void theBundledRulesMeasureSixHoursEitherSide() {
        assertThat(RULES.windows().slide()).isEqualTo(Duration.ofMinutes(5));
        assertThat(RULES.caseWorkflow().effectBefore()).isEqualTo(Duration.ofHours(6));
        assertThat(RULES.caseWorkflow().effectAfter()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theEffectIsDueSixHoursAfterTheStartOfTheResponsesSlide() {
        // 09:32 is in the slide from 09:30; 09:30 + 6 h is 15:30, a slide boundary already
        assertThat(ResponseEffects.due(RESPONSE, RULES)).isEqualTo(t("15:30:00"));
        assertThat(ResponseEffects.due(SLIDE_START, RULES)).isEqualTo(t("15:30:00"));
        assertThat(ResponseEffects.due(t("09:34:59.999"), RULES)).isEqualTo(t("15:30:00"));
        assertThat(ResponseEffects.due(t("09:35:00"), RULES)).isEqualTo(t("15:35:00"));
    }

    @Test
    void postsAreCountedBeforeAndAfterTheStartOfTheResponsesSlide() {
        SlidingTallies tallies = new SlidingTallies(RULES.windows());
        // before: [03:30, 09:30)
        add(tallies, "b1", t("03:30:00"), Sentiment.Label.NEGATIVE, Emotion.Label.ANGRY);
        add(tallies, "b2", t("07:00:00"), Sentiment.Label.NEGATIVE, Emotion.Label.SAD);
        add(tallies, "b3", t("08:00:00"), Sentiment.Label.NEUTRAL, null);
        add(tallies, "b4", t("09:29:59"), Sentiment.Label.POSITIVE, Emotion.Label.HAPPY);
        // after: [09:30, 15:30); the response's own slide counts as after, even before the response
        add(tallies, "a1", t("09:30:00"), Sentiment.Label.NEGATIVE, Emotion.Label.ANGRY);
        add(tallies, "a2", RESPONSE, Sentiment.Label.NEUTRAL, Emotion.Label.NEUTRAL);
        add(tallies, "a3", t("12:00:00"), Sentiment.Label.POSITIVE, Emotion.Label.HAPPY);
        add(tallies, "a4", t("15:29:59"), Sentiment.Label.NEUTRAL, Emotion.Label.SURPRISE);
        // neither: just outside both periods
        add(tallies, "o1", t("03:29:59"), Sentiment.Label.NEGATIVE, Emotion.Label.FEAR);
        add(tallies, "o2", t("15:30:00"), Sentiment.Label.NEGATIVE, Emotion.Label.FEAR);
        // a government account's relay of the response: not the public
        tallies.add(t("10:00:00"), post("g1", t("10:00:00"), Sentiment.Label.NEGATIVE, Emotion.Label.FEAR, WindowTally.GOVERNMENT),
                Set.of(), Set.of());

        ResponseEffect effect = ResponseEffects.measure(tallies, RESPONSE, RULES);

        ResponseEffect.Period before = effect.before();
        assertThat(before.from()).isEqualTo(t("03:30:00"));
        assertThat(before.to()).isEqualTo(SLIDE_START);
        assertThat(before.posts()).isEqualTo(4);
        assertThat(before.negative()).isEqualTo(2);
        assertThat(before.negativeShare()).isCloseTo(0.5, within(1e-9));
        assertThat(emotion(before, Emotion.Label.ANGRY)).isEqualTo(1);
        assertThat(emotion(before, Emotion.Label.SAD)).isEqualTo(1);
        assertThat(emotion(before, Emotion.Label.HAPPY)).isEqualTo(1);
        assertThat(emotion(before, Emotion.Label.NEUTRAL)).isZero();
        assertThat(emotion(before, Emotion.Label.SURPRISE)).isZero();
        assertThat(emotion(before, Emotion.Label.FEAR)).as("o1 is outside").isZero();

        ResponseEffect.Period after = effect.after();
        assertThat(after.from()).isEqualTo(SLIDE_START);
        assertThat(after.to()).isEqualTo(t("15:30:00"));
        assertThat(after.posts()).isEqualTo(4);
        assertThat(after.negative()).isEqualTo(1);
        assertThat(after.negativeShare()).isCloseTo(0.25, within(1e-9));
        assertThat(emotion(after, Emotion.Label.ANGRY)).isEqualTo(1);
        assertThat(emotion(after, Emotion.Label.NEUTRAL)).isEqualTo(1);
        assertThat(emotion(after, Emotion.Label.HAPPY)).isEqualTo(1);
        assertThat(emotion(after, Emotion.Label.SURPRISE)).isEqualTo(1);
        assertThat(emotion(after, Emotion.Label.SAD)).isZero();
        assertThat(emotion(after, Emotion.Label.FEAR)).as("o2 is outside, g1 is a government account's").isZero();

        // 4 posts in 6 hours either side
        assertThat(before.postsPerHour()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(effect.volumeRatio()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anEmptyPeriodHasNoPostsAndNoNegativeShare() {
        SlidingTallies tallies = new SlidingTallies(RULES.windows());
        add(tallies, "a1", t("10:00:00"), Sentiment.Label.NEGATIVE, Emotion.Label.ANGRY);
        add(tallies, "a2", t("11:00:00"), Sentiment.Label.NEGATIVE, Emotion.Label.FEAR);

        ResponseEffect effect = ResponseEffects.measure(tallies, RESPONSE, RULES);

        assertThat(effect.before().posts()).isZero();
        assertThat(effect.before().negative()).isZero();
        assertThat(effect.before().negativeShare()).isZero();
        assertThat(effect.before().emotions().values()).allSatisfy(n -> assertThat(n).isZero());
        assertThat(effect.volumeRatio()).as("nobody posted before").isNull();
        assertThat(effect.after().posts()).isEqualTo(2);
        assertThat(effect.after().negativeShare()).isCloseTo(1.0, within(1e-9));

        ResponseEffect nothing = ResponseEffects.measure(new SlidingTallies(RULES.windows()), RESPONSE, RULES);
        assertThat(nothing.after().posts()).isZero();
        assertThat(nothing.after().negativeShare()).isZero();
    }

    @Test
    void periodsThatAreNotWholeSlidesAreRefusedAtLoadSoThatThePostsCountedAreThoseOfTheirTimes() {
        // slides of 25 minutes: 6 hours (360 minutes) is not a whole number of them, so a period's posts could only be
        // counted from slide boundaries other than its own from and to
        String text = RuleFiles.bundled().read(RiskRules.FILE).text()
                .replace("size-minutes: 60 ", "size-minutes: 50 ").replace("slide-minutes: 5 ", "slide-minutes: 25 ")
                .replace("recent-minutes: 15 ", "recent-minutes: 25 ");
        assertThatThrownBy(() -> RiskRules.parse("risk.yaml", text)).isInstanceOf(RuleException.class)
                .hasMessageContaining("effect-before-hours must be a whole number of slides (window/slide-minutes: 25)");
        RiskRules wholeSlides = RiskRules.parse("risk.yaml", text.replace("slide-minutes: 25 ", "slide-minutes: 10 ")
                .replace("size-minutes: 50 ", "size-minutes: 60 ").replace("recent-minutes: 25 ", "recent-minutes: 20 "));
        assertThat(wholeSlides.caseWorkflow().effectBefore()).isEqualTo(Duration.ofHours(6));
    }
}
