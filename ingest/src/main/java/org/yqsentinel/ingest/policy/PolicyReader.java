package org.yqsentinel.ingest.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;
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

    public ParseResult<PolicyDocument> read(byte[] value, Instant seenAt) {
        String text;
        try {
            if (value == null || value.length == 0) {
                throw new InvalidRecord(RejectCode.EMPTY, "empty record");
            }
            text = ItemReader.utf8(value).strip();
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e, ItemReader.NO_ADAPTER);
        }
        if (!text.startsWith("{")) {
            return page(text, null);
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return ParseResult.rejected(InvalidRecord.notJson(e), ItemReader.NO_ADAPTER);
        }
        if (node.hasNonNull("page")) {
            return page(node.get("page").asText(), node.hasNonNull("url") ? node.get("url").asText() : null);
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
            if (e.getCause() instanceof NullPointerException missing) {
                throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing field " + missing.getMessage() + " of the policy document");
            }
            throw new InvalidRecord(RejectCode.BAD_VALUE, "not a policy document: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        DocumentNumber number = DocumentNumber.parse(given.documentNumber()).orElse(null);
        return new PolicyDocument(given.id(), number == null ? given.documentNumber() : number.canonical(), number,
                given.indexNumber(), normalizer.plain(given.title()), given.issuingOffice(), given.writtenOn(),
                given.publishedOn(), given.category(), given.subjectWords(), normalizer.plain(given.body()), given.url());
    }
}
