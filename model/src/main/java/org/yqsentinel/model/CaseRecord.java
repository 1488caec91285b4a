package org.yqsentinel.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The work record of one episode of public reaction (a 舆情事件), opened by the first alert of the
 * episode; its id derives from that alert's id. Quoted posts are de-identified. Its response classes are those
 * of its alert events, each with the evidence of the latest event that had it, and 上级交办 when a person assigned it.
 * {@code responses} are the department's official responses with their measured effect; {@code conclusion} is the
 * desk's, when it closed the case.
 */
public record CaseRecord(
        String id,
        String subjectId,
        String subjectTitle,
        CaseStatus status,
        Tier currentTier,
        Tier peakTier,
        String responsibleDepartment,
        Instant openedAt,
        Instant updatedAt,
        Instant respondBy,
        Instant acknowledgedAt,
        String acknowledgedBy,
        List<PostRef> quotedPosts,
        List<CaseEvent> timeline,
        List<ResponseClass> responseClasses,
        List<CaseResponse> responses,
        String conclusion) {

    public CaseRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(status, "status");
        quotedPosts = quotedPosts == null ? List.of() : List.copyOf(quotedPosts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        responseClasses = responseClasses == null ? List.of() : List.copyOf(responseClasses);
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    /** A case nobody has responded to or closed. */
    public CaseRecord(String id, String subjectId, String subjectTitle, CaseStatus status, Tier currentTier, Tier peakTier,
                      String responsibleDepartment, Instant openedAt, Instant updatedAt, Instant respondBy, Instant acknowledgedAt,
                      String acknowledgedBy, List<PostRef> quotedPosts, List<CaseEvent> timeline, List<ResponseClass> responseClasses) {
        this(id, subjectId, subjectTitle, status, currentTier, peakTier, responsibleDepartment, openedAt, updatedAt, respondBy,
                acknowledgedAt, acknowledgedBy, quotedPosts, timeline, responseClasses, List.of(), null);
    }

    /** A case without response classes. */
    public CaseRecord(String id, String subjectId, String subjectTitle, CaseStatus status, Tier currentTier, Tier peakTier,
                      String responsibleDepartment, Instant openedAt, Instant updatedAt, Instant respondBy, Instant acknowledgedAt,
                      String acknowledgedBy, List<PostRef> quotedPosts, List<CaseEvent> timeline) {
        this(id, subjectId, subjectTitle, status, currentTier, peakTier, responsibleDepartment, openedAt, updatedAt, respondBy,
                acknowledgedAt, acknowledgedBy, quotedPosts, timeline, List.of(), List.of(), null);
    }

    /** The id of the case opened by this first alert. */
    public static String idOf(String firstAlertId) {
        return "case:" + firstAlertId;
    }
}
