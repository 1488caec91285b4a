package org.yqsentinel.rules.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.control.ControlMessage.ControlMessageException;

/**
 * A person's step on a case, on {@code yq.control} (kind {@code case}): the job applies it to the case it keeps for
 * the subject and writes the case. Published by {@code yq case …} and by the alerting service (the acknowledge link
 * and page).
 *
 * @param subjectId  the case's subject (the policy id): the job's state of the case is kept under it
 * @param by         who took the step (a name, with the department in brackets when known)
 * @param at         when the step was taken; for a response, when the department gave it
 * @param channel    for a response, where it was given (官方微博, 新闻发布会, …)
 * @param url        for a response, where to read it (http or https), if it is online
 * @param text       the response's words, the conclusion of a close, the instruction of an assignment, the reason of a reopen
 * @param recordedAt when the step was recorded (a response may be recorded after it was given)
 */
public record CaseStep(Step step, String caseId, String subjectId, String by, Instant at, String channel, String url, String text,
                       Instant recordedAt) implements ControlMessage {

    /** The longest name, channel and text a step may carry. */
    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 4000;

    /** The steps, by their name in messages and on the command line. */
    public enum Step {
        ACK("ack", "ACKNOWLEDGED"),
        RESPOND("respond", "RESPONDED"),
        CLOSE("close", "CLOSED"),
        REOPEN("reopen", "REOPENED"),
        ASSIGN("assign", "ASSIGNED");

        private final String key;
        private final String kind;

        Step(String key, String kind) {
            this.key = key;
            this.kind = kind;
        }

        public String key() {
            return key;
        }

        /** The kind of the case's timeline entry for this step. */
        public String timelineKind() {
            return kind;
        }

        static Step byKey(String key) {
            return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElseThrow(() -> new ControlMessageException(
                    "unknown step '" + key + "'; expected one of ack, respond, close, reopen, assign"));
        }
    }

    /** A step as it is checked before it is published: what {@link #of} would refuse, this refuses too. */
    public CaseStep {
        Objects.requireNonNull(step, "step");
        require(caseId, "caseId", MAX_NAME * 4);
        require(subjectId, "subjectId", MAX_NAME * 4);
        require(by, "by", MAX_NAME);
        Objects.requireNonNull(at, "at");
        recordedAt = recordedAt == null ? at : recordedAt;
        channel = blankToNull(channel);
        url = blankToNull(url);
        text = blankToNull(text);
        if (text != null && text.length() > MAX_TEXT) {
            throw new ControlMessageException("text is " + text.length() + " characters; at most " + MAX_TEXT);
        }
        switch (step) {
            case RESPOND -> {
                require(channel, "channel (where the response was given, e.g. 官方微博)", MAX_NAME);
                if (url == null && text == null) {
                    throw new ControlMessageException("a response needs its url or its text");
                }
                if (url != null) {
                    checkUrl(url);
                }
            }
            case CLOSE -> require(text, "text (the conclusion of the case)", MAX_TEXT);
            case ASSIGN -> require(text, "text (what was assigned, by whom)", MAX_TEXT);
            case ACK, REOPEN -> { }
        }
        if (step != Step.RESPOND && (channel != null || url != null)) {
            throw new ControlMessageException("only a response has a channel or a url, not " + step.key());
        }
    }

    /** The message's JSON, as published on {@code yq.control}. */
    public byte[] toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("kind", "case");
        node.put("step", step.key());
        node.put("caseId", caseId);
        node.put("subjectId", subjectId);
        node.put("by", by);
        node.put("at", at.toString());
        if (channel != null) {
            node.put("channel", channel);
        }
        if (url != null) {
            node.put("url", url);
        }
        if (text != null) {
            node.put("text", text);
        }
        node.put("recordedAt", recordedAt.toString());
        return Json.toBytes(node);
    }

    static CaseStep of(JsonNode node, Instant at) {
        Instant recorded = null;
        if (node.hasNonNull("recordedAt")) {
            String value = node.get("recordedAt").asText();
            try {
                recorded = Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new ControlMessageException("recordedAt '" + value + "' is not an ISO-8601 UTC time such as 2026-11-21T08:00:00Z");
            }
        }
        try {
            return new CaseStep(Step.byKey(ControlMessage.text(node, "step").toLowerCase(Locale.ROOT)), ControlMessage.text(node, "caseId"),
                    ControlMessage.text(node, "subjectId"), ControlMessage.text(node, "by"), at, optional(node, "channel"),
                    optional(node, "url"), optional(node, "text"), recorded);
        } catch (NullPointerException e) {
            throw new ControlMessageException("missing " + e.getMessage());
        }
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ControlMessageException(field + " must be text, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.asText();
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ControlMessageException("missing " + field);
        }
        if (value.length() > max) {
            throw new ControlMessageException(field.split(" ")[0] + " is " + value.length() + " characters; at most " + max);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new ControlMessageException("url '" + url + "' is not an http or https address");
            }
        } catch (URISyntaxException e) {
            throw new ControlMessageException("url '" + url + "' is not an address: " + e.getReason());
        }
    }
}
