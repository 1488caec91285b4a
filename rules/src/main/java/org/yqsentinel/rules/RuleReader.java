package org.yqsentinel.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** Reads typed values of a rule file, naming file, line and the fix when one is missing or wrong. */
public record RuleReader(YamlRules yaml) {

    /** A sliding event-time window: its size and slide, and the baseline before it. */
    public record SlidingWindow(Duration size, Duration slide, Duration baseline) {}

    /**
     * {@code size-minutes}, {@code slide-minutes} and {@code baseline-hours} of the map at {@code at}: the slide divides
     * the size, so that every window starts on a slide, and the baseline is at least as long as the window.
     */
    public SlidingWindow slidingWindow(JsonNode window, String at) {
        Duration size = Duration.ofMinutes(whole(window, at, "size-minutes", 1));
        Duration slide = Duration.ofMinutes(whole(window, at, "slide-minutes", 1));
        Duration baseline = Duration.ofHours(whole(window, at, "baseline-hours", 1));
        if (size.toMinutes() % slide.toMinutes() != 0) {
            throw yaml.error(at + "/slide-minutes", "slide-minutes must divide size-minutes (" + size.toMinutes()
                    + "), so that every window starts on a slide");
        }
        if (baseline.compareTo(size) < 0) {
            throw yaml.error(at + "/baseline-hours", "the baseline must be at least as long as the window (" + size.toMinutes()
                    + " minutes)");
        }
        return new SlidingWindow(size, slide, baseline);
    }

    public JsonNode map(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw yaml.error(at + (value == null ? "" : "/" + field), field + " must be a map"
                    + (value == null ? ", and is missing" : ""));
        }
        return value;
    }

    public double number(JsonNode node, String at, String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw yaml.error(at + (value == null ? "" : "/" + field), field + " must be a number"
                    + (max == Double.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max)
                    + (value == null ? ", and is missing" : ", not " + value));
        }
        return value.asDouble();
    }

    public double positive(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.asDouble() <= 0) {
            throw yaml.error(at + (value == null ? "" : "/" + field), field + " must be a number above 0"
                    + (value == null ? ", and is missing" : ", not " + value));
        }
        return value.asDouble();
    }

    public int whole(JsonNode node, String at, String field, int min) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asInt() < min) {
            throw yaml.error(at + (value == null ? "" : "/" + field), field + " must be a whole number of at least "
                    + min + (value == null ? ", and is missing" : ", not " + value));
        }
        return value.asInt();
    }

    /** A list of words that must name at least one. */
    public List<String> someWords(JsonNode node, String at, String field) {
        List<String> words = yaml.words(node, at, field);
        if (words.isEmpty()) {
            throw yaml.error(at + (node.has(field) ? "/" + field : ""), field + " must be a list of at least one word, e.g. [教育, 医疗]");
        }
        return words;
    }
}
