package org.yqsentinel.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert event about a policy (or a hot topic). Its id is deterministic: subject, tier and
 * window end, so a replay or a restart produces the same id and sinks upsert instead of duplicating.
 * All times are event time.
 *
 * @param subjectId             the policy id, or {@code topic:<name>} for a hot topic
 * @param previousTier          null when {@code type} is OPENED
 * @param responsibleDepartment 涉事责任部门, the first responder
 * @param respondBy             deadline for the first response, from the tier
 */
public record Alert(
        String id,
        AlertEventType type,
        String subjectId,
        String subjectTitle,
        String caseId,
        Tier tier,
        Tier previousTier,
        double score,
        Instant windowStart,
        Instant windowEnd,
        List<Factor> factors,
        List<PostRef> topPosts,
        String responsibleDepartment,
        Instant respondBy) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        factors = factors == null ? List.of() : List.copyOf(factors);
        topPosts = topPosts == null ? List.of() : List.copyOf(topPosts);
    }

    /** The deterministic id of an alert event: {@code <subject>/<type>/<tier>/<window end millis>}. */
    public static String idOf(String subjectId, AlertEventType type, Tier tier, Instant windowEnd) {
        return subjectId + "/" + type.name().toLowerCase(java.util.Locale.ROOT) + "/"
                + (tier == null ? "none" : tier.name().toLowerCase(java.util.Locale.ROOT)) + "/"
                + windowEnd.toEpochMilli();
    }
}
