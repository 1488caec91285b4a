package org.yqsentinel.dashboards;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One chart of a dashboard, as the desk reads it: what it counts, over which field of which data view,
 * broken down how, on which part of the grid. {@link SavedObjects} turns it into a Kibana Lens object and
 * {@link PanelQueries} into the aggregation Kibana sends; both read only this record.
 *
 * @param id         the saved object id ({@code yq-desk-volume-by-channel}), stable across releases
 * @param title      the title the desk reads, in Chinese
 * @param dataView   the id of a data view of {@code kibana/data-views.ndjson} ({@code yq-items})
 * @param chart      how it is drawn
 * @param timeField  the date field of the x axis of an over-time chart, else null
 * @param breakdowns the terms the chart is split by, outermost first (see {@link Chart} for how many each takes)
 * @param metric     what each bucket shows
 * @param filter     a KQL query that narrows the chart ({@code not status:CLOSED}), empty for none
 * @param lookback   a time range of its own, {@code now-<n>} in minutes, hours, days or weeks ({@code now-30d}),
 *                   instead of the dashboard's; else null
 * @param grid       where it sits on the 48-column dashboard grid
 */
public record Panel(String id, String title, String dataView, Chart chart, String timeField, List<Terms> breakdowns,
                    Metric metric, String filter, String lookback, Grid grid) {

    private static final Pattern ID = Pattern.compile("yq-[a-z0-9-]+");
    private static final Pattern LOOKBACK = Pattern.compile("now-[1-9][0-9]*[mhdw]");

    /** How a panel is drawn; each takes a set number of breakdowns. */
    public enum Chart {
        /** Stacked bars over time, split by at most one breakdown. */
        BAR_OVER_TIME,
        /** Lines over time, one per value of at most one breakdown. */
        LINE_OVER_TIME,
        /** One number, no breakdown. */
        METRIC,
        /** A table with a row per combination of its breakdowns (one or more) and the metric. */
        TABLE,
        /** The values of one breakdown, sized by the metric. */
        TAGCLOUD,
        /** Slices by one breakdown, or rings by two. */
        PIE,
        /** One bar per value of the first breakdown, 100 % stacked by the second: the share of each. */
        BAR_SHARE;

        boolean overTime() {
            return this == BAR_OVER_TIME || this == LINE_OVER_TIME;
        }

        boolean takes(int breakdowns) {
            return switch (this) {
                case BAR_OVER_TIME, LINE_OVER_TIME -> breakdowns <= 1;
                case METRIC -> breakdowns == 0;
                case TABLE -> breakdowns >= 1;
                case TAGCLOUD -> breakdowns == 1;
                case PIE -> breakdowns == 1 || breakdowns == 2;
                case BAR_SHARE -> breakdowns == 2;
            };
        }
    }

    /** The top {@code size} values of a keyword field, by the panel's metric. */
    public record Terms(String field, int size) {
        public Terms {
            Objects.requireNonNull(field, "field");
            if (size < 1 || size > 100) {
                throw new IllegalArgumentException("terms of " + field + ": size " + size + " is outside 1..100");
            }
        }
    }

    /** A document count, or the maximum or average of a numeric field. */
    public record Metric(Kind kind, String field) {
        public enum Kind { COUNT, MAX, AVG }

        public Metric {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.COUNT) != (field == null)) {
                throw new IllegalArgumentException(kind == Kind.COUNT ? "a count takes no field" : kind + " needs a numeric field");
            }
        }

        public static Metric count() {
            return new Metric(Kind.COUNT, null);
        }

        public static Metric max(String field) {
            return new Metric(Kind.MAX, field);
        }

        public static Metric avg(String field) {
            return new Metric(Kind.AVG, field);
        }
    }

    /** A place on Kibana's dashboard grid: 48 columns wide, rows of about 20 px. */
    public record Grid(int x, int y, int w, int h) {
        public Grid {
            if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > 48) {
                throw new IllegalArgumentException("grid (" + x + ", " + y + ", " + w + " × " + h + ") does not fit 48 columns");
            }
        }
    }

    public Panel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dataView, "dataView");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(grid, "grid");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("panel id '" + id + "' must look like yq-desk-volume (lower case, digits, dashes)");
        }
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        filter = filter == null ? "" : filter.strip();
        if (chart.overTime() != (timeField != null)) {
            throw new IllegalArgumentException(id + ": " + chart + (chart.overTime() ? " needs a time field" : " takes no time field"));
        }
        if (!chart.takes(breakdowns.size())) {
            throw new IllegalArgumentException(id + ": " + chart + " does not take " + breakdowns.size() + " breakdown(s)");
        }
        if (lookback != null && !LOOKBACK.matcher(lookback).matches()) {
            throw new IllegalArgumentException(id + ": lookback '" + lookback + "' must look like now-30d");
        }
    }

    /** A panel on the dashboard's own time range with no filter; use the withers for the rest. */
    public static Panel of(String id, String title, String dataView, Chart chart, String timeField, List<Terms> breakdowns,
                           Metric metric, Grid grid) {
        return new Panel(id, title, dataView, chart, timeField, breakdowns, metric, "", null, grid);
    }

    public Panel filtered(String kql) {
        return new Panel(id, title, dataView, chart, timeField, breakdowns, metric, kql, lookback, grid);
    }

    public Panel lookingBack(String range) {
        return new Panel(id, title, dataView, chart, timeField, breakdowns, metric, filter, range, grid);
    }
}
