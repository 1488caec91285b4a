package org.yqsentinel.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The work record of one episode of public reaction (a 舆情事件), opened by the first alert of the
 * episode; its id derives from that alert's id. Quoted posts are de-identified.
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
        List<CaseEvent> timeline) {

    public CaseRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(status, "status");
        quotedPosts = quotedPosts == null ? List.of() : List.copyOf(quotedPosts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** The id of the case opened by this first alert. */
    public static String idOf(String firstAlertId) {
        return "case:" + firstAlertId;
    }
}
