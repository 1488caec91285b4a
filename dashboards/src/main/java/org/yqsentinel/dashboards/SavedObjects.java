package org.yqsentinel.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yqsentinel.model.json.Json;

/**
 * The {@link Desk} as Kibana 8.x saved objects, one JSON object a line (the NDJSON of Kibana's export and
 * import): the Lens panels, then the saved searches, then the dashboards that reference them. The same
 * desk gives the same bytes; the committed {@code kibana/desk.ndjson} is this output, and a test keeps it so.
 *
 * <p>Regenerate it after changing the desk with {@code java … org.yqsentinel.dashboards.SavedObjects <file>}, or
 * by running {@code DeskNdjsonTest} with {@code -Dkibana.regenerate=true}.
 */
public final class SavedObjects {

    static final String RESOURCE = "/kibana/desk.ndjson";
    /** Where the generated file is kept, from the root of the project. */
    static final String SOURCE_PATH = "dashboards/src/main/resources" + RESOURCE;

    /** The migration versions of the shapes written here, as Kibana's own 8.x exports and sample data carry them. */
    static final String CORE_MIGRATION_VERSION = "8.8.0";
    private static final String DASHBOARD_VERSION = "8.7.0";
    private static final String SEARCH_VERSION = "7.9.3";
    /** The Kibana version recorded in each dashboard panel, that of the panel shape written here. */
    private static final String PANEL_VERSION = "8.8.0";
    private static final String SEARCH_INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index";

    private SavedObjects() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : SOURCE_PATH);
        Files.writeString(file, ndjson(), StandardCharsets.UTF_8);
        System.out.println("wrote " + objects().size() + " saved objects to " + file.toAbsolutePath());
    }

    /** Every saved object of the desk, dependencies first. */
    public static List<ObjectNode> objects() {
        List<ObjectNode> objects = new ArrayList<>();
        Desk.panels().forEach(panel -> objects.add(LensObjects.lens(panel)));
        Desk.searches().forEach(search -> objects.add(search(search)));
        Desk.dashboards().forEach(dashboard -> objects.add(dashboard(dashboard)));
        return objects;
    }

    /** The desk's saved objects as NDJSON, each line ending in a newline. */
    public static String ndjson() {
        StringBuilder out = new StringBuilder();
        objects().forEach(object -> out.append(Json.toString(object)).append('\n'));
        return out.toString();
    }

    static ObjectNode search(SavedSearch search) {
        ObjectNode object = Json.mapper().createObjectNode();
        object.put("type", "search").put("id", search.id());
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", search.title()).put("description", "");
        ArrayNode columns = attributes.putArray("columns");
        search.columns().forEach(columns::add);
        attributes.putArray("sort").addArray().add(search.sortField()).add(search.ascending() ? "asc" : "desc");
        attributes.putObject("grid");
        attributes.put("hideChart", false).put("isTextBasedQuery", false);
        ObjectNode source = Json.mapper().createObjectNode();
        source.putObject("query").put("query", search.query()).put("language", "kuery");
        source.putArray("filter");
        source.put("indexRefName", SEARCH_INDEX_REF);
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", Json.toString(source));
        object.putArray("references").addObject().put("name", SEARCH_INDEX_REF).put("type", "index-pattern").put("id", search.dataView());
        return versioned(object, SEARCH_VERSION);
    }

    static ObjectNode dashboard(Dashboard dashboard) {
        ObjectNode object = Json.mapper().createObjectNode();
        object.put("type", "dashboard").put("id", dashboard.id());
        ArrayNode panels = Json.mapper().createArrayNode();
        ArrayNode references = Json.mapper().createArrayNode();
        int index = 0;
        for (Panel panel : dashboard.panels()) {
            ObjectNode entry = panelEntry(panels, references, ++index, "lens", panel.id(), panel.grid());
            if (panel.lookback() != null) {
                ((ObjectNode) entry.get("embeddableConfig")).putObject("timeRange").put("from", panel.lookback()).put("to", "now");
            }
        }
        for (Dashboard.Placed placed : dashboard.searches()) {
            panelEntry(panels, references, ++index, "search", placed.search().id(), placed.grid());
        }
        ObjectNode attributes = object.putObject("attributes");
        attributes.put("title", dashboard.title()).put("description", dashboard.description());
        attributes.put("panelsJSON", Json.toString(panels));
        ObjectNode options = Json.mapper().createObjectNode().put("useMargins", true).put("syncColors", false)
                .put("syncCursor", true).put("syncTooltips", false).put("hidePanelTitles", false);
        attributes.put("optionsJSON", Json.toString(options));
        attributes.put("timeRestore", dashboard.timeFrom() != null);
        if (dashboard.timeFrom() != null) {
            attributes.put("timeFrom", dashboard.timeFrom()).put("timeTo", "now");
            attributes.putObject("refreshInterval").put("pause", dashboard.refreshSeconds() == 0)
                    .put("value", dashboard.refreshSeconds() * 1000L);
        }
        ObjectNode source = Json.mapper().createObjectNode();
        source.putObject("query").put("query", "").put("language", "kuery");
        source.putArray("filter");
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", Json.toString(source));
        attributes.put("version", 1);
        object.set("references", references);
        return versioned(object, DASHBOARD_VERSION);
    }

    /**
     * One by-reference panel: {@code panelRefName} {@code panel_<i>} in the panel, and its reference
     * {@code <i>:panel_<i>} (the panel index as prefix, as Kibana 8.x writes dashboards).
     */
    private static ObjectNode panelEntry(ArrayNode panels, ArrayNode references, int index, String type, String id, Panel.Grid grid) {
        String panelIndex = Integer.toString(index);
        ObjectNode entry = panels.addObject();
        entry.put("version", PANEL_VERSION).put("type", type);
        entry.putObject("gridData").put("x", grid.x()).put("y", grid.y()).put("w", grid.w()).put("h", grid.h()).put("i", panelIndex);
        entry.put("panelIndex", panelIndex);
        entry.putObject("embeddableConfig").putObject("enhancements");
        entry.put("panelRefName", "panel_" + panelIndex);
        references.addObject().put("name", panelIndex + ":panel_" + panelIndex).put("type", type).put("id", id);
        return entry;
    }

    static ObjectNode versioned(ObjectNode object, String typeMigrationVersion) {
        return object.put("coreMigrationVersion", CORE_MIGRATION_VERSION).put("typeMigrationVersion", typeMigrationVersion);
    }
}
