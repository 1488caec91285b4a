package org.yqsentinel.rules.risk;

import java.util.Comparator;
import org.yqsentinel.model.Item;

/**
 * A post among those an alert quotes, with whether it is against the policy: the posts that drive the risk
 * are the negative ones most interacted with, so they come first, then the others by interactions.
 */
public record TopPost(Item item, boolean negative) {

    /** Negative posts first, then by interactions (reposts, comments, likes), most first; ties by item id. */
    static final Comparator<TopPost> DRIVING_THE_RISK = Comparator.comparing((TopPost p) -> !p.negative())
            .thenComparing(p -> p.item().engagement().interactions(), Comparator.reverseOrder())
            .thenComparing(p -> p.item().id());
}
