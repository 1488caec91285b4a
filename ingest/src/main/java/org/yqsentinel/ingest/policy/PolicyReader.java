package org.yqsentinel.ingest.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.stream.Collectors;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.Reasons;
import org.yqsentinel.ingest.RecordJson;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.Unreadable;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.config.SentinelConfig;
import org.yqsentinel.model.json.Json;

/**
 * The entry point from raw bytes on {@code yq.raw.policy} to a {@link PolicyDocument}. Three forms:
 * a page as crawled (text or HTML, read by {@link PolicyPageAdapter}); the same page in an envelope
 * {@code {"url": …, "page": …}} that says where it was crawled; or a PolicyDocument already in
 * Sentinel's JSON form. Thread-safe.
 */
public final class PolicyReader {

    public static final String JSON_ADAPTER = "policy-json";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final PolicyPageAdapter pages = new PolicyPageAdapter(normalizer);
    private final SentinelConfig.Ingest limits;
    private final RecordJson json;

    /** A reader with the default limits of sentinel-defaults.yaml. */
    public PolicyReader() {
        this(SentinelConfig.Ingest.DEFAULTS);
    }

    public PolicyReader(SentinelConfig.Ingest limits) {
        this.limits = limits;
        this.json = new RecordJson(limits);
    }

    /** Never throws for any input: a reader's own failure on a record is a refusal with code {@code unreadable}. */
    public ParseResult<PolicyDocument> read(byte[] value, Instant seenAt) {
        try {
            return readChecked(value);
        } catch (RuntimeException | StackOverflowError e) {
            return ParseResult.rejected(Unreadable.of(e), ItemReader.NO_ADAPTER);
        }
    }

    private ParseResult<PolicyDocument> readChecked(byte[] value) {
        String text;
        JsonNode node;
        try {
            ItemReader.checkSize(value, limits);
            text = ItemReader.utf8(value).strip();
            if (text.isEmpty()) {
                throw new InvalidRecord(RejectCode.EMPTY, "empty policy page (only whitespace)");
            }
            if (!text.startsWith("{")) {
                return page(text, null);
            }
            node = json.parse(text);
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e, ItemReader.NO_ADAPTER);
        }
        if (node.has("page")) {
            JsonNode page = node.get("page");
            JsonNode url = node.get("url");
            if (!page.isTextual() || url != null && !url.isNull() && !url.isTextual()) {
                return ParseResult.rejected(RejectCode.BAD_VALUE, "a policy page envelope holds the page and its url as text;"
                        + " found page " + Reasons.jsonType(page) + (url == null ? "" : ", url " + Reasons.jsonType(url)),
                        PolicyPageAdapter.NAME);
            }
            return page(page.asText(), url == null || url.isNull() ? null : url.asText());
        }
        try {
            return ParseResult.accepted(canonical(node), JSON_ADAPTER);
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e, JSON_ADAPTER);
        }
    }

    private ParseResult<PolicyDocument> page(String page, String url) {
        try {
            return ParseResult.accepted(pages.adapt(page, url), PolicyPageAdapter.NAME);
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e, PolicyPageAdapter.NAME);
        }
    }

    /** A PolicyDocument in Sentinel's JSON form, its 文号 re-read so the parts and canonical form agree. */
    private PolicyDocument canonical(JsonNode node) {
        PolicyDocument given;
        try {
            given = Json.mapper().treeToValue(node, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof NullPointerException missing && missing.getMessage() != null) {
                throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field " + missing.getMessage() + " of the policy document");
            }
            String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName()).collect(Collectors.joining(".")) : "";
            String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\s*at \\[Source.*", "").replaceAll(" \\(class [^)]*\\)", "");
            throw new InvalidRecord(RejectCode.BAD_VALUE, "not a policy document" + (field.isEmpty() ? "" : ": field " + field)
                    + (problem.isEmpty() ? "" : ": " + problem));
        }
        DocumentNumber number = DocumentNumber.parse(given.documentNumber()).orElse(null);
        return new PolicyDocument(given.id(), number == null ? given.documentNumber() : number.canonical(), number,
                given.indexNumber(), normalizer.plain(given.title()), given.issuingOffice(), given.writtenOn(),
                given.publishedOn(), given.category(), given.subjectWords(), normalizer.plain(given.body()), given.url());
    }
}
