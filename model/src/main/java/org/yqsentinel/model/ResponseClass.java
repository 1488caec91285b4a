package org.yqsentinel.model;

import java.util.Objects;

/**
 * A class of public-opinion event that decides how a department should respond (回应分类, after the State Council's
 * guidance on responding to 政务舆情): 涉及切身利益, 误解误读, 冲击道德底线, 突发事件, 社会热点, 上级交办.
 *
 * @param name     the class, as rules/risk.yaml names it
 * @param evidence why the event is of this class, for a person (the words and how many posts said them, the
 *                 livelihood topic, the factors that made it a hot topic, or who assigned it)
 * @param advice   how to respond to an event of this class, as the rules word it for the alert message
 */
public record ResponseClass(String name, String evidence, String advice) {

    public ResponseClass {
        Objects.requireNonNull(name, "name");
    }
}
