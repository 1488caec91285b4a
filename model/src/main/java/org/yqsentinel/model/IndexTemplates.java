package org.yqsentinel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.yqsentinel.model.json.Json;

/**
 * The Elasticsearch index templates of DESIGN.md, bundled as JSON files under
 * {@code index-templates/} with explicit, strict mappings. {@link #forNamespace} rewrites their
 * names and index patterns so that a namespace gets templates of its own.
 */
public final class IndexTemplates {

    /** Template names; monthly families end in {@code -*} in their index patterns. */
    public static final List<String> NAMES = List.of(
            "yq-items", "yq-policies", "yq-risk", "yq-alerts", "yq-cases", "yq-deliveries", "yq-silences");

    private IndexTemplates() {}

    /** One template: its name in the namespace and the body of {@code PUT _index_template/<name>}. */
    public record Template(String name, ObjectNode body) {

        /** The indices it applies to: a single index ({@code yq-policies}) or a monthly family ({@code yq-items-*}). */
        public String indexPattern() {
            return body.get("index_patterns").get(0).asText();
        }

        /** True for a family of monthly indices ({@code yq-items-*}), false for a single index. */
        public boolean monthly() {
            return indexPattern().endsWith("*");
        }

        /** The concrete index of a single-index template ({@code yq-policies}). */
        public String singleIndex() {
            if (monthly()) {
                throw new IllegalStateException(name + " is a family of monthly indices");
            }
            return indexPattern();
        }

        public JsonNode mappings() {
            return body.get("template").get("mappings");
        }
    }

    /** The bundled template of this name, unchanged (default namespace). */
    public static Template bundled(String name) {
        String resource = "/index-templates/" + name + ".json";
        try (InputStream in = IndexTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled index template " + resource);
            }
            return new Template(name, (ObjectNode) Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled index template " + resource + " is unreadable", e);
        }
    }

    /** Every template, with names and index patterns prefixed by the namespace, with the bundled shards and replicas (1, 0). */
    public static List<Template> forNamespace(Namespace namespace) {
        return forNamespace(namespace, 1, 0);
    }

    /** Every template, with names and index patterns prefixed by the namespace, its indices of these shards and replicas. */
    public static List<Template> forNamespace(Namespace namespace, int shards, int replicas) {
        return NAMES.stream().map(name -> {
            Template template = bundled(name);
            ObjectNode body = template.body().deepCopy();
            ArrayNode patterns = body.putArray("index_patterns");
            template.body().get("index_patterns").forEach(p -> patterns.add(namespace.index(p.asText())));
            ObjectNode inner = (ObjectNode) body.get("template");
            ObjectNode settings = inner.get("settings") instanceof ObjectNode given ? given : inner.putObject("settings");
            settings.put("number_of_shards", shards);
            settings.put("number_of_replicas", replicas);
            return new Template(namespace.index(name), body);
        }).toList();
    }
}
