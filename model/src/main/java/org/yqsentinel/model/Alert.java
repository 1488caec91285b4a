package org.yqsentinel.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert event about a policy (or a hot topic). Its id is deterministic: subject, tier and
 * window end, so a replay or a restart produces the same id and sinks upsert instead of duplicating.
 * All times are event time. Its JSON (on {@code yq.alerts}, in {@code yq-alerts}, from {@code yq score})
 * also carries {@code policyId}, {@code eventTime} (the window end) and {@code color}, for readers that
 * want them by those names.
 *
 * @param subjectId             the policy id, or {@code topic:<name>} for a hot topic
 * @param previousTier          null when {@code type} is OPENED
 * @param responsibleDepartment 涉事责任部门, the first responder
 * @param topic                 the policy's main topic from the topic rules (e.g. 教育), null when none
 * @param region                where the policy applies, from its issuing office and title; may be null
 * @param respondBy             deadline for the first response, from the tier
 * @param topItems              the posts that drove it, de-identified
 * @param responseClasses       the classes of the event that decide how to respond, each with its evidence
 */
@JsonIgnoreProperties(value = {"policyId", "eventTime", "color"}, allowGetters = true)
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
        List<PostRef> topItems,
        String responsibleDepartment,
        String topic,
        Region region,
        Instant respondBy,
        List<ResponseClass> responseClasses) {

    /** How a hot topic's subject id begins. */
    public static final String TOPIC_PREFIX = "topic:";

    /** Whether a subject id is an emerging topic's (not a policy's). */
    public static boolean isTopic(String subjectId) {
        return subjectId != null && subjectId.startsWith(TOPIC_PREFIX);
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(tier, "tier");
        factors = factors == null ? List.of() : List.copyOf(factors);
        topItems = topItems == null ? List.of() : List.copyOf(topItems);
        responseClasses = responseClasses == null ? List.of() : List.copyOf(responseClasses);
    }

    /** An event without response classes. */
    public Alert(String id, AlertEventType type, String subjectId, String subjectTitle, String caseId, Tier tier, Tier previousTier,
                 double score, Instant windowStart, Instant windowEnd, List<Factor> factors, List<PostRef> topItems,
                 String responsibleDepartment, String topic, Region region, Instant respondBy) {
        this(id, type, subjectId, subjectTitle, caseId, tier, previousTier, score, windowStart, windowEnd, factors, topItems,
                responsibleDepartment, topic, region, respondBy, List.of());
    }

    /** The policy the alert is about, or null for a hot topic. */
    @JsonProperty("policyId")
    public String policyId() {
        return isTopic(subjectId) ? null : subjectId;
    }

    /** When it happened in event time: the end of the window that raised it. */
    @JsonProperty("eventTime")
    public Instant eventTime() {
        return windowEnd;
    }

    @JsonProperty("color")
    public String color() {
        return tier.color();
    }

    /** The deterministic id of an alert event: {@code <subject>/<type>/<tier>/<window end millis>}. */
    public static String idOf(String subjectId, AlertEventType type, Tier tier, Instant windowEnd) {
        return subjectId + "/" + type.name().toLowerCase(Locale.ROOT) + "/"
                + (tier == null ? "none" : tier.name().toLowerCase(Locale.ROOT)) + "/"
                + windowEnd.toEpochMilli();
    }
}
