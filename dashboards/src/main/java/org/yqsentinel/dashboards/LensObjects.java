package org.yqsentinel.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yqsentinel.dashboards.Panel.Chart;
import org.yqsentinel.model.json.Json;

/**
 * A {@link Panel} as the Lens saved object ({@code type: lens}) Kibana 8.x exports: one form-based layer on
 * the panel's data view, whose columns are the panel's breakdowns (terms), its time axis
 * (date_histogram) and its metric, in that order; the visualization state of the chart kind; the
 * panel's filter as the object's KQL query; and the reference {@code indexpattern-datasource-layer-<layer>}
 * that names the data view. Column and layer ids are derived from the panel, so the output is stable.
 */
final class LensObjects {

    /** How the desk reads a field in legends and table headers. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("channel", "渠道"), Map.entry("tier", "预警等级"), Map.entry("currentTier", "当前等级"), Map.entry("peakTier", "最高等级"),
            Map.entry("subjectId", "政策"), Map.entry("sentiment.label", "情感"), Map.entry("emotion.label", "情绪"),
            Map.entry("keywords", "关键词"), Map.entry("region.province", "省份"), Map.entry("region.city", "城市"),
            Map.entry("receiver", "接收方"), Map.entry("status", "状态"), Map.entry("who", "确认人"),
            Map.entry("publishedAt", "发布时间"), Map.entry("windowEnd", "时间窗结束"), Map.entry("score", "风险分"));

    static final String TIME_COLUMN = "time";
    static final String METRIC_COLUMN = "metric";

    private LensObjects() {}

    static String layerId(Panel panel) {
        return panel.id() + "-layer";
    }

    static String breakdownColumn(int index) {
        return "breakdown-" + index;
    }

    /** The bucket columns in the order Lens nests their aggregations: breakdowns, then the time axis. */
    static List<String> bucketColumns(Panel panel) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < panel.breakdowns().size(); i++) {
            columns.add(breakdownColumn(i));
        }
        if (panel.timeField() != null) {
            columns.add(TIME_COLUMN);
        }
        return columns;
    }

    static ObjectNode lens(Panel panel) {
        ObjectNode object = Json.mapper().createObjectNode();
        object.put("type", "lens").put("id", panel.id());
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", panel.title()).put("description", "").put("visualizationType", visualizationType(panel.chart()));
        ObjectNode state = attributes.putObject("state");
        state.set("visualization", visualization(panel));
        state.putObject("query").put("query", panel.filter()).put("language", "kuery");
        state.putArray("filters");
        ObjectNode datasources = state.putObject("datasourceStates");
        datasources.putObject("formBased").putObject("layers").set(layerId(panel), layer(panel));
        datasources.putObject("textBased").putObject("layers");
        state.putArray("internalReferences");
        state.putObject("adHocDataViews");
        object.putArray("references").addObject().put("type", "index-pattern").put("id", panel.dataView())
                .put("name", "indexpattern-datasource-layer-" + layerId(panel));
        return SavedObjects.versioned(object, "8.9.0");
    }

    private static String visualizationType(Chart chart) {
        return switch (chart) {
            case BAR_OVER_TIME, LINE_OVER_TIME, BAR_SHARE -> "lnsXY";
            case METRIC -> "lnsMetric";
            case TABLE -> "lnsDatatable";
            case TAGCLOUD -> "lnsTagcloud";
            case PIE -> "lnsPie";
        };
    }

    private static ObjectNode layer(Panel panel) {
        ObjectNode layer = Json.mapper().createObjectNode();
        ObjectNode columns = layer.putObject("columns");
        for (int i = 0; i < panel.breakdowns().size(); i++) {
            Panel.Terms terms = panel.breakdowns().get(i);
            ObjectNode column = columns.putObject(breakdownColumn(i));
            column.put("label", label(terms.field())).put("customLabel", true).put("dataType", "string")
                    .put("operationType", "terms").put("sourceField", terms.field()).put("isBucketed", true).put("scale", "ordinal");
            ObjectNode params = column.putObject("params");
            params.put("size", terms.size());
            params.putObject("orderBy").put("type", "column").put("columnId", METRIC_COLUMN);
            params.put("orderDirection", "desc").put("otherBucket", false).put("missingBucket", false);
            params.putObject("parentFormat").put("id", "terms");
        }
        if (panel.timeField() != null) {
            ObjectNode column = columns.putObject(TIME_COLUMN);
            column.put("label", label(panel.timeField())).put("customLabel", true).put("dataType", "date")
                    .put("operationType", "date_histogram").put("sourceField", panel.timeField()).put("isBucketed", true)
                    .put("scale", "interval");
            column.putObject("params").put("interval", "auto").put("includeEmptyRows", true).put("dropPartials", false);
        }
        ObjectNode metric = columns.putObject(METRIC_COLUMN);
        metric.put("label", metricLabel(panel.metric())).put("customLabel", true).put("dataType", "number");
        switch (panel.metric().kind()) {
            case COUNT -> metric.put("operationType", "count").put("sourceField", "___records___");
            case MAX -> metric.put("operationType", "max").put("sourceField", panel.metric().field());
            case AVG -> metric.put("operationType", "average").put("sourceField", panel.metric().field());
        }
        metric.put("isBucketed", false).put("scale", "ratio").putObject("params").put("emptyAsNull", true);
        ArrayNode order = layer.putArray("columnOrder");
        bucketColumns(panel).forEach(order::add);
        order.add(METRIC_COLUMN);
        layer.putObject("incompleteColumns");
        layer.put("sampling", 1);
        return layer;
    }

    private static ObjectNode visualization(Panel panel) {
        ObjectNode vis = Json.mapper().createObjectNode();
        String layerId = layerId(panel);
        switch (panel.chart()) {
            case BAR_OVER_TIME, LINE_OVER_TIME, BAR_SHARE -> xy(panel, vis, layerId);
            case METRIC -> vis.put("layerId", layerId).put("layerType", "data").put("metricAccessor", METRIC_COLUMN);
            case TABLE -> {
                vis.put("layerId", layerId).put("layerType", "data");
                ArrayNode columns = vis.putArray("columns");
                bucketColumns(panel).forEach(c -> columns.addObject().put("columnId", c).put("isTransposed", false));
                columns.addObject().put("columnId", METRIC_COLUMN).put("isTransposed", false);
            }
            case TAGCLOUD -> vis.put("layerId", layerId).put("layerType", "data").put("tagAccessor", breakdownColumn(0))
                    .put("valueAccessor", METRIC_COLUMN).put("maxFontSize", 72).put("minFontSize", 18)
                    .put("orientation", "single").put("showLabel", true);
            case PIE -> {
                vis.put("shape", "donut");
                ObjectNode layer = vis.putArray("layers").addObject();
                layer.put("layerId", layerId).put("layerType", "data");
                ArrayNode groups = layer.putArray("primaryGroups");
                bucketColumns(panel).forEach(groups::add);
                layer.putArray("metrics").add(METRIC_COLUMN);
                layer.put("numberDisplay", "percent").put("categoryDisplay", "default").put("legendDisplay", "default")
                        .put("nestedLegend", false);
            }
        }
        return vis;
    }

    private static void xy(Panel panel, ObjectNode vis, String layerId) {
        String series = switch (panel.chart()) {
            case LINE_OVER_TIME -> "line";
            case BAR_SHARE -> "bar_percentage_stacked";
            default -> "bar_stacked";
        };
        String x = panel.chart() == Chart.BAR_SHARE ? breakdownColumn(0) : TIME_COLUMN;
        String split = panel.chart() == Chart.BAR_SHARE ? breakdownColumn(1)
                : panel.breakdowns().isEmpty() ? null : breakdownColumn(0);
        vis.putObject("legend").put("isVisible", true).put("position", "right");
        vis.put("valueLabels", "hide").put("fittingFunction", "None").put("preferredSeriesType", series);
        for (String setting : List.of("axisTitlesVisibilitySettings", "tickLabelsVisibilitySettings", "gridlinesVisibilitySettings")) {
            vis.putObject(setting).put("x", true).put("yLeft", true).put("yRight", true);
        }
        vis.putObject("labelsOrientation").put("x", 0).put("yLeft", 0).put("yRight", 0);
        ObjectNode layer = vis.putArray("layers").addObject();
        layer.put("layerId", layerId).put("layerType", "data").put("seriesType", series).put("xAccessor", x);
        if (split != null) {
            layer.put("splitAccessor", split);
        }
        layer.putArray("accessors").add(METRIC_COLUMN);
        layer.put("position", "top").put("showGridlines", false);
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static String metricLabel(Panel.Metric metric) {
        return switch (metric.kind()) {
            case COUNT -> "数量";
            case MAX -> "最高" + label(metric.field());
            case AVG -> "平均" + label(metric.field());
        };
    }
}
