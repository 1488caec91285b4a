package org.yqsentinel.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.RiskPoint;

/**
 * Everything Sentinel holds about one case (or one policy over a range), as the brief and the export read it: the
 * case record, the policy, the alert events, the risk series, the linked posts and what the alerting service did.
 * Read from Elasticsearch by the command line; the documents are built from it without any server.
 *
 * @param caseRecord the case, or null for a brief of a policy over a range ({@code yq report --policy})
 * @param policy     the policy the case is about, or null when Sentinel does not hold it (a topic case)
 * @param subjectId  the policy id (or {@code topic:…})
 * @param from       start of the range covered (included)
 * @param to         end of the range covered (excluded)
 * @param alerts     the alert events, by window end
 * @param series     the subject's risk windows in the range, by window end
 * @param posts      the posts linked to the subject and published in the range, by publish time then id; their text as
 *                   crawled (the documents de-identify what they show)
 * @param deliveries notifications and acknowledgements of the case, by time
 */
public record CaseFile(
        CaseRecord caseRecord,
        PolicyDocument policy,
        String subjectId,
        Instant from,
        Instant to,
        List<Alert> alerts,
        List<RiskPoint> series,
        List<EnrichedItem> posts,
        List<CaseDelivery> deliveries) {

    public CaseFile {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        series = series == null ? List.of() : List.copyOf(series);
        posts = posts == null ? List.of() : List.copyOf(posts);
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    /** The title a person knows the subject by: the policy's title, else the alerts' subject title, else the id. */
    public String title() {
        if (policy != null) {
            return policy.title();
        }
        if (caseRecord != null && caseRecord.subjectTitle() != null) {
            return caseRecord.subjectTitle();
        }
        return alerts.stream().map(Alert::subjectTitle).filter(Objects::nonNull).findFirst().orElse(subjectId);
    }
}
