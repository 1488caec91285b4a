package org.yqsentinel.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * Crawler JSON parsed within the configured limits ({@code ingest.*}): nesting depth, length of a number and
 * of a field name, and nothing after the one value a record holds. Whatever the input, the outcome is a
 * tree or an {@link InvalidRecord} whose reason says, in Sentinel's words, what is wrong and where.
 */
public final class RecordJson {

    private final ObjectMapper mapper;
    private final SentinelConfig.Ingest limits;

    public RecordJson(SentinelConfig.Ingest limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberDigits())
                .maxNameLength(limits.maxFieldNameChars())
                .maxStringLength(Math.max(limits.maxRecordBytes(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                .build()).build();
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** The JSON value of a record's text: null for a text of only whitespace. */
    public JsonNode parse(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /** The refusal for a parser's complaint: the limit that was passed, or what the parser expected and where. */
    InvalidRecord notJson(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            String lower = message.toLowerCase(Locale.ROOT);
            String what = lower.contains("nesting") ? "JSON nested deeper than " + limits.maxNestingDepth()
                    + " levels (ingest.max-nesting-depth)"
                    : lower.contains("number") ? "a JSON number longer than " + limits.maxNumberDigits()
                    + " characters (ingest.max-number-digits)"
                    : lower.contains("name") ? "a field name longer than " + limits.maxFieldNameChars()
                    + " characters (ingest.max-field-name-chars)"
                    : "a JSON value beyond the reader's limits";
            return new InvalidRecord(RejectCode.TOO_LARGE, what + at(e.getLocation()));
        }
        String first = message.lines().findFirst().orElse("").replaceAll("\\s*at \\[Source.*", "");
        if (first.startsWith("Trailing token")) {
            first = "text after the end of the JSON value";
        }
        return new InvalidRecord(RejectCode.NOT_JSON, "not JSON: " + Reasons.oneLine(first) + at(e.getLocation()));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
