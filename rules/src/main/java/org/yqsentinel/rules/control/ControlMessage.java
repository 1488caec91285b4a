package org.yqsentinel.rules.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.yqsentinel.model.json.Json;

/**
 * A message on {@code yq.control}, as JSON: a new version of the risk rules, which take effect from the
 * next window without a restart; the retirement of a policy before its watch period ends; or a person's step on
 * a case. (The topic rules and dictionaries shape enrichment; changing them takes a restart.)
 *
 * <pre>
 * {"kind": "rules", "file": "risk.yaml", "at": "2026-11-21T08:00:00Z", "text": "window: …"}
 * {"kind": "retire-policy", "policyId": "江教发〔2026〕18号", "at": "2026-11-25T00:00:00Z", "reason": "已废止"}
 * {"kind": "case", "step": "respond", "caseId": "case:…", "subjectId": "江教发〔2026〕18号", "by": "王晓明",
 *  "at": "2026-11-21T09:30:00Z", "channel": "官方微博", "url": "https://…", "text": "…"}
 * </pre>
 *
 * For the rules and a retirement {@code at} is event time: the update applies to windows that end after it. For a
 * case step it is when the step was taken (for a response, when the department gave it).
 */
public sealed interface ControlMessage permits ControlMessage.RulesUpdate, ControlMessage.PolicyRetirement, CaseStep {

    /** When the message takes effect, in event time. */
    Instant at();

    /** A rule file's new text; {@code file} is its name in the rules folder (e.g. {@code risk.yaml}). */
    record RulesUpdate(String file, String text, Instant at) implements ControlMessage {}

    /** A policy no longer watched from {@code at} on. */
    record PolicyRetirement(String policyId, Instant at, String reason) implements ControlMessage {}

    /** The rule files a {@link RulesUpdate} may replace. */
    Set<String> UPDATABLE_FILES = Set.of("risk.yaml");

    /** Reads a message; a message that cannot be read is refused with what is wrong in it. */
    static ControlMessage parse(byte[] value) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new ControlMessageException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new ControlMessageException("expected a JSON object with a kind");
        }
        String kind = text(node, "kind");
        Instant at = instant(node);
        return switch (kind) {
            case "rules" -> {
                String file = text(node, "file");
                if (!UPDATABLE_FILES.contains(file)) {
                    throw new ControlMessageException("file '" + file + "' cannot be updated at run time; expected one of "
                            + UPDATABLE_FILES);
                }
                yield new RulesUpdate(file, text(node, "text"), at);
            }
            case "retire-policy" -> new PolicyRetirement(text(node, "policyId"), at,
                    node.hasNonNull("reason") ? node.get("reason").asText() : null);
            case "case" -> CaseStep.of(node, at);
            default -> throw new ControlMessageException("unknown kind '" + kind + "'; expected rules, retire-policy or case");
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ControlMessageException("missing " + field);
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node) {
        String at = text(node, "at");
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new ControlMessageException("at '" + at + "' is not an ISO-8601 UTC time such as 2026-11-21T08:00:00Z");
        }
    }

    /** Why a control message was refused; the message itself goes to the dead letters with this reason. */
    final class ControlMessageException extends RuntimeException {
        public ControlMessageException(String message) {
            super(message);
        }
    }
}
