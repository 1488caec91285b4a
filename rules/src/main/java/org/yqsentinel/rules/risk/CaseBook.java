package org.yqsentinel.rules.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.CaseEvent;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseResponse;
import org.yqsentinel.model.CaseStatus;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.ResponseClass;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.Tier;
import org.yqsentinel.rules.control.CaseStep;

/**
 * Keeps a case record up to date with the alerts of its episode and the steps people take on it.
 * <ul>
 * <li>The first alert opens it in 收集 (Ⅳ) or 研判 (Ⅲ and above); an escalation to Ⅲ or above moves 收集 on to 研判
 * and brings the respond-by time forward if it is earlier; a resolution moves 收集 or 研判 to 评估. Alerts never
 * change a status a person's step set.</li>
 * <li>Acknowledging moves it to 处置; a response recorded to 回应, and once its effect is measured, to 评估; closing
 * to 结案 with the desk's conclusion; reopening back to the status it had before it was closed. 上级交办 (an
 * assignment) adds that response class.</li>
 * </ul>
 * Every alert and step adds a timeline entry, the peak tier is kept, and the quoted posts (already de-identified)
 * gather up to {@value #QUOTED_POSTS}. The same alert or step applied again changes nothing.
 */
public final class CaseBook {

    public static final int QUOTED_POSTS = 20;
    /** The response class an assignment adds when the rules name none set by a person. */
    public static final String ASSIGNED = "上级交办";

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
                    List.of(event(alert, status)), classes(List.of(), alert.responseClasses()), List.of(), null);
        }
        CaseStatus status = current.status();
        boolean byJob = status == CaseStatus.COLLECTING || status == CaseStatus.ASSESSING;
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
                if (byJob) {
                    status = CaseStatus.EVALUATING;
                }
            }
        }
        Tier peak = alert.tier().isMoreSevereThan(current.peakTier()) ? alert.tier() : current.peakTier();
        List<CaseEvent> timeline = new ArrayList<>(current.timeline());
        timeline.add(event(alert, status));
        return new CaseRecord(current.id(), current.subjectId(), current.subjectTitle(), status, tier, peak,
                current.responsibleDepartment(), current.openedAt(), latest(current.updatedAt(), at), respondBy, current.acknowledgedAt(),
                current.acknowledgedBy(), quoted(current.quotedPosts(), alert.topItems()), timeline,
                classes(current.responseClasses(), alert.responseClasses()), current.responses(), current.conclusion());
    }

    /**
     * The case after a person's step; refused ({@link StepRefused}) when the case's status does not allow it: a step
     * on a closed case other than reopening it, closing a closed case, reopening an open one.
     *
     * @param classes the response classes of the rules, for the advice of 上级交办
     */
    public static CaseRecord apply(CaseRecord current, CaseStep step, List<ResponseClassRule> classes) {
        if (!current.id().equals(step.caseId())) {
            throw new IllegalArgumentException("step for case " + step.caseId() + " applied to case " + current.id());
        }
        String kind = step.step().timelineKind();
        ResponseClassRule assigned = classes.stream().filter(ResponseClassRule::setByPerson).findFirst().orElse(null);
        String assignedName = assigned == null ? ASSIGNED : assigned.name();
        String stepNote = note(step, assignedName);
        if (current.timeline().stream().anyMatch(e -> kind.equals(e.kind()) && step.at().equals(e.at()) && step.by().equals(e.by())
                && stepNote.equals(e.note()))) {
            return current;  // the same step again (published twice, or read again after a restart)
        }
        CaseStatus status = current.status();
        boolean closed = status == CaseStatus.CLOSED;
        if (closed && step.step() != CaseStep.Step.REOPEN) {
            throw new StepRefused("case " + current.id() + " is closed (结案); reopen it before you "
                    + (step.step() == CaseStep.Step.CLOSE ? "close it again" : step.step().key() + " it"));
        }
        Instant acknowledgedAt = current.acknowledgedAt();
        String acknowledgedBy = current.acknowledgedBy();
        List<CaseResponse> responses = current.responses();
        List<ResponseClass> responseClasses = current.responseClasses();
        String conclusion = current.conclusion();
        switch (step.step()) {
            case ACK -> {
                if (status == CaseStatus.COLLECTING || status == CaseStatus.ASSESSING
                        || status == CaseStatus.EVALUATING && current.responses().isEmpty()) {
                    status = CaseStatus.HANDLING;
                }
                if (acknowledgedAt == null) {
                    acknowledgedAt = step.at();
                    acknowledgedBy = step.by();
                }
            }
            case RESPOND -> {
                List<CaseResponse> more = new ArrayList<>(responses);
                more.add(new CaseResponse(step.at(), step.by(), step.channel(), step.url(), step.text(), step.recordedAt(), null));
                responses = more;
                status = CaseStatus.RESPONDED;
            }
            case CLOSE -> {
                status = CaseStatus.CLOSED;
                conclusion = step.text();
            }
            case REOPEN -> {
                if (!closed) {
                    throw new StepRefused("case " + current.id() + " is not closed (it is in " + status.label() + "); only a closed case "
                            + "can be reopened");
                }
                status = statusBeforeClosing(current);
                conclusion = null;
            }
            case ASSIGN -> {
                responseClasses = classes(responseClasses, List.of(new ResponseClass(assignedName, step.by() + "交办：" + step.text(),
                        assigned == null ? null : assigned.advice())));
            }
            default -> throw new IllegalStateException("unknown step " + step.step());
        }
        List<CaseEvent> timeline = new ArrayList<>(current.timeline());
        timeline.add(new CaseEvent(step.at(), kind, null, null, status, stepNote, step.by()));
        return new CaseRecord(current.id(), current.subjectId(), current.subjectTitle(), status, current.currentTier(),
                current.peakTier(), current.responsibleDepartment(), current.openedAt(), latest(current.updatedAt(), step.at()),
                current.respondBy(), acknowledgedAt, acknowledgedBy, current.quotedPosts(), timeline, responseClasses, responses,
                conclusion);
    }

    /** The timeline's words for a step: what was done, with the channel and address of a response, the text of the rest. */
    private static String note(CaseStep step, String assignedName) {
        return switch (step.step()) {
            case ACK -> "确认收到，开始处置";
            case RESPOND -> "通过" + step.channel() + "回应" + (step.url() == null ? "" : "：" + step.url())
                    + (step.text() == null ? "" : "（" + shortened(step.text()) + "）");
            case CLOSE -> "结案：" + step.text();
            case REOPEN -> "重新打开" + (step.text() == null ? "" : "：" + step.text());
            case ASSIGN -> assignedName + "：" + step.text();
        };
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** The responses whose effect is still to be measured, by their index in the case's list. */
    public static List<Integer> unmeasured(CaseRecord record) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < record.responses().size(); i++) {
            if (record.responses().get(i).effect() == null) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /**
     * The case with the effect of its response {@code index} measured at {@code at}: a case in 回应 whose latest
     * response this is moves to 评估; the timeline says what changed.
     */
    public static CaseRecord measured(CaseRecord current, int index, ResponseEffect effect, Instant at) {
        List<CaseResponse> responses = new ArrayList<>(current.responses());
        CaseResponse response = responses.get(index);
        if (response.effect() != null) {
            return current;
        }
        responses.set(index, response.withEffect(effect));
        CaseStatus status = current.status() == CaseStatus.RESPONDED && index == responses.size() - 1
                ? CaseStatus.EVALUATING : current.status();
        List<CaseEvent> timeline = new ArrayList<>(current.timeline());
        timeline.add(new CaseEvent(at, "EVALUATED", null, null, status, describe(effect), null));
        return new CaseRecord(current.id(), current.subjectId(), current.subjectTitle(), status, current.currentTier(),
                current.peakTier(), current.responsibleDepartment(), current.openedAt(), latest(current.updatedAt(), at),
                current.respondBy(), current.acknowledgedAt(), current.acknowledgedBy(), current.quotedPosts(), timeline,
                current.responseClasses(), responses, current.conclusion());
    }

    /** {@code 回应前 6 小时 120 条（每小时 20.0 条，负面 45%），回应后 6 小时 30 条（每小时 5.0 条，负面 20%）}. */
    public static String describe(ResponseEffect effect) {
        return "回应前" + period(effect.before()) + "，回应后" + period(effect.after());
    }

    private static String period(ResponseEffect.Period period) {
        long hours = Math.round((period.to().toEpochMilli() - period.from().toEpochMilli()) / 3_600_000.0);
        return " " + hours + " 小时 " + period.posts() + " 条（每小时 " + String.format(Locale.ROOT, "%.1f", period.postsPerHour())
                + " 条，负面 " + Math.round(period.negativeShare() * 100) + "%）";
    }

    /** The status of the entry before the case's latest closing: what reopening returns it to. */
    private static CaseStatus statusBeforeClosing(CaseRecord record) {
        List<CaseEvent> timeline = record.timeline();
        for (int i = timeline.size() - 1; i > 0; i--) {
            if ("CLOSED".equals(timeline.get(i).kind())) {
                return timeline.get(i - 1).status();
            }
        }
        return CaseStatus.ASSESSING;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** Why a person's step was not applied; the step goes to the dead letters with this reason. */
    public static final class StepRefused extends RuntimeException {
        public StepRefused(String message) {
            super(message);
        }
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
