package org.yqsentinel.model.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Loads {@link SentinelConfig}: bundled defaults, then the user's YAML file, then environment
 * variables named {@code YQ_} plus the option's path in upper case ({@code stack.kafka-port} →
 * {@code YQ_STACK_KAFKA_PORT}). Unknown options and wrong types are refused with file and line.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "/sentinel-defaults.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Function<String, String> environment;

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The configuration of this process: {@code file} may be null (defaults and environment only). */
    public static SentinelConfig load(Path file) {
        return new ConfigLoader(System::getenv).read(file);
    }

    public SentinelConfig read(Path file) {
        return readAll(file == null ? List.of() : List.of(file));
    }

    /** The defaults, then each file in order (a later one wins), then the environment. */
    public SentinelConfig readAll(List<Path> files) {
        ObjectNode tree = defaults();
        Map<String, Integer> lines = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        String origin = "defaults";
        for (Path file : files) {
            origin = file.toString();
            String yaml;
            try {
                yaml = Files.readString(file);
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage());
            }
            Map<String, Integer> fileLines = new HashMap<>();
            ObjectNode user = parse(yaml, origin, fileLines);
            checkKnown(tree, user, "", origin, fileLines);
            merge(tree, user);
            lines.putAll(fileLines);
            String from = origin;
            fileLines.keySet().forEach(path -> origins.put(path, from));
        }
        applyEnvironment(tree, "", lines);
        try {
            return YAML.treeToValue(tree, SentinelConfig.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .collect(Collectors.joining("."));
            Integer line = lines.get(path);
            String file = origins.getOrDefault(path, origin);
            String where = line == null ? origin : line < 0 ? "environment variable " + envName(path) : file + ":" + line;
            throw new ConfigException(where + ": option '" + path + "' has a wrong value: " + e.getOriginalMessage()
                    .replaceAll(" \\(class .*", "").replaceAll("\\s+at \\[.*", "") + "; see docs/configuration.md");
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ": " + e.getOriginalMessage());
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + DEFAULTS + " is unreadable", e);
        }
    }

    /** Parses the user's YAML, recording the line of every option path. */
    private static ObjectNode parse(String yaml, String origin, Map<String, Integer> lines) {
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String path = parser.getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.');
                    lines.put(path, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(origin + ":1: expected a map of options, found " + node.getNodeType());
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static void checkKnown(JsonNode known, JsonNode given, String prefix, String origin, Map<String, Integer> lines) {
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            String path = prefix + field.getKey();
            JsonNode expected = known.get(field.getKey());
            if (expected == null) {
                String options = StreamSupport.stream(((Iterable<String>) known::fieldNames).spliterator(), false)
                        .collect(Collectors.joining(", "));
                throw new ConfigException(origin + ":" + lines.getOrDefault(path, 1) + ": unknown option '" + path
                        + "'; known options" + (prefix.isEmpty() ? "" : " under '" + prefix.substring(0, prefix.length() - 1) + "'")
                        + ": " + options);
            }
            if (expected.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new ConfigException(origin + ":" + lines.getOrDefault(path, 1) + ": option '" + path
                            + "' is a group of options (" + String.join(", ", (Iterable<String>) expected::fieldNames)
                            + "), not a single value");
                }
                checkKnown(expected, field.getValue(), path + ".", origin, lines);
            }
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.properties().forEach(field -> {
            JsonNode current = into.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    private void applyEnvironment(ObjectNode node, String prefix, Map<String, Integer> lines) {
        node.properties().forEach(field -> {
            String path = prefix + field.getKey();
            if (field.getValue() instanceof ObjectNode object) {
                applyEnvironment(object, path + ".", lines);
                return;
            }
            String value = environment.apply(envName(path));
            if (value != null) {
                node.put(field.getKey(), value);
                lines.put(path, -1);
            }
        });
    }

    static String envName(String path) {
        return "YQ_" + path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
