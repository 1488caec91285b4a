package org.yqsentinel.rules.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Region;

/**
 * A policy document made ready to watch: the content words of its title and body (from the same
 * segmentation as the posts, for linking by keywords), its pre-issuance risk with the factors that made
 * it, the department that answers for it — its issuing office, else the department the topic rules
 * route its main topic to — its main topic (null when the topic rules find none) and the region it
 * applies to (null when unknown), for routing its alerts.
 */
public record WatchedPolicy(PolicyDocument document, List<String> tokens, double preIssuance,
                            List<Factor> preIssuanceFactors, String responsibleDepartment, String topic,
                            Region region) {

    public WatchedPolicy {
        Objects.requireNonNull(document, "document");
        tokens = List.copyOf(tokens);
        preIssuanceFactors = List.copyOf(preIssuanceFactors);
    }

    public String id() {
        return document.id();
    }

    /** When it starts being watched (its 发布日期 in Beijing), or null without a date. */
    public Instant watchedFrom() {
        return ActivePolicies.activeFrom(document);
    }

    /** When the watch period ends, or null without a date. */
    public Instant watchedUntil(int watchDays) {
        Instant from = watchedFrom();
        return from == null ? null : from.plus(Duration.ofDays(watchDays));
    }

    /** Who the alerts are about and who answers them. */
    public AlertMaker.Subject subject() {
        return new AlertMaker.Subject(document.id(), document.title(), responsibleDepartment, topic, region);
    }
}
