package org.yqsentinel.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML rule file as a tree, with the line of every value, so validation can say
 * {@code rules/topics.yaml:42: …}. Paths are JSON pointers: {@code /topics/3/keywords/strong}.
 */
public final class YamlRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String name;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlRules(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    public static YamlRules parse(RuleFiles.Source source) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(source.text())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
                }
            }
            JsonNode root = YAML.readTree(source.text());
            return new YamlRules(source.name(), root == null ? YAML.createObjectNode() : root, lines);
        } catch (JsonProcessingException e) {
            throw new RuleException(source.name() + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** {@code rules/topics.yaml:42: } for the value at this JSON pointer (or the nearest enclosing one). */
    public String where(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return name + ":" + line + ": ";
            }
            if (p.isEmpty()) {
                return name + ": ";
            }
        }
    }

    public RuleException error(String pointer, String message) {
        return new RuleException(where(pointer) + message);
    }

    /** Refuses a field of the map at {@code at} that is not one of {@code known}. */
    public void knownFields(JsonNode node, String at, Set<String> known) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw error(at + "/" + field, "unknown field '" + field + "'; expected one of " + known);
            }
        });
    }

    /** The words of a list field of the map at {@code at}; empty when the field is missing or null. */
    public List<String> words(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(at + "/" + field, field + " must be a list of words, e.g. [学费, 入学]");
        }
        List<String> words = new ArrayList<>();
        for (int j = 0; j < value.size(); j++) {
            JsonNode word = value.get(j);
            if (!word.isTextual() || word.asText().isBlank()) {
                throw error(at + "/" + field + "/" + j, field + " must hold words, found " + word);
            }
            words.add(word.asText().strip());
        }
        return List.copyOf(words);
    }
}
