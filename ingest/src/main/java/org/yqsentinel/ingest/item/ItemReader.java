package org.yqsentinel.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.Reasons;
import org.yqsentinel.ingest.RecordJson;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.Unreadable;
import org.yqsentinel.ingest.normalize.Counts;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.config.SentinelConfig;

/**
 * The entry point from raw bytes to a canonical {@link Item}: checks the bytes are UTF-8 JSON, picks
 * the adapter of the channel that recognises the record's shape, and applies the rules every item
 * obeys. Every outcome names its adapter; every refusal has a code and a reason. Thread-safe.
 */
public final class ItemReader {

    /** The adapter name of refusals that happen before any adapter is chosen. */
    public static final String NO_ADAPTER = "none";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final Map<Channel, List<ItemAdapter>> adapters = new EnumMap<>(Channel.class);
    private final SentinelConfig.Ingest limits;
    private final RecordJson json;

    /** A reader with the default limits of sentinel-defaults.yaml. */
    public ItemReader() {
        this(SentinelConfig.Ingest.DEFAULTS);
    }

    public ItemReader(SentinelConfig.Ingest limits) {
        this.limits = limits;
        this.json = new RecordJson(limits);
        Counts counts = new Counts(limits.maxCount());
        CanonicalItemAdapter canonical = new CanonicalItemAdapter(normalizer, counts);
        adapters.put(Channel.WEIBO, List.of(new WeiboMblogAdapter(normalizer, counts), canonical));
        adapters.put(Channel.WECHAT, List.of(new WechatArticleAdapter(normalizer, counts), canonical));
        adapters.put(Channel.NEWS, List.of(canonical, new NewsPageAdapter(normalizer, counts)));
    }

    /**
     * Never throws for any input: a reader's own failure on a record is a refusal with code {@code unreadable}.
     *
     * @param seenAt when the record was seen (its Kafka timestamp, or now for files): publish times may not lie
     *               after it, and relative times without a crawl time are resolved against it; null for no such check
     */
    public ParseResult<Item> read(Channel channel, byte[] value, Instant seenAt) {
        try {
            return readChecked(channel, value, seenAt);
        } catch (RuntimeException | StackOverflowError e) {
            return ParseResult.rejected(Unreadable.of(e), NO_ADAPTER);
        }
    }

    private ParseResult<Item> readChecked(Channel channel, byte[] value, Instant seenAt) {
        JsonNode record;
        try {
            record = object(value);
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e, NO_ADAPTER);
        }
        List<ItemAdapter> candidates = adapters.get(channel);
        ItemAdapter adapter = candidates.stream().filter(a -> a.recognizes(record)).findFirst().orElse(null);
        if (adapter == null) {
            return ParseResult.rejected(RejectCode.UNRECOGNIZED_SHAPE, "not a " + channel.id() + " record this system reads"
                    + " (expected one of: " + candidates.stream().map(ItemAdapter::name).collect(Collectors.joining(", "))
                    + "; see docs/ingest.md); fields: " + fieldNames(record), NO_ADAPTER);
        }
        try {
            return ParseResult.accepted(adapter.read(record, seenAt).build(channel, seenAt, normalizer, limits), adapter.name());
        } catch (InvalidRecord e) {
            return ParseResult.rejected(e, adapter.name());
        }
    }

    /** UTF-8 JSON object within the limits, or the reason it is not. */
    private JsonNode object(byte[] value) {
        checkSize(value, limits);
        JsonNode node = json.parse(utf8(value));
        if (node == null) {
            throw new InvalidRecord(RejectCode.EMPTY, "empty record (only whitespace)");
        }
        if (!node.isObject()) {
            throw new InvalidRecord(RejectCode.NOT_OBJECT, "expected a JSON object, found " + Reasons.jsonType(node));
        }
        return node;
    }

    /** Refuses an empty record and one longer than {@code ingest.max-record-bytes}. */
    public static void checkSize(byte[] value, SentinelConfig.Ingest limits) {
        if (value == null || value.length == 0) {
            throw new InvalidRecord(RejectCode.EMPTY, "empty record");
        }
        if (value.length > limits.maxRecordBytes()) {
            throw new InvalidRecord(RejectCode.TOO_LARGE, "record of " + value.length + " bytes, longer than "
                    + limits.maxRecordBytes() + " (ingest.max-record-bytes)");
        }
    }

    /** Strict UTF-8 (BOM dropped); a record in GBK/GB18030 is named as such, since Chinese crawlers produce it. */
    public static String utf8(byte[] value) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(value)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            int offset = offsetOfFirstMalformed(value);
            throw new InvalidRecord(RejectCode.NOT_UTF8, "not UTF-8: invalid byte 0x"
                    + String.format("%02X", value[offset] & 0xff) + " at offset " + offset
                    + (decodesAs(value, Charset.forName("GB18030")) && !isMostlyBinary(value)
                            ? " (it reads as GBK/GB18030: have the crawler send UTF-8)" : ""));
        } catch (CharacterCodingException e) {
            throw new InvalidRecord(RejectCode.NOT_UTF8, "not UTF-8: " + e.getMessage());
        }
    }

    private static int offsetOfFirstMalformed(byte[] value) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(value);
        decoder.decode(in, java.nio.CharBuffer.allocate(value.length * 2), true);
        return Math.min(in.position(), value.length - 1);
    }

    private static boolean decodesAs(byte[] value, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isMostlyBinary(byte[] value) {
        int control = 0;
        for (byte b : value) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return control * 10 > value.length;
    }

    private static String fieldNames(JsonNode record) {
        StringBuilder names = new StringBuilder();
        for (String name : (Iterable<String>) record::fieldNames) {
            if (names.length() > 120) {
                return names.append("…").toString();
            }
            names.append(names.isEmpty() ? "" : ", ").append(Reasons.oneLine(name.length() > 40 ? name.substring(0, 40) + "…" : name));
        }
        return names.isEmpty() ? "none" : names.toString();
    }
}
