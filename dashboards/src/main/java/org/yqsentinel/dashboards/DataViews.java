package org.yqsentinel.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yqsentinel.model.IndexTemplates;
import org.yqsentinel.model.json.Json;

/**
 * The Kibana data views of {@code kibana/data-views.ndjson}: one per index template, with the template's
 * name as id, its index pattern as title and a date field as time field. Answers what a panel needs to
 * know of its data view: which indices, which time field, and the mapping type of a field.
 */
public final class DataViews {

    static final String RESOURCE = "/kibana/data-views.ndjson";

    /** A data view: its id, its index pattern and its time field. */
    public record View(String id, String indexPattern, String timeField) {}

    private static final Map<String, View> VIEWS = load();

    private DataViews() {}

    /** The NDJSON Kibana imports, as bundled. */
    public static byte[] ndjson() {
        try (InputStream in = DataViews.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static View get(String id) {
        View view = VIEWS.get(id);
        if (view == null) {
            throw new IllegalArgumentException("no data view '" + id + "' in " + RESOURCE + "; there are " + VIEWS.keySet());
        }
        return view;
    }

    public static boolean exists(String id) {
        return VIEWS.containsKey(id);
    }

    /**
     * The mapping type of a field of the data view's index template ({@code keyword}, {@code date},
     * {@code geo_point}, …), or null when the template has no such field. A dotted name walks object
     * properties ({@code region.province}) and multi-fields ({@code title.raw}).
     */
    public static String esType(String dataView, String field) {
        JsonNode node = IndexTemplates.bundled(get(dataView).id()).mappings();
        for (String part : field.split("\\.")) {
            JsonNode next = node.path("properties").path(part);
            node = next.isMissingNode() ? node.path("fields").path(part) : next;
            if (node.isMissingNode()) {
                return null;
            }
        }
        JsonNode type = node.get("type");
        return type == null ? (node.has("properties") ? "object" : null) : type.asText();
    }

    private static Map<String, View> load() {
        Map<String, View> views = new LinkedHashMap<>();
        new String(ndjson(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).forEach(line -> {
            try {
                JsonNode view = Json.mapper().readTree(line);
                String id = view.get("id").asText();
                views.put(id, new View(id, view.at("/attributes/title").asText(), view.at("/attributes/timeFieldName").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("a line of " + RESOURCE + " is not JSON: " + line, e);
            }
        });
        return Map.copyOf(views);
    }
}
