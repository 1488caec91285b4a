package org.yqsentinel.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.json.Json;

/** The desk's saved objects hold together as Kibana resolves them: by ids, reference names and column ids. */
class SavedObjectsTest {

    private static final String REGENERATE = "kibana.regenerate";

    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> objects = new ArrayList<>();
        ndjson.lines().forEach(line -> {
            assertThat(line).as("NDJSON has no blank lines").isNotBlank();
            try {
                objects.add(Json.mapper().readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        });
        return objects;
    }

    private static List<JsonNode> desk() {
        return lines(SavedObjects.ndjson());
    }

    private static List<JsonNode> ofType(String type) {
        return desk().stream().filter(o -> o.get("type").asText().equals(type)).toList();
    }

    private static JsonNode parse(String json) throws IOException {
        return Json.mapper().readTree(json);
    }

    /** Fails when desk.ndjson was not regenerated after a change to the desk; -Dkibana.regenerate=true rewrites it. */
    @Test
    void committedDeskNdjsonIsTheGeneratorsOutput() throws IOException {
        String generated = SavedObjects.ndjson();
        Path file = Path.of(System.getProperty("yq.home", "..")).resolve(SavedObjects.SOURCE_PATH);
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is out of date: run this test with -D%s=true and commit the file", SavedObjects.SOURCE_PATH, REGENERATE)
                .isEqualTo(generated);
        try (InputStream in = SavedObjectsTest.class.getResourceAsStream(SavedObjects.RESOURCE)) {
            assertThat(in).as("%s is packaged", SavedObjects.RESOURCE).isNotNull();
        }
    }

    @Test
    void generatingTwiceGivesTheSameBytes() {
        assertThat(SavedObjects.ndjson()).isEqualTo(SavedObjects.ndjson()).endsWith("\n");
    }

    @Test
    void everyObjectHasATypeAnIdAndATitleAndIdsAreUniqueAcrossDataViewsAndDesk() {
        List<JsonNode> all = lines(new String(DataViews.ndjson(), StandardCharsets.UTF_8) + SavedObjects.ndjson());
        Set<String> ids = new HashSet<>();
        for (JsonNode object : all) {
            assertThat(object.path("type").asText()).isIn("index-pattern", "lens", "search", "dashboard");
            assertThat(object.path("attributes").path("title").asText()).as("title of %s", object.get("id")).isNotBlank();
            assertThat(ids.add(object.get("id").asText())).as("id %s is used once", object.get("id")).isTrue();
        }
        assertThat(ofType("dashboard")).extracting(d -> d.get("id").asText()).containsExactly(Desk.OVERVIEW_ID, Desk.CASE_VIEW_ID);
        assertThat(ofType("search")).extracting(d -> d.get("id").asText())
                .containsExactly("yq-newest-alerts", "yq-policy-posts", "yq-case-alerts", "yq-case-records");
    }

    @Test
    void everyLensLayerIsNamedInTheReferencesAndPointsAtAnExistingDataView() {
        for (JsonNode lens : ofType("lens")) {
            JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
            assertThat(layers.size()).as("layers of %s", lens.get("id")).isEqualTo(1);
            Map<String, JsonNode> references = new HashMap<>();
            lens.get("references").forEach(r -> references.put(r.get("name").asText(), r));
            layers.fieldNames().forEachRemaining(layerId -> {
                JsonNode reference = references.remove("indexpattern-datasource-layer-" + layerId);
                assertThat(reference).as("reference of layer %s of %s", layerId, lens.get("id")).isNotNull();
                assertThat(reference.get("type").asText()).isEqualTo("index-pattern");
                assertThat(DataViews.exists(reference.get("id").asText())).as("data view %s", reference.get("id")).isTrue();
            });
            assertThat(references).as("references of %s that name no layer", lens.get("id")).isEmpty();
        }
    }

    @Test
    void everyAccessorOfAVisualizationIsAColumnOfItsLayer() {
        for (JsonNode lens : ofType("lens")) {
            JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
            String layerId = layers.fieldNames().next();
            JsonNode layer = layers.get(layerId);
            Set<String> columns = new HashSet<>();
            layer.get("columns").fieldNames().forEachRemaining(columns::add);
            assertThat(StreamSupport.stream(layer.get("columnOrder").spliterator(), false).map(JsonNode::asText))
                    .as("columnOrder of %s", lens.get("id")).containsExactlyInAnyOrderElementsOf(columns);

            JsonNode vis = lens.at("/attributes/state/visualization");
            List<String> accessors = new ArrayList<>();
            List<String> layerIds = new ArrayList<>();
            vis.findValues("layerId").forEach(v -> layerIds.add(v.asText()));
            for (String key : List.of("xAccessor", "splitAccessor", "metricAccessor", "tagAccessor", "valueAccessor", "columnId")) {
                vis.findValues(key).forEach(v -> accessors.add(v.asText()));
            }
            for (String key : List.of("accessors", "primaryGroups", "metrics")) {
                vis.findValues(key).forEach(array -> array.forEach(v -> accessors.add(v.asText())));
            }
            assertThat(layerIds).as("layers named by the visualization of %s", lens.get("id")).containsOnly(layerId);
            assertThat(accessors).as("accessors of %s", lens.get("id")).isNotEmpty().allMatch(columns::contains);
            for (JsonNode column : layer.get("columns")) {
                if (column.path("params").has("orderBy")) {
                    assertThat(columns).contains(column.at("/params/orderBy/columnId").asText());
                }
            }
        }
    }

    @Test
    void everyDashboardPanelFindsItsReferenceAndEveryReferenceAnObjectOfTheFile() throws IOException {
        Map<String, String> typeOfId = new HashMap<>();
        desk().forEach(o -> typeOfId.put(o.get("id").asText(), o.get("type").asText()));
        for (JsonNode dashboard : ofType("dashboard")) {
            Map<String, JsonNode> references = new HashMap<>();
            dashboard.get("references").forEach(r -> references.put(r.get("name").asText(), r));
            JsonNode panels = parse(dashboard.at("/attributes/panelsJSON").asText());
            assertThat(panels.size()).isGreaterThan(1);
            Set<String> indices = new HashSet<>();
            for (JsonNode panel : panels) {
                String index = panel.get("panelIndex").asText();
                assertThat(indices.add(index)).as("panelIndex %s once", index).isTrue();
                assertThat(panel.at("/gridData/i").asText()).isEqualTo(index);
                JsonNode reference = references.remove(index + ":" + panel.get("panelRefName").asText());
                assertThat(reference).as("reference of panel %s of %s", index, dashboard.get("id")).isNotNull();
                assertThat(reference.get("type").asText()).isEqualTo(panel.get("type").asText());
                assertThat(typeOfId.get(reference.get("id").asText())).as("object %s", reference.get("id"))
                        .isEqualTo(reference.get("type").asText());
            }
            assertThat(references).as("references of %s no panel uses", dashboard.get("id")).isEmpty();
            assertThat(parse(dashboard.at("/attributes/optionsJSON").asText()).get("useMargins").asBoolean()).isTrue();
            assertThat(parse(dashboard.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText()).has("query")).isTrue();
        }
    }

    @Test
    void panelsOfADashboardDoNotOverlap() throws IOException {
        for (JsonNode dashboard : ofType("dashboard")) {
            List<JsonNode> grids = new ArrayList<>();
            parse(dashboard.at("/attributes/panelsJSON").asText()).forEach(p -> grids.add(p.get("gridData")));
            for (int i = 0; i < grids.size(); i++) {
                for (int j = i + 1; j < grids.size(); j++) {
                    JsonNode a = grids.get(i);
                    JsonNode b = grids.get(j);
                    boolean apart = a.get("x").asInt() + a.get("w").asInt() <= b.get("x").asInt()
                            || b.get("x").asInt() + b.get("w").asInt() <= a.get("x").asInt()
                            || a.get("y").asInt() + a.get("h").asInt() <= b.get("y").asInt()
                            || b.get("y").asInt() + b.get("h").asInt() <= a.get("y").asInt();
                    assertThat(apart).as("panels %s and %s of %s", a, b, dashboard.get("id")).isTrue();
                }
            }
        }
    }

    @Test
    void everySavedSearchNamesItsDataViewThroughIndexRefName() throws IOException {
        for (JsonNode search : ofType("search")) {
            JsonNode source = parse(search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
            String refName = source.get("indexRefName").asText();
            JsonNode reference = search.get("references").get(0);
            assertThat(search.get("references")).hasSize(1);
            assertThat(reference.get("name").asText()).isEqualTo(refName).isEqualTo("kibanaSavedObjectMeta.searchSourceJSON.index");
            assertThat(reference.get("type").asText()).isEqualTo("index-pattern");
            assertThat(DataViews.exists(reference.get("id").asText())).isTrue();
            assertThat(source.at("/query/language").asText()).isEqualTo("kuery");
            assertThat(search.at("/attributes/sort/0")).hasSize(2);
        }
    }

    @Test
    void panelsWithALookbackCarryItAsTheirOwnTimeRangeAndTheOverviewRestoresItsTime() throws IOException {
        JsonNode overview = ofType("dashboard").get(0);
        JsonNode panels = parse(overview.at("/attributes/panelsJSON").asText());
        Predicate<JsonNode> openCases = p -> {
            String ref = p.get("panelIndex").asText() + ":" + p.get("panelRefName").asText();
            return StreamSupport.stream(overview.get("references").spliterator(), false)
                    .anyMatch(r -> r.get("name").asText().equals(ref) && r.get("id").asText().equals("yq-desk-open-cases"));
        };
        JsonNode panel = StreamSupport.stream(panels.spliterator(), false).filter(openCases).findFirst().orElseThrow();
        assertThat(panel.at("/embeddableConfig/timeRange/from").asText()).isEqualTo("now-30d");
        assertThat(overview.at("/attributes/timeRestore").asBoolean()).isTrue();
        assertThat(overview.at("/attributes/timeFrom").asText()).isEqualTo("now-24h");
        JsonNode caseView = ofType("dashboard").get(1);
        assertThat(caseView.at("/attributes/timeRestore").asBoolean()).as("the case link brings its own time").isFalse();
    }

    @Test
    void everyObjectCarriesTheMigrationVersionOfItsShape() {
        for (JsonNode object : desk()) {
            assertThat(object.get("coreMigrationVersion").asText()).isEqualTo(SavedObjects.CORE_MIGRATION_VERSION);
            assertThat(object.get("typeMigrationVersion").asText()).matches("[78]\\.[0-9]+\\.[0-9]+");
        }
    }
}
