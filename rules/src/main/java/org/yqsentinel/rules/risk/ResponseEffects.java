package org.yqsentinel.rules.risk;

import java.time.Duration;
import java.time.Instant;
import org.yqsentinel.model.ResponseEffect;

/**
 * The effect of a response (评估): the public's posts about the subject in the hours before it and in the hours after
 * it, in whole slides of event time. The slide a response falls in counts as after it. Measured once the after period
 * has passed in event time ({@link #due}), from the buckets of posts the risk windows keep.
 */
public final class ResponseEffects {

    private ResponseEffects() {}

    /** The slide boundary at which the effect of a response given at {@code at} can be measured. */
    public static Instant due(Instant at, RiskRules rules) {
        return due(at, rules.windows().slide(), rules.caseWorkflow());
    }

    /** The same for tallies of slides of {@code slideLength} (an emerging topic's). */
    public static Instant due(Instant at, Duration slideLength, RiskRules.CaseWorkflow workflow) {
        long slide = slideLength.toMillis();
        long end = start(at, slide) + workflow.effectAfter().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(end + slide - 1, slide) * slide);
    }

    /** The posts before and after a response given at {@code at}. */
    public static ResponseEffect measure(SlidingTallies tallies, Instant at, RiskRules rules) {
        return measure(tallies, at, rules.windows().slide(), rules.caseWorkflow());
    }

    /** The same for tallies of slides of {@code slideLength} (an emerging topic's). */
    public static ResponseEffect measure(SlidingTallies tallies, Instant at, Duration slideLength, RiskRules.CaseWorkflow workflow) {
        long slide = slideLength.toMillis();
        Instant start = Instant.ofEpochMilli(start(at, slide));
        return new ResponseEffect(period(tallies, start.minus(workflow.effectBefore()), workflow.effectBefore()),
                period(tallies, start, workflow.effectAfter()));
    }

    private static ResponseEffect.Period period(SlidingTallies tallies, Instant from, Duration length) {
        Instant to = from.plus(length);
        WindowTally posts = tallies.between(from, to);
        double share = posts.posts() == 0 ? 0 : (double) posts.negative() / posts.posts();
        return new ResponseEffect.Period(from, to, posts.posts(), posts.negative(), share, posts.emotions());
    }

    private static long start(Instant at, long slide) {
        return Math.floorDiv(at.toEpochMilli(), slide) * slide;
    }
}
