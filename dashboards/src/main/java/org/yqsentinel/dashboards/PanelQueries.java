package org.yqsentinel.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.yqsentinel.model.json.Json;

/**
 * The search a {@link Panel} makes Kibana send to Elasticsearch: the body of {@code POST <index>/_search}
 * with the parts that decide the answer — the panel's KQL filter (as {@link Kql} translates it) and the
 * time range on the data view's time field in {@code bool.filter}, then one aggregation per bucket
 * column of the Lens layer, nested in the layer's column order (terms, then date_histogram), with the
 * metric ({@code max}/{@code avg}; a count is the buckets' {@code doc_count}) under the innermost bucket
 * and beside any terms ordered by it. Aggregations are named by the Lens column ids.
 *
 * <p>Lens's {@code auto} interval is approximated by {@link #interval}: the first of 1m, 5m, 10m, 30m, 1h,
 * 3h, 12h, 1d, 7d, 30d that cuts the range into at most 50 buckets (Kibana's {@code histogram:barTarget}).
 * Histograms are in Beijing time ({@code Asia/Shanghai}), as the desk's browsers are.
 */
public final class PanelQueries {

    static final String TIME_ZONE = "Asia/Shanghai";
    private static final int BAR_TARGET = 50;
    private static final List<String> INTERVALS = List.of("1m", "5m", "10m", "30m", "1h", "3h", "12h", "1d", "7d", "30d");

    private PanelQueries() {}

    /** The index pattern the panel's data view searches ({@code yq-items-*}). */
    public static String index(Panel panel) {
        return DataViews.get(panel.dataView()).indexPattern();
    }

    /**
     * The search body for the panel on a dashboard showing {@code from}–{@code to}. A panel with a
     * lookback of its own ({@code now-30d}) is asked over that much time before {@code to} instead.
     */
    public static ObjectNode body(Panel panel, Instant from, Instant to) {
        if (panel.lookback() != null) {
            from = to.minus(lookback(panel.lookback()));
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(panel.id() + ": the range " + from + " – " + to + " is empty");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must");
        ArrayNode filter = bool.putArray("filter");
        Kql.Node kql = Kql.parse(panel.filter());
        if (kql != null) {
            filter.add(Kql.toQuery(kql, field -> DataViews.esType(panel.dataView(), field)));
        }
        filter.addObject().putObject("range").putObject(DataViews.get(panel.dataView()).timeField())
                .put("format", "strict_date_optional_time").put("gte", from.toString()).put("lte", to.toString());
        bool.putArray("should");
        bool.putArray("must_not");
        ObjectNode aggs = body.putObject("aggs");
        List<String> buckets = LensObjects.bucketColumns(panel);
        for (String column : buckets) {
            ObjectNode agg = aggs.putObject(column);
            if (column.equals(LensObjects.TIME_COLUMN)) {
                agg.putObject("date_histogram").put("field", panel.timeField()).put("fixed_interval", interval(from, to))
                        .put("time_zone", TIME_ZONE).put("min_doc_count", 0)
                        .putObject("extended_bounds").put("min", from.toEpochMilli()).put("max", to.toEpochMilli());
            } else {
                Panel.Terms terms = panel.breakdowns().get(Integer.parseInt(column.substring(column.indexOf('-') + 1)));
                ObjectNode termsBody = agg.putObject("terms").put("field", terms.field());
                if (panel.metric().kind() == Panel.Metric.Kind.COUNT) {
                    termsBody.putObject("order").put("_count", "desc");
                } else {
                    termsBody.putObject("order").put(LensObjects.METRIC_COLUMN, "desc");
                }
                termsBody.put("size", terms.size());
                if (panel.metric().kind() != Panel.Metric.Kind.COUNT && !column.equals(buckets.get(buckets.size() - 1))) {
                    agg.putObject("aggs").set(LensObjects.METRIC_COLUMN, metric(panel.metric()));
                }
            }
            aggs = agg.has("aggs") ? (ObjectNode) agg.get("aggs") : agg.putObject("aggs");
        }
        if (panel.metric().kind() != Panel.Metric.Kind.COUNT) {
            aggs.set(LensObjects.METRIC_COLUMN, metric(panel.metric()));
        }
        removeEmptyAggs(body);
        return body;
    }

    /** Lens's {@code auto} date_histogram interval for a range, approximated (see the class comment). */
    public static String interval(Instant from, Instant to) {
        Duration range = Duration.between(from, to);
        for (String interval : INTERVALS) {
            if (range.dividedBy(lookback("now-" + interval)) <= BAR_TARGET) {
                return interval;
            }
        }
        return INTERVALS.get(INTERVALS.size() - 1);
    }

    private static ObjectNode metric(Panel.Metric metric) {
        ObjectNode agg = Json.mapper().createObjectNode();
        agg.putObject(metric.kind() == Panel.Metric.Kind.MAX ? "max" : "avg").put("field", metric.field());
        return agg;
    }

    static Duration lookback(String range) {
        long n = Long.parseLong(range.substring("now-".length(), range.length() - 1));
        return switch (range.charAt(range.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> throw new IllegalArgumentException("range '" + range + "' must end in m, h, d or w");
        };
    }

    /** A count under a bucket needs no sub-aggregation: drop the empty {@code aggs} objects the nesting left. */
    private static void removeEmptyAggs(ObjectNode node) {
        node.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode child) {
                removeEmptyAggs(child);
            }
        });
        if (node.get("aggs") instanceof ObjectNode aggs && aggs.isEmpty()) {
            node.remove("aggs");
        }
    }
}
