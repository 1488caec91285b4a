package org.yqsentinel.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.ingest.item.CanonicalItemTest.accepted;
import static org.yqsentinel.ingest.item.CanonicalItemTest.rejected;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

class WeiboMblogAdapterTest {

    private static final String FILE = "weibo-mblog.jsonl";
    /** Kafka saw the records a day after the crawl; relative times use the crawl time when the record has it. */
    private static final Instant SEEN = Instant.parse("2026-11-24T04:00:00Z");
    private final ItemReader reader = new ItemReader();

    private ParseResult<Item> read(String mid) {
        return reader.read(Channel.WEIBO, Fixtures.weibo(FILE, mid), SEEN);
    }

    @Test
    void htmlTextKeepsMentionTopicAndEmoticonAndCountsLike12Point3WanAreRead() {
        ParseResult<Item> result = read("4843210001");
        assertThat(result.adapter()).isEqualTo("weibo-mblog");
        Item item = accepted(result);
        assertThat(item.id()).isEqualTo("weibo:4843210001");
        assertThat(item.text()).isEqualTo("@江城发布 一学期从300涨到480?这也叫减负?[怒] #江城课后服务涨价#");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-22T08:51:00Z"));
        assertThat(item.author().name()).isEqualTo("江城二宝妈");
        assertThat(item.author().followerCount()).isEqualTo(123_000L);
        assertThat(item.author().verified()).isFalse();
        assertThat(item.source()).isEqualTo("江城二宝妈");
        assertThat(item.engagement().reposts()).isEqualTo(88);
        assertThat(item.engagement().likes()).isEqualTo(1203);
        assertThat(item.region().province()).isEqualTo("广东");
        assertThat(item.url()).isEqualTo("https://weibo.com/6512345678/P1aBcDeFg");
        assertThat(item.repostOf()).isNull();
    }

    @Test
    void longTextIsUsedWhenTheCrawlerFetchedItAndGovernmentAccountIsTyped() {
        Item item = accepted(read("4843210002"));
        assertThat(item.text()).endsWith("答:课后服务坚持自愿原则,学校不得强制。\n详见江教发〔2026〕18号。").doesNotContain("全文");
        assertThat(item.engagement().reposts()).isEqualTo(12_000L);
        assertThat(item.engagement().likes()).isEqualTo(33_000L);
        assertThat(item.author().accountType()).isEqualTo("government");
        assertThat(item.author().verified()).isTrue();
    }

    @Test
    void repostKeepsTheLinkToItsOriginalAndZeroLabelsCountAsZero() {
        Item item = accepted(read("4843210003"));
        assertThat(item.repostOf()).isEqualTo("weibo:4843210002");
        assertThat(item.text()).isEqualTo("转发微博");
        assertThat(item.engagement().reposts()).isZero();
        assertThat(item.engagement().comments()).isZero();
        assertThat(item.engagement().likes()).isZero();
    }

    @Test
    void cardWrapperRelativeTimeTraditionalCharactersAndFullWidthLetters() {
        Item item = accepted(read("4843210004"));
        assertThat(item.publishedAt()).as("5分钟前 the crawl at 10:00 Beijing").isEqualTo(Instant.parse("2026-11-23T01:55:00Z"));
        assertThat(item.text()).isEqualTo("课后服务费涨价六成,家长们怎么看?ABC123");
        assertThat(item.engagement().likes()).isEqualTo(1_000_000L);
        assertThat(item.author().followerCount()).isEqualTo(120_000_000L);
        assertThat(item.author().accountType()).isEqualTo("media");
        assertThat(item.region().province()).isEqualTo("北京");
    }

    @ParameterizedTest(name = "{0} crawled 2026-11-23 12:00 → {2}")
    @CsvSource({
            "4843210005, 今天 10:20, 2026-11-23T02:20:00Z",
            "4843210006, 昨天 21:05, 2026-11-22T13:05:00Z",
            "4843210007, 11-20,      2026-11-19T16:00:00Z",
            "4843210008, 刚刚,       2026-11-23T04:00:00Z"})
    void listPageTimesResolveAgainstTheCrawlTimeInBeijing(String mid, String written, Instant expected) {
        assertThat(accepted(read(mid)).publishedAt()).isEqualTo(expected);
    }

    @Test
    void regionOutsideChinaIsLeftOutRatherThanGuessed() {
        assertThat(accepted(read("4843210006")).region()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            4843210101 | MISSING_FIELD | missing field text
            4843210102 | BAD_TIME      | unparseable time "前天晚上" in field created_at
            4843210103 | BAD_VALUE     | field followers_count is not a count: "很多"
            4843210104 | EMPTY_TEXT    | empty text
            """)
    void brokenMblogsAreRefusedWithTheirReason(String mid, RejectCode code, String reason) {
        ParseResult.Rejected<Item> rejected = rejected(read(mid));
        assertThat(rejected.code()).isEqualTo(code);
        assertThat(rejected.reason()).startsWith(reason);
        assertThat(rejected.adapter()).isEqualTo("weibo-mblog");
    }
}
