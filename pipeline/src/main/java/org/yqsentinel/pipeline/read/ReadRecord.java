package org.yqsentinel.pipeline.read;

import org.yqsentinel.model.DeadLetter;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.pipeline.control.ControlEvent;

/**
 * What one raw record became: exactly one of an item, a policy document, a control message or a dead
 * letter. {@code kind} is the topic's kind ({@code news}, {@code weibo}, {@code wechat}, {@code policy},
 * {@code control}) or {@code unknown}; {@code adapter} names the reader of its shape.
 */
public record ReadRecord(String kind, String adapter, Item item, PolicyDocument policy, ControlEvent control,
                         DeadLetter deadLetter) {

    /** The item's publish time; other records carry no event time and never move the watermark. */
    public long eventTimeMillis() {
        return item == null ? Long.MIN_VALUE : item.publishedAt().toEpochMilli();
    }
}
