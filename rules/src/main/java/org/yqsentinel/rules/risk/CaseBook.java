package org.yqsentinel.rules.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseEvent;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.Tier;

/**
 * Keeps a case record up to date with the alerts of its episode. The first alert opens it in 收集
 * (Ⅳ) or 研判 (Ⅲ and above); an escalation to Ⅲ or above moves 收集 on to 研判 and brings the
 * respond-by time forward if it is earlier; a resolution moves it to 评估. 处置/回应 (on acknowledgement)
 * and 结案 are a person's steps and are never undone here. Every alert adds a timeline entry, the
 * peak tier is kept, and the quoted posts (already de-identified) gather up to {@value #QUOTED_POSTS}.
 */
public final class CaseBook {

    public static final int QUOTED_POSTS = 20;

    private CaseBook() {}

    /** The case after {@code alert}; {@code current} is null for the alert that opens it. */
    public static CaseRecord apply(CaseRecord current, Alert alert) {
        if (alert.caseId() == null) {
            throw new IllegalArgumentException("alert " + alert.id() + " belongs to no case");
        }
        if (current != null && !current.id().equals(alert.caseId())) {
            throw new IllegalArgumentException("alert " + alert.id() + " belongs to case " + alert.caseId() + ", not " + current.id());
        }
        Instant at = alert.windowEnd();
        if (current != null && current.timeline().stream().anyMatch(e -> alert.id().equals(e.alertId()))) {
            return current;  // the same alert again (a replay, a restart) changes nothing
        }
        if (current == null) {
            CaseStatus status = alert.tier().ordinal() >= Tier.III_YELLOW.ordinal() ? CaseStatus.ASSESSING : CaseStatus.COLLECTING;
            return new CaseRecord(alert.caseId(), alert.subjectId(), alert.subjectTitle(), status, alert.tier(), alert.tier(),
                    alert.responsibleDepartment(), at, at, alert.respondBy(), null, null, quoted(List.of(), alert.topItems()),
                    List.of(event(alert, status)), classes(List.of(), alert.responseClasses()));
        }
        CaseStatus status = current.status();
        Tier tier = current.currentTier();
        Instant respondBy = current.respondBy();
        switch (alert.type()) {
            case OPENED, ESCALATED -> {
                tier = alert.tier();
                if (status == CaseStatus.COLLECTING && tier.ordinal() >= Tier.III_YELLOW.ordinal()) {
                    status = CaseStatus.ASSESSING;
                }
                if (alert.respondBy() != null && (respondBy == null || alert.respondBy().isBefore(respondBy))) {
                    respondBy = alert.respondBy();
                }
            }
            case DEESCALATED -> tier = alert.tier();
            case RESOLVED -> {
                tier = null;
                if (status != CaseStatus.CLOSED) {
                    status = CaseStatus.EVALUATING;
                }
            }
        }
        Tier peak = alert.tier().isMoreSevereThan(current.peakTier()) ? alert.tier() : current.peakTier();
        List<CaseEvent> timeline = new ArrayList<>(current.timeline());
        timeline.add(event(alert, status));
        return new CaseRecord(current.id(), current.subjectId(), current.subjectTitle(), status, tier, peak,
                current.responsibleDepartment(), current.openedAt(), at, respondBy, current.acknowledgedAt(),
                current.acknowledgedBy(), quoted(current.quotedPosts(), alert.topItems()), timeline,
                classes(current.responseClasses(), alert.responseClasses()));
    }

    /** The case's classes with the event's: a class the case had keeps its place and takes the event's evidence. */
    static List<ResponseClass> classes(List<ResponseClass> had, List<ResponseClass> event) {
        Map<String, ResponseClass> merged = new LinkedHashMap<>();
        had.forEach(c -> merged.put(c.name(), c));
        event.forEach(c -> merged.put(c.name(), c));
        return List.copyOf(merged.values());
    }

    private static CaseEvent event(Alert alert, CaseStatus status) {
        String note = alert.type() == AlertEventType.RESOLVED
                ? "风险回落，" + alert.tier().label() + "解除"
                : alert.tier().label() + "，风险分 " + Math.round(alert.score());
        return new CaseEvent(alert.windowEnd(), alert.type().name(), alert.id(), alert.tier(), status, note);
    }

    private static List<PostRef> quoted(List<PostRef> already, List<PostRef> more) {
        Map<String, PostRef> posts = new LinkedHashMap<>();
        for (PostRef post : already) {
            posts.putIfAbsent(post.itemId(), post);
        }
        for (PostRef post : more) {
            if (posts.size() >= QUOTED_POSTS) {
                break;
            }
            posts.putIfAbsent(post.itemId(), post);
        }
        return List.copyOf(posts.values());
    }
}
