package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.dashboards.Panel.Chart;
import org.yqsentinel.dashboards.Panel.Grid;
import org.yqsentinel.dashboards.Panel.Metric;
import org.yqsentinel.dashboards.Panel.Terms;
import org.yqsentinel.model.json.Json;

/** Each panel becomes the search Kibana sends for it: filter and time range, then its aggregations nested as Lens nests them. */
class PanelQueriesTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-02T00:00:00Z");
    private static final Grid GRID = new Grid(0, 0, 12, 8);

    private static JsonNode json(String json) throws IOException {
        return Json.mapper().readTree(json.replace('\'', '"'));
    }

    private static String range(String field, Instant from, Instant to) {
        return "{'range':{'" + field + "':{'format':'strict_date_optional_time','gte':'" + from + "','lte':'" + to + "'}}}";
    }

    private static Panel panel(String id) {
        return Desk.panels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void volumeByChannelIsTermsByCountAroundAnHistogramOnTheTimeFieldOverTheRange() throws IOException {
        Panel panel = panel("yq-desk-volume-by-channel");

        assertThat(PanelQueries.index(panel)).isEqualTo("yq-items-*");
        assertThat(PanelQueries.body(panel, FROM, TO)).isEqualTo(json("{'size':0,"
                + "'query':{'bool':{'must':[],'filter':[" + range("publishedAt", FROM, TO) + "],'should':[],'must_not':[]}},"
                + "'aggs':{'breakdown-0':{'terms':{'field':'channel','order':{'_count':'desc'},'size':3},"
                + "'aggs':{'time':{'date_histogram':{'field':'publishedAt','fixed_interval':'30m','time_zone':'Asia/Shanghai',"
                + "'min_doc_count':0,'extended_bounds':{'min':1772323200000,'max':1772409600000}}}}}}}"));
    }

    @Test
    void maxRiskPerPolicyOrdersTheTermsByTheMaxAndTakesTheMaxInEveryTimeBucket() throws IOException {
        JsonNode body = PanelQueries.body(panel("yq-desk-policy-risk"), FROM, TO);

        assertThat(body.at("/query/bool/filter/0")).isEqualTo(json(range("windowEnd", FROM, TO)));
        assertThat(body.get("aggs")).isEqualTo(json("{'breakdown-0':{"
                + "'terms':{'field':'subjectId','order':{'metric':'desc'},'size':10},"
                + "'aggs':{'metric':{'max':{'field':'score'}},"
                + "'time':{'date_histogram':{'field':'windowEnd','fixed_interval':'30m','time_zone':'Asia/Shanghai','min_doc_count':0,"
                + "'extended_bounds':{'min':1772323200000,'max':1772409600000}},"
                + "'aggs':{'metric':{'max':{'field':'score'}}}}}}}"));
    }

    @Test
    void openCasesAreFilteredByTheTranslatedKqlAndAskedOverTheirOwnThirtyDays() throws IOException {
        JsonNode body = PanelQueries.body(panel("yq-desk-open-cases"), FROM, TO);

        assertThat(PanelQueries.index(panel("yq-desk-open-cases"))).isEqualTo("yq-cases");
        assertThat(body.at("/query/bool/filter")).isEqualTo(json("["
                + "{'bool':{'must_not':{'bool':{'should':[{'term':{'status':{'value':'CLOSED'}}}],'minimum_should_match':1}}}},"
                + range("openedAt", Instant.parse("2026-01-31T00:00:00Z"), TO) + "]"));
        assertThat(body.get("aggs")).isEqualTo(json("{'breakdown-0':{'terms':{'field':'peakTier','order':{'_count':'desc'},'size':4}}}"));
    }

    @Test
    void sentimentShareNestsTheSplitTermsInsideTheAxisTerms() throws IOException {
        JsonNode aggs = PanelQueries.body(panel("yq-desk-sentiment-by-channel"), FROM, TO).get("aggs");

        assertThat(aggs).isEqualTo(json("{'breakdown-0':{'terms':{'field':'channel','order':{'_count':'desc'},'size':3},"
                + "'aggs':{'breakdown-1':{'terms':{'field':'sentiment.label','order':{'_count':'desc'},'size':3}}}}}"));
    }

    @Test
    void anAverageWithoutBreakdownIsOneMetricAtTheTop() throws IOException {
        Panel panel = Panel.of("yq-test-avg", "平均风险", "yq-risk", Chart.METRIC, null, List.of(), Metric.avg("score"), GRID)
                .filtered("tier:II and not subjectId:p-1");
        JsonNode body = PanelQueries.body(panel, FROM, TO);

        assertThat(body.get("aggs")).isEqualTo(json("{'metric':{'avg':{'field':'score'}}}"));
        assertThat(body.at("/query/bool/filter/0/bool/filter")).hasSize(2);
        assertThat(body.at("/query/bool/filter/0/bool/filter/1/bool/must_not/bool/should/0/term/subjectId/value").asText())
                .isEqualTo("p-1");
    }

    @Test
    void everyPanelOfTheDeskHasABody() {
        for (Panel panel : Desk.panels()) {
            JsonNode body = PanelQueries.body(panel, FROM, TO);
            assertThat(body.get("aggs").size()).as(panel.id()).isEqualTo(1);
            assertThat(body.findValues("range")).as(panel.id()).hasSize(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"PT30M, 1m", "PT4H, 5m", "PT24H, 30m", "P2D, 1h", "P7D, 12h", "P30D, 1d", "P90D, 7d", "P3650D, 30d"})
    void theAutoIntervalCutsTheRangeIntoAtMostFiftyBuckets(java.time.Duration range, String interval) {
        assertThat(PanelQueries.interval(FROM, FROM.plus(range))).isEqualTo(interval);
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> PanelQueries.body(panel("yq-case-risk"), TO, TO)).hasMessageContaining("yq-case-risk");
    }

    @Test
    void aPanelOnAnUnknownDataViewIsRefusedWithTheViewsThereAre() {
        Panel panel = Panel.of("yq-test-x", "x", "yq-nothing", Chart.METRIC, null, List.of(), Metric.count(), GRID);
        assertThatThrownBy(() -> PanelQueries.body(panel, FROM, TO)).hasMessageContaining("yq-nothing").hasMessageContaining("yq-items");
    }
}
