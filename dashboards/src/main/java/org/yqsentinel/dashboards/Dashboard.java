package org.yqsentinel.dashboards;

import java.util.List;
import java.util.Objects;

/**
 * A Kibana dashboard: Lens panels and saved searches on one grid.
 *
 * @param id          the saved object id ({@code yq-desk-overview}); the URL {@code /app/dashboards#/view/<id>} opens it
 * @param title       the title the desk reads, in Chinese
 * @param description one line on what it is for
 * @param timeFrom    the time range it opens with ({@code now-24h}), or null to keep the one of the URL or the last view
 * @param refreshSeconds how often it refreshes by itself, 0 for never
 * @param panels      its charts
 * @param searches    its document lists
 */
public record Dashboard(String id, String title, String description, String timeFrom, int refreshSeconds, List<Panel> panels,
                        List<Placed> searches) {

    /** A saved search and where it sits on the grid. */
    public record Placed(SavedSearch search, Panel.Grid grid) {
        public Placed {
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(grid, "grid");
        }
    }

    public Dashboard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        if (refreshSeconds < 0) {
            throw new IllegalArgumentException(id + ": refresh every " + refreshSeconds + " s");
        }
        panels = List.copyOf(panels);
        searches = List.copyOf(searches);
    }
}
