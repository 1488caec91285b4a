package org.yqsentinel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

class RawItemParserTest {

    private static final Instant SEEN = Instant.parse("2026-11-21T04:00:00Z");
    private final RawItemParser parser = new RawItemParser();

    private ParseResult<Item> parse(String json) {
        return parser.parse(Channel.WEIBO, json.getBytes(StandardCharsets.UTF_8), SEEN);
    }

    @Test
    void completeRecordBecomesItemWithDeterministicIdAndUtcTime() {
        ParseResult<Item> result = parse("""
                {"sourceId":"4843210001","source":"微博","author":{"name":"江城小王","followerCount":"12300","verified":true},
                 "text":"学费又涨了 [怒]","url":"https://m.weibo.cn/status/4843210001","publishedAt":"2026-11-20T10:20:00+08:00",
                 "engagement":{"reposts":3,"comments":4,"likes":5},"region":{"province":"广东","city":"广州"},"crawler":"v2"}""");
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        Item item = ((ParseResult.Accepted<Item>) result).record();
        assertThat(item.id()).isEqualTo("weibo:4843210001");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-20T02:20:00Z"));
        assertThat(item.author().followerCount()).isEqualTo(12300L);
        assertThat(item.author().verified()).isTrue();
        assertThat(item.engagement().interactions()).isEqualTo(12);
        assertThat(item.region().city()).isEqualTo("广州");
    }

    @Test
    void withoutSourceIdTheIdComesFromTheUrlAndIsStable() {
        String json = "{\"url\":\"https://news.example/a/1.html\",\"text\":\"正文\",\"publishedAt\":\"2026-11-20 10:20\"}";
        Item first = ((ParseResult.Accepted<Item>) parse(json)).record();
        Item second = ((ParseResult.Accepted<Item>) parse(json)).record();
        assertThat(first.id()).startsWith("weibo:u").isEqualTo(second.id());
        assertThat(first.publishedAt()).as("no zone means Beijing time").isEqualTo(Instant.parse("2026-11-20T02:20:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated JSON        | {"sourceId":"1","text":"半截                                    | not JSON: Unexpected end-of-input
            HTML error page       | <html><body>502 Bad Gateway</body></html>                           | not JSON: Unexpected character ('<'
            array not object      | [{"sourceId":"1"}]                                                  | expected a JSON object, found array
            missing text          | {"sourceId":"1","publishedAt":"2026-11-20T10:20:00+08:00"}          | missing field text
            blank text            | {"sourceId":"1","text":"  ","publishedAt":"2026-11-20T10:20:00+08:00"} | missing field text
            missing time          | {"sourceId":"1","text":"t"}                                         | missing field publishedAt
            bad time              | {"sourceId":"1","text":"t","publishedAt":"昨天 25:99"}              | unparseable time "昨天 25:99"
            future time           | {"sourceId":"1","text":"t","publishedAt":"2026-11-24T12:00:00+08:00"} | publish time 3 days in the future
            no id at all          | {"text":"t","publishedAt":"2026-11-20T10:20:00+08:00"}              | missing fields sourceId and url
            count not a number    | {"sourceId":"1","text":"t","publishedAt":"2026-11-20T10:20:00+08:00","engagement":{"likes":"很多"}} | field engagement.likes is not a count
            """)
    void malformedRecordsAreRejectedWithAnActionableReason(String why, String json, String reason) {
        ParseResult<Item> result = parse(json);
        assertThat(result).as(why).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected<Item>) result).reason()).startsWith(reason);
    }

    @Test
    void emptyRecordIsRejected() {
        assertThat(parser.parse(Channel.NEWS, new byte[0], SEEN)).isEqualTo(ParseResult.rejected("empty record"));
    }
}
