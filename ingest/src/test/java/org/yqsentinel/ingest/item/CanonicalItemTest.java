package org.yqsentinel.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

/** Sentinel's own raw form, and the refusals every channel shares (encoding, JSON, shape). */
class CanonicalItemTest {

    private static final Instant SEEN = Instant.parse("2026-11-21T04:00:00Z");
    private final ItemReader reader = new ItemReader();

    private ParseResult<Item> read(String json) {
        return reader.read(Channel.WEIBO, json.getBytes(StandardCharsets.UTF_8), SEEN);
    }

    static Item accepted(ParseResult<Item> result) {
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted<Item>) result).record();
    }

    static ParseResult.Rejected<Item> rejected(ParseResult<Item> result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected<Item>) result;
    }

    @Test
    void completeRecordBecomesItemWithDeterministicIdUtcTimeAndFingerprint() {
        ParseResult<Item> result = read("""
                {"sourceId":"4843210001","source":"微博","author":{"name":"江城小王","followerCount":"12300","verified":true},
                 "text":"学费又涨了 [怒]","url":"https://m.weibo.cn/status/4843210001?from=timeline","publishedAt":"2026-11-20T10:20:00+08:00",
                 "engagement":{"reposts":3,"comments":4,"likes":5},"region":{"province":"广东","city":"广州"},"crawler":"v2"}""");
        assertThat(result.adapter()).isEqualTo("canonical");
        Item item = accepted(result);
        assertThat(item.id()).isEqualTo("weibo:4843210001");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-20T02:20:00Z"));
        assertThat(item.author().followerCount()).isEqualTo(12300L);
        assertThat(item.engagement().interactions()).isEqualTo(12);
        assertThat(item.region().city()).isEqualTo("广州");
        assertThat(item.url()).as("tracking parameter dropped").isEqualTo("https://m.weibo.cn/status/4843210001");
        assertThat(item.fingerprint()).hasSize(16);
        assertThat(item.textTruncated()).isFalse();
    }

    @Test
    void withoutSourceIdTheIdComesFromTheCanonicalUrlAndIsStable() {
        Item first = accepted(read("{\"url\":\"https://news.example/a/1.html?utm_source=wx\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20 10:20\"}"));
        Item second = accepted(read("{\"url\":\"https://NEWS.example/a/1.html#comments\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20 10:20\"}"));
        assertThat(first.id()).startsWith("weibo:u").isEqualTo(second.id());
        assertThat(first.publishedAt()).as("no zone means Beijing time").isEqualTo(Instant.parse("2026-11-20T02:20:00Z"));
    }

    @Test
    void hugeTextIsCutAndFlaggedNotRefused() {
        String text = "课后服务收费".repeat(TextNormalizer.MAX_TEXT_CHARS);
        Item item = accepted(read("{\"sourceId\":\"1\",\"text\":\"" + text + "\",\"publishedAt\":\"2026-11-20 10:20\"}"));
        assertThat(item.textTruncated()).isTrue();
        assertThat(item.text()).hasSize(TextNormalizer.MAX_TEXT_CHARS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated JSON        | NOT_JSON           | {"sourceId":"1","text":"半截                                    | not JSON: Unexpected end-of-input
            HTML error page       | NOT_JSON           | <html><body>502 Bad Gateway</body></html>                           | not JSON: Unexpected character ('<'
            array not object      | NOT_OBJECT         | [{"sourceId":"1"}]                                                  | expected a JSON object, found an array
            unknown shape         | UNRECOGNIZED_SHAPE | {"foo":1,"bar":2}                                                   | not a weibo record this system reads
            missing text          | MISSING_FIELD      | {"sourceId":"1","publishedAt":"2026-11-20T10:20:00+08:00"}          | missing field text
            blank text            | EMPTY_TEXT         | {"sourceId":"1","text":"  ","publishedAt":"2026-11-20T10:20:00+08:00"} | empty text
            text of wrong type    | BAD_VALUE          | {"sourceId":"1","text":{"a":1},"publishedAt":"2026-11-20T10:20:00+08:00"} | field text is not a string: object
            bad time              | BAD_TIME           | {"sourceId":"1","text":"t","publishedAt":"昨天 25:99"}              | unparseable time "昨天 25:99"
            impossible date       | BAD_TIME           | {"sourceId":"1","text":"t","publishedAt":"2026-13-45 10:00"}        | unparseable time "2026-13-45 10:00"
            future time           | FUTURE_TIME        | {"sourceId":"1","text":"t","publishedAt":"2026-11-24T12:00:00+08:00"} | publish time 3 days in the future
            no id at all          | NO_ID              | {"text":"t","publishedAt":"2026-11-20T10:20:00+08:00"}              | no source id and no url
            count not a number    | BAD_VALUE          | {"sourceId":"1","text":"t","publishedAt":"2026-11-20T10:20:00+08:00","engagement":{"likes":"很多"}} | field likes is not a count
            """)
    void malformedRecordsAreRejectedWithCodeAndActionableReason(String why, RejectCode code, String json, String reason) {
        ParseResult.Rejected<Item> rejected = rejected(read(json));
        assertThat(rejected.code()).as(why).isEqualTo(code);
        assertThat(rejected.reason()).as(why).startsWith(reason);
    }

    @Test
    void emptyRecordIsRejected() {
        ParseResult.Rejected<Item> rejected = rejected(reader.read(Channel.NEWS, new byte[0], SEEN));
        assertThat(rejected.code()).isEqualTo(RejectCode.EMPTY);
        assertThat(rejected.adapter()).isEqualTo(ItemReader.NO_ADAPTER);
    }

    @Test
    void gbkEncodedRecordIsRefusedAndNamedAsSuch() {
        byte[] gbk = "{\"sourceId\":\"1\",\"text\":\"课后服务收费\",\"publishedAt\":\"2026-11-20 10:20\"}".getBytes(Charset.forName("GBK"));
        ParseResult.Rejected<Item> rejected = rejected(reader.read(Channel.NEWS, gbk, SEEN));
        assertThat(rejected.code()).isEqualTo(RejectCode.NOT_UTF8);
        assertThat(rejected.reason()).startsWith("not UTF-8: invalid byte 0x").contains("at offset 24").contains("GBK/GB18030");
    }

    @Test
    void binaryGarbageIsRefusedWithoutAnEncodingGuess() {
        byte[] garbage = {0x00, 0x01, (byte) 0xff, (byte) 0xfe, 0x02, 0x03, (byte) 0x80, 0x04};
        ParseResult.Rejected<Item> rejected = rejected(reader.read(Channel.NEWS, garbage, SEEN));
        assertThat(rejected.code()).isEqualTo(RejectCode.NOT_UTF8);
        assertThat(rejected.reason()).doesNotContain("GBK");
    }

    @Test
    void utf8ByteOrderMarkIsTolerated() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"sourceId\":\"1\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20 10:20\"}".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(json, 0, both, bom.length, json.length);
        assertThat(accepted(reader.read(Channel.NEWS, both, SEEN)).text()).isEqualTo("正文");
    }
}
