package org.yqsentinel.ingest.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.item.ItemReader;
import org.yqsentinel.ingest.policy.PolicyReader;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PolicyDocument;

/**
 * The records that once crashed the reader or were read wrong without a word: each is refused with its
 * code and a reason on one line, in Sentinel's words.
 */
class HostileRecordsTest {

    private static final Instant SEEN = Instant.parse("2026-11-21T04:00:00Z");
    private final ItemReader items = new ItemReader();
    private final PolicyReader policies = new PolicyReader();

    private static String weibo(String createdAt, String followers) {
        return "{\"mid\":\"1\",\"created_at\":" + createdAt + ",\"text\":\"课后服务\",\"user\":{\"screen_name\":\"a\",\"followers_count\":"
                + followers + "}}";
    }

    private static String wechat(String publishTime) {
        return "{\"__biz\":\"MzA\",\"mid\":\"1\",\"title\":\"t\",\"content\":\"<p>正文</p>\",\"publish_time\":" + publishTime + "}";
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("nesting deeper than the limit", Channel.WEIBO, "[".repeat(2000) + "]".repeat(2000),
                        RejectCode.TOO_LARGE, "JSON nested deeper than 64 levels"),
                Arguments.of("objects nested deeper than the limit", Channel.WEIBO, "{\"a\":".repeat(1500) + "1" + "}".repeat(1500),
                        RejectCode.TOO_LARGE, "JSON nested deeper than 64 levels"),
                Arguments.of("a number of 1,001 digits", Channel.WEIBO, "{\"mid\":" + "9".repeat(1001) + "}",
                        RejectCode.TOO_LARGE, "a JSON number longer than 64 characters"),
                Arguments.of("a key of 50,000 characters", Channel.WEIBO, "{\"" + "k".repeat(50_000) + "\":1}",
                        RejectCode.TOO_LARGE, "a field name longer than 256 characters"),
                Arguments.of("a negative Unix time of WeChat", Channel.WECHAT, wechat("-100000000000000000"),
                        RejectCode.BAD_TIME, "field publish_time is not a Unix time"),
                Arguments.of("a Unix time past any calendar", Channel.NEWS,
                        "{\"site\":\"s\",\"url\":\"https://n.example/1\",\"content\":\"正文\",\"publish_time\":9223372036854775807}",
                        RejectCode.BAD_TIME, "field publish_time is not a Unix time"),
                Arguments.of("twenty digits of minutes ago", Channel.WEIBO, weibo("\"99999999999999999999分钟前\"", "1"),
                        RejectCode.BAD_TIME, "unparseable time \"99999999999999999999分钟前\""),
                Arguments.of("fifteen digits of days ago", Channel.WEIBO, weibo("\"999999999999999天前\"", "1"),
                        RejectCode.BAD_TIME, "unparseable time"),
                Arguments.of("days ago before any plausible time", Channel.WEIBO, weibo("\"999999天前\"", "1"),
                        RejectCode.BAD_TIME, "publish time"),
                Arguments.of("a year before 1990", Channel.WEIBO, weibo("\"1900-01-01 10:00\"", "1"),
                        RejectCode.BAD_TIME, "publish time 1900-01-01T01:54:17Z is before 1990-01-01"),
                Arguments.of("a count beyond a long", Channel.WEIBO, weibo("\"刚刚\"", "\"10000000000000000000\""),
                        RejectCode.BAD_VALUE, "field followers_count is not a count"),
                Arguments.of("a count of 1e308", Channel.WEIBO, weibo("\"刚刚\"", "1e308"),
                        RejectCode.BAD_VALUE, "field followers_count is not a count"),
                Arguments.of("a count of 100,000 digits", Channel.WEIBO, weibo("\"刚刚\"", "\"" + "9".repeat(100_000) + "\""),
                        RejectCode.BAD_VALUE, "field followers_count is not a count: \"999"),
                Arguments.of("a count with stray separators", Channel.WEIBO, weibo("\"刚刚\"", "\"1,2,3,,\""),
                        RejectCode.BAD_VALUE, "field followers_count is not a count: \"1,2,3,,\""),
                Arguments.of("a count above the plausible", Channel.WEIBO, weibo("\"刚刚\"", "\"20000000000\""),
                        RejectCode.BAD_VALUE, "field followers_count is not a plausible count"),
                Arguments.of("a negative count", Channel.WEIBO, weibo("\"刚刚\"", "-5"),
                        RejectCode.BAD_VALUE, "field followers_count is not a count"),
                Arguments.of("an object as publish time", Channel.WECHAT, wechat("{}"),
                        RejectCode.BAD_TIME, "field publish_time is an object, not a time"),
                Arguments.of("an array as created_at", Channel.WEIBO, weibo("[]", "1"),
                        RejectCode.BAD_TIME, "field created_at is an array, not a time"),
                Arguments.of("an object as text", Channel.NEWS,
                        "{\"site\":\"s\",\"url\":\"https://n.example/1\",\"content\":{\"p\":1},\"publish_time\":\"2026-11-20 10:00\"}",
                        RejectCode.BAD_VALUE, "field content is an object, expected text"),
                Arguments.of("text after the JSON object", Channel.WEIBO, weibo("\"刚刚\"", "1") + " trailing",
                        RejectCode.NOT_JSON, "not JSON: "),
                Arguments.of("two objects on one line", Channel.WEIBO, weibo("\"刚刚\"", "1") + weibo("\"刚刚\"", "1"),
                        RejectCode.NOT_JSON, "not JSON: "),
                Arguments.of("random bytes", Channel.NEWS, "\u0001\u0002\u0003",
                        RejectCode.NOT_JSON, "not JSON: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String why, Channel channel, String record, RejectCode code, String reason) {
        ParseResult<Item> result = items.read(channel, record.getBytes(UTF_8), SEEN);
        assertThat(result).as(why).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected<Item> no = (ParseResult.Rejected<Item>) result;
        assertThat(no.code()).as(why + ": " + no.reason()).isEqualTo(code);
        assertThat(no.reason()).as(why).startsWith(reason);
        assertOneShortLine(no.reason());
    }

    @Test
    void aMegabyteTimeGivesAShortReason() {
        String huge = "x".repeat(1_000_000);
        ParseResult.Rejected<Item> no = rejected(items.read(Channel.WEIBO, weibo("\"" + huge + "\"", "1").getBytes(UTF_8), SEEN));
        assertThat(no.code()).isEqualTo(RejectCode.BAD_TIME);
        assertThat(no.reason()).contains("(1000000 characters)");
        assertOneShortLine(no.reason());
    }

    @Test
    void controlCharactersInAValueAreEscapedInTheReason() {
        ParseResult.Rejected<Item> no = rejected(items.read(Channel.WEIBO,
                weibo("\"line\\nbreak\\u0000nul\\u001besc\"", "1").getBytes(UTF_8), SEEN));
        assertThat(no.reason()).contains("line\\nbreak\\u0000nul\\u001besc");
        assertOneShortLine(no.reason());
    }

    @Test
    void aRecordOverTheSizeLimitIsRefusedBeforeItIsParsed() {
        String text = "字".repeat(400_000);
        ParseResult.Rejected<Item> no = rejected(items.read(Channel.WEIBO, weibo("\"刚刚\"", "1").replace("课后服务", text).getBytes(UTF_8), SEEN));
        assertThat(no.code()).isEqualTo(RejectCode.TOO_LARGE);
        assertThat(no.reason()).contains("longer than 1048576 (ingest.max-record-bytes)");
    }

    @Test
    void aMillionDigitCountIsRefusedAtOnce() {
        long start = System.nanoTime();
        ParseResult.Rejected<Item> no = rejected(items.read(Channel.WEIBO, weibo("\"刚刚\"", "\"" + "7".repeat(1_000_000) + "\"")
                .replace("\"课后服务\"", "\"t\"").getBytes(UTF_8), SEEN));
        assertThat(no.code()).isIn(RejectCode.BAD_VALUE, RejectCode.TOO_LARGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no quadratic parse of the digits").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWholeRecordIsReadInAnyCaseBeforeTheRecordAfterIt() {
        assertThat(items.read(Channel.WEIBO, weibo("\"10分钟前\"", "\"1,234\"").getBytes(UTF_8), SEEN))
                .isInstanceOf(ParseResult.Accepted.class);
    }

    static Stream<Arguments> refusedPolicies() {
        return Stream.of(
                Arguments.of("a policy document with a null field", "{\"id\":null,\"title\":null}", RejectCode.MISSING_FIELD),
                Arguments.of("a policy document with fields of the wrong type", "{\"id\":\"p\",\"title\":[1],\"publishedOn\":{}}",
                        RejectCode.BAD_VALUE),
                Arguments.of("an envelope whose page is an object", "{\"page\":{},\"url\":\"https://gov.example/1\"}", RejectCode.BAD_VALUE),
                Arguments.of("only whitespace", "  \n\t ", RejectCode.EMPTY),
                Arguments.of("a page nested too deep", "{\"page\":" + "[".repeat(500) + "}", RejectCode.TOO_LARGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedPolicies(String why, String record, RejectCode code) {
        ParseResult<PolicyDocument> result = policies.read(record.getBytes(UTF_8), SEEN);
        assertThat(result).as(why).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected<PolicyDocument> no = (ParseResult.Rejected<PolicyDocument>) result;
        assertThat(no.code()).as(why + ": " + no.reason()).isEqualTo(code);
        assertThat(no.reason()).doesNotContain("null of", "Source: REDACTED", "StreamReadFeature", "class ");
        assertOneShortLine(no.reason());
    }

    static ParseResult.Rejected<Item> rejected(ParseResult<Item> result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected<Item>) result;
    }

    /** One line of at most 300 characters and an ellipsis, no control characters. */
    static void assertOneShortLine(String reason) {
        assertThat(reason.length()).isLessThanOrEqualTo(301);
        assertThat(reason.chars().filter(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)).isEmpty();
        assertThat(reason).doesNotContain("Source: REDACTED", "StreamReadFeature", "missing field null");
    }
}
