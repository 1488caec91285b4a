package org.yqsentinel.dashboards;

import static org.yqsentinel.dashboards.Panel.Chart.BAR_OVER_TIME;
import static org.yqsentinel.dashboards.Panel.Chart.BAR_SHARE;
import static org.yqsentinel.dashboards.Panel.Chart.LINE_OVER_TIME;
import static org.yqsentinel.dashboards.Panel.Chart.PIE;
import static org.yqsentinel.dashboards.Panel.Chart.TABLE;
import static org.yqsentinel.dashboards.Panel.Chart.TAGCLOUD;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.yqsentinel.dashboards.Dashboard.Placed;
import org.yqsentinel.dashboards.Panel.Grid;
import org.yqsentinel.dashboards.Panel.Metric;
import org.yqsentinel.dashboards.Panel.Terms;

/**
 * What the monitoring desk (舆情监测值班) sees in Kibana: the overview it watches all day, the view of one
 * case an alert mail links to, and the saved searches behind them. Every field named here exists in the
 * index templates ({@code DeskFieldsTest}); {@link SavedObjects} writes them as Kibana saved objects.
 */
public final class Desk {

    public static final String OVERVIEW_ID = "yq-desk-overview";
    public static final String CASE_VIEW_ID = "yq-case-view";

    /** Alert events, newest first, with the factors that explain their score. */
    public static final SavedSearch NEWEST_ALERTS = new SavedSearch("yq-newest-alerts", "最新预警及研判因素", "yq-alerts",
            List.of("windowEnd", "tier", "type", "subjectTitle", "score", "responsibleDepartment", "factors.name", "factors.explanation"),
            "windowEnd", false, "");

    /** Posts linked to a watched policy, newest first; filter by {@code policyLinks.policyId} for one policy. */
    public static final SavedSearch POLICY_POSTS = new SavedSearch("yq-policy-posts", "政策相关帖文", "yq-items",
            List.of("publishedAt", "channel", "source", "text", "sentiment.label", "emotion.label", "policyLinks.policyId"),
            "publishedAt", false, "policyLinks.policyId:*");

    /** The alert events of cases in the order they happened; filter by {@code caseId} for one case. */
    public static final SavedSearch CASE_ALERTS = new SavedSearch("yq-case-alerts", "案件预警经过", "yq-alerts",
            List.of("windowEnd", "type", "tier", "score", "subjectTitle", "respondBy", "factors.explanation"),
            "windowEnd", true, "caseId:*");

    /** The cases' work records: stage, acknowledgement, responses with the posts before and after them, conclusion. */
    public static final SavedSearch CASE_RECORDS = new SavedSearch("yq-case-records", "案件处置记录", "yq-cases",
            List.of("updatedAt", "status", "peakTier", "acknowledgedBy", "responses.at", "responses.channel", "responses.url",
                    "responses.effect.before.posts", "responses.effect.after.posts", "conclusion"),
            "updatedAt", false, "id:*");

    private Desk() {}

    /** 舆情值守总览: cases, alerts, risk per policy, volume, sentiment, regions, hot words, newest alerts and posts. */
    public static Dashboard overview() {
        return new Dashboard(OVERVIEW_ID, "舆情值守总览",
                "值班席全天查看：在办案件、预警、各政策风险、各渠道声量与情感、地域、热词、最新预警与相关帖文", "now-24h", 60,
                List.of(
                        Panel.of("yq-desk-open-cases", "在办案件（近30天开案，按最高等级）", "yq-cases", PIE, null,
                                List.of(new Terms("peakTier", 4)), Metric.count(), new Grid(0, 0, 12, 10))
                                .filtered("not status:CLOSED").lookingBack("now-30d"),
                        Panel.of("yq-desk-alerts-by-tier", "预警事件（按等级）", "yq-alerts", BAR_OVER_TIME, "windowEnd",
                                List.of(new Terms("tier", 4)), Metric.count(), new Grid(12, 0, 18, 10)),
                        Panel.of("yq-desk-policy-risk", "关注政策风险走势（最高分）", "yq-risk", LINE_OVER_TIME, "windowEnd",
                                List.of(new Terms("subjectId", 10)), Metric.max("score"), new Grid(30, 0, 18, 10)),
                        Panel.of("yq-desk-volume-by-channel", "各渠道声量", "yq-items", BAR_OVER_TIME, "publishedAt",
                                List.of(new Terms("channel", 3)), Metric.count(), new Grid(0, 10, 24, 12)),
                        Panel.of("yq-desk-sentiment-by-channel", "各渠道情感构成（负面占比）", "yq-items", BAR_SHARE, null,
                                List.of(new Terms("channel", 3), new Terms("sentiment.label", 3)), Metric.count(), new Grid(24, 10, 12, 12)),
                        Panel.of("yq-desk-hot-keywords", "热词", "yq-items", TAGCLOUD, null,
                                List.of(new Terms("keywords", 40)), Metric.count(), new Grid(36, 10, 12, 12)),
                        Panel.of("yq-desk-regions", "地域分布（省、市）", "yq-items", TABLE, null,
                                List.of(new Terms("region.province", 10), new Terms("region.city", 5)), Metric.count(),
                                new Grid(0, 22, 16, 14))),
                List.of(new Placed(NEWEST_ALERTS, new Grid(16, 22, 32, 14)),
                        new Placed(POLICY_POSTS, new Grid(0, 36, 48, 16))));
    }

    /**
     * 舆情案件: the timeline, posts, emotions, regions, notifications and work record of one case. It has no filter of its
     * own: open it through {@link #caseViewUrl}, whose query picks the case's alerts and deliveries by
     * {@code caseId} and its policy's risk and posts by the policy id.
     */
    public static Dashboard caseView() {
        return new Dashboard(CASE_VIEW_ID, "舆情案件",
                "单个案件：风险与预警经过、帖文、情绪、地域、通知与确认、处置与回应；请从预警邮件中的链接打开（带案件筛选）", null, 0,
                List.of(
                        Panel.of("yq-case-risk", "风险评分走势", "yq-risk", LINE_OVER_TIME, "windowEnd",
                                List.of(), Metric.max("score"), new Grid(0, 0, 24, 10)),
                        Panel.of("yq-case-alerts-by-tier", "预警事件（按等级）", "yq-alerts", BAR_OVER_TIME, "windowEnd",
                                List.of(new Terms("tier", 4)), Metric.count(), new Grid(24, 0, 24, 10)),
                        Panel.of("yq-case-volume", "帖文声量（按渠道）", "yq-items", BAR_OVER_TIME, "publishedAt",
                                List.of(new Terms("channel", 3)), Metric.count(), new Grid(0, 10, 16, 10)),
                        Panel.of("yq-case-emotions", "情绪构成", "yq-items", PIE, null,
                                List.of(new Terms("emotion.label", 6)), Metric.count(), new Grid(16, 10, 16, 10)),
                        Panel.of("yq-case-regions", "地域分布（省、市）", "yq-items", TABLE, null,
                                List.of(new Terms("region.province", 10), new Terms("region.city", 5)), Metric.count(),
                                new Grid(32, 10, 16, 10)),
                        Panel.of("yq-case-deliveries", "通知（接收方、渠道、状态）", "yq-deliveries", TABLE, null,
                                List.of(new Terms("receiver", 10), new Terms("channel", 5), new Terms("status", 6)), Metric.count(),
                                new Grid(0, 20, 28, 10)).filtered("kind:delivery"),
                        Panel.of("yq-case-acknowledgements", "确认（确认人）", "yq-deliveries", TABLE, null,
                                List.of(new Terms("who", 10)), Metric.count(), new Grid(28, 20, 20, 10))
                                .filtered("kind:acknowledgement")),
                List.of(new Placed(CASE_RECORDS, new Grid(0, 30, 48, 8)),
                        new Placed(CASE_ALERTS, new Grid(0, 38, 48, 14)),
                        new Placed(POLICY_POSTS, new Grid(0, 52, 48, 16))));
    }

    public static List<Dashboard> dashboards() {
        return List.of(overview(), caseView());
    }

    /** Every saved search, each once, in a fixed order. */
    public static List<SavedSearch> searches() {
        return List.of(NEWEST_ALERTS, POLICY_POSTS, CASE_ALERTS, CASE_RECORDS);
    }

    /** Every panel of every dashboard. */
    public static List<Panel> panels() {
        return dashboards().stream().flatMap(d -> d.panels().stream()).toList();
    }

    /**
     * The link of an alert mail to its case: the case view over {@code from}–{@code to}, with a KQL query
     * that keeps the case's alerts and deliveries ({@code caseId}), its policy's posts
     * ({@code policyLinks.policyId}) and its policy's risk series and case records ({@code subjectId} of documents
     * without a {@code caseId}: {@code yq-risk} and {@code yq-cases}).
     *
     * @param kibanaBase Kibana's address, with no trailing slash needed ({@code http://127.0.0.1:5601})
     * @param caseId     the case ({@code case:…})
     * @param subjectId  the id of the policy (or topic) the case is about: the alert's {@code subjectId}
     */
    public static String caseViewUrl(String kibanaBase, String caseId, String subjectId, Instant from, Instant to) {
        String query = "caseId:" + Kql.quoted(caseId) + " or policyLinks.policyId:" + Kql.quoted(subjectId)
                + " or (subjectId:" + Kql.quoted(subjectId) + " and not caseId:*)";
        String g = "(time:(from:" + Rison.string(from.toString()) + ",to:" + Rison.string(to.toString()) + "))";
        String a = "(query:(language:kuery,query:" + Rison.string(query) + "))";
        String base = kibanaBase.endsWith("/") ? kibanaBase.substring(0, kibanaBase.length() - 1) : kibanaBase;
        return base + "/app/dashboards#/view/" + CASE_VIEW_ID + "?_g=" + Rison.urlEncoded(g) + "&_a=" + Rison.urlEncoded(a);
    }

    /** The ids of every saved object the desk adds to Kibana (not the data views). */
    static List<String> objectIds() {
        return Stream.of(panels().stream().map(Panel::id), searches().stream().map(SavedSearch::id),
                dashboards().stream().map(Dashboard::id)).flatMap(s -> s).toList();
    }
}
