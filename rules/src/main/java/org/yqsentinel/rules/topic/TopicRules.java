package org.yqsentinel.rules.topic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yqsentinel.rules.RuleFiles;
import org.yqsentinel.rules.YamlRules;

/**
 * The livelihood topics of {@code rules/topics.yaml}: per topic, strong and weak words, the phrases in
 * which they mean something else, and the responsible department. Validated at load; an error names
 * the file, the line and what to change.
 */
public record TopicRules(double minimumScore, List<Topic> topics) {

    public static final String FILE = "topics.yaml";
    private static final Set<String> TOP_FIELDS = Set.of("minimum-score", "topics");
    private static final Set<String> TOPIC_FIELDS = Set.of("name", "department", "strong", "weak", "not-when");

    public record Topic(String name, String department, List<String> strong, List<String> weak, List<String> notWhen) {}

    public static TopicRules load(RuleFiles files) {
        return parse(YamlRules.parse(files.read(FILE)));
    }

    /** Rules from a file's text, e.g. one published to {@code yq.control}; {@code name} is used in errors. */
    public static TopicRules parse(String name, String text) {
        return parse(YamlRules.parse(new RuleFiles.Source(name, text)));
    }

    private static TopicRules parse(YamlRules yaml) {
        JsonNode root = yaml.root();
        yaml.knownFields(root, "", TOP_FIELDS);
        JsonNode minimum = root.get("minimum-score");
        if (minimum == null || !minimum.isNumber() || minimum.asDouble() <= 0) {
            throw yaml.error("/minimum-score", "minimum-score must be a number above 0");
        }
        JsonNode list = root.get("topics");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw yaml.error("/topics", "topics must be a non-empty list");
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/topics/" + i;
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw yaml.error(at, "each topic must be a map with name, department, strong, weak, not-when");
            }
            yaml.knownFields(node, at, TOPIC_FIELDS);
            String name = text(yaml, node, at, "name");
            if (!names.add(name)) {
                throw yaml.error(at + "/name", "topic '" + name + "' is defined twice");
            }
            List<String> strong = yaml.words(node, at, "strong");
            List<String> weak = yaml.words(node, at, "weak");
            if (strong.isEmpty()) {
                throw yaml.error(at + "/strong", "topic '" + name + "' needs at least one strong word");
            }
            topics.add(new Topic(name, text(yaml, node, at, "department"), strong, weak, yaml.words(node, at, "not-when")));
        }
        return new TopicRules(minimum.asDouble(), List.copyOf(topics));
    }

    private static String text(YamlRules yaml, JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw yaml.error(at + (value == null ? "" : "/" + field), "missing " + field);
        }
        return value.asText().strip();
    }
}
