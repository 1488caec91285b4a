package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.dashboards.Panel.Chart;
import org.yqsentinel.dashboards.Panel.Grid;
import org.yqsentinel.dashboards.Panel.Metric;
import org.yqsentinel.dashboards.Panel.Terms;

/**
 * Every field a panel or saved search names exists in the index template behind its data view, with a
 * type Elasticsearch can aggregate where the panel aggregates it: a text field in a terms breakdown, a
 * keyword under max(), or a misspelt field would show an empty or broken panel only once Kibana runs it.
 */
class DeskFieldsTest {

    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float");
    private static final Set<String> TERMS = Set.of("keyword", "boolean", "ip", "long", "integer", "short", "byte", "double", "float");
    private static final Set<String> SORTABLE = Set.of("date", "keyword", "long", "integer", "double", "float");

    /** What is wrong with the fields of a panel; empty when nothing is. */
    static List<String> problems(Panel panel) {
        List<String> problems = new ArrayList<>();
        String view = panel.dataView();
        if (!DataViews.exists(view)) {
            return List.of("no data view " + view);
        }
        if (panel.timeField() != null) {
            expect(problems, view, panel.timeField(), Set.of("date"), "the time axis");
            if (!panel.timeField().equals(DataViews.get(view).timeField())) {
                problems.add("the time axis " + panel.timeField() + " is not the time field of " + view
                        + ", which the dashboard's time range filters on");
            }
        }
        panel.breakdowns().forEach(terms -> expect(problems, view, terms.field(), TERMS, "a terms breakdown"));
        if (panel.metric().field() != null) {
            expect(problems, view, panel.metric().field(), NUMERIC, panel.metric().kind() + "()");
        }
        Kql.fields(Kql.parse(panel.filter())).forEach(field -> expect(problems, view, field, null, "the filter"));
        return problems;
    }

    static List<String> problems(SavedSearch search) {
        List<String> problems = new ArrayList<>();
        search.columns().forEach(column -> expect(problems, search.dataView(), column, null, "a column"));
        expect(problems, search.dataView(), search.sortField(), SORTABLE, "the sort");
        Kql.fields(Kql.parse(search.query())).forEach(field -> expect(problems, search.dataView(), field, null, "the query"));
        return problems;
    }

    private static void expect(List<String> problems, String view, String field, Set<String> types, String use) {
        String type = DataViews.esType(view, field);
        if (type == null || type.equals("object")) {
            problems.add(field + " (" + use + ") is not a field of the " + view + " template");
        } else if (types != null && !types.contains(type)) {
            problems.add(field + " (" + use + ") is " + type + " in " + view + ", not one of " + types);
        }
    }

    static Stream<Named<Panel>> panels() {
        return Desk.panels().stream().map(p -> Named.of(p.id(), p));
    }

    static Stream<Named<SavedSearch>> searches() {
        return Desk.searches().stream().map(s -> Named.of(s.id(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panels")
    void everyFieldOfAPanelExistsWithATypeItCanBeAggregatedBy(Panel panel) {
        assertThat(problems(panel)).as(panel.id()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void everyColumnSortAndQueryFieldOfASavedSearchExists(SavedSearch search) {
        assertThat(problems(search)).as(search.id()).isEmpty();
    }

    @Test
    void theCheckCatchesTextBreakdownsKeywordMetricsMisspeltFieldsAndAForeignTimeAxis() {
        Panel textTerms = Panel.of("yq-bad-1", "x", "yq-items", Chart.TAGCLOUD, null, List.of(new Terms("text", 10)),
                Metric.count(), new Grid(0, 0, 8, 8));
        Panel keywordMax = Panel.of("yq-bad-2", "x", "yq-alerts", Chart.METRIC, null, List.of(), Metric.max("tier"),
                new Grid(0, 0, 8, 8));
        Panel misspelt = Panel.of("yq-bad-3", "x", "yq-items", Chart.PIE, null, List.of(new Terms("sentiment.lable", 3)),
                Metric.count(), new Grid(0, 0, 8, 8)).filtered("not chanel:weibo");
        Panel otherTime = Panel.of("yq-bad-4", "x", "yq-alerts", Chart.LINE_OVER_TIME, "respondBy", List.of(), Metric.count(),
                new Grid(0, 0, 8, 8));
        Panel objectTerms = Panel.of("yq-bad-5", "x", "yq-items", Chart.TABLE, null, List.of(new Terms("region", 3)),
                Metric.count(), new Grid(0, 0, 8, 8));
        assertThat(problems(textTerms)).singleElement().asString().contains("text (a terms breakdown) is text");
        assertThat(problems(keywordMax)).singleElement().asString().contains("tier (MAX()) is keyword");
        assertThat(problems(misspelt)).hasSize(2).anyMatch(p -> p.contains("sentiment.lable")).anyMatch(p -> p.contains("chanel"));
        assertThat(problems(otherTime)).singleElement().asString().contains("not the time field of yq-alerts");
        assertThat(problems(objectTerms)).singleElement().asString().contains("region (a terms breakdown) is not a field");
        SavedSearch search = new SavedSearch("yq-bad-6", "x", "yq-alerts", List.of("factors.explanation", "factor.name"), "text", false, "");
        assertThat(problems(search)).hasSize(2).anyMatch(p -> p.contains("factor.name")).anyMatch(p -> p.contains("text (the sort)"));
    }

    /** The case link's query picks each index by a field only that index has; it relies on these facts of the templates. */
    @Test
    void theCaseLinksQueryFieldsAreWhereItExpectsThem() {
        assertThat(DataViews.esType("yq-alerts", "caseId")).isEqualTo("keyword");
        assertThat(DataViews.esType("yq-deliveries", "caseId")).isEqualTo("keyword");
        assertThat(DataViews.esType("yq-items", "policyLinks.policyId")).isEqualTo("keyword");
        assertThat(DataViews.esType("yq-risk", "subjectId")).isEqualTo("keyword");
        assertThat(DataViews.esType("yq-risk", "caseId")).as("risk documents have no caseId").isNull();
        assertThat(DataViews.esType("yq-items", "caseId")).isNull();
        assertThat(DataViews.esType("yq-items", "subjectId")).isNull();
    }

    @Test
    void esTypeWalksObjectPropertiesAndMultiFields() {
        assertThat(DataViews.esType("yq-items", "region.location")).isEqualTo("geo_point");
        assertThat(DataViews.esType("yq-items", "title")).isEqualTo("text");
        assertThat(DataViews.esType("yq-items", "title.raw")).isEqualTo("keyword");
        assertThat(DataViews.esType("yq-items", "engagement")).isEqualTo("object");
        assertThat(DataViews.esType("yq-items", "engagement.likes.count")).isNull();
    }
}
