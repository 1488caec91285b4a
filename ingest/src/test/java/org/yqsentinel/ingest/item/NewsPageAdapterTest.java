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

class NewsPageAdapterTest {

    private static final String FILE = "news-page.jsonl";
    private static final Instant SEEN = Instant.parse("2026-11-24T04:00:00Z");
    private final ItemReader reader = new ItemReader();

    private ParseResult<Item> read(String marker) {
        return reader.read(Channel.NEWS, Fixtures.record(FILE, marker), SEEN);
    }

    @Test
    void articleWithHtmlBylineCommaCountAndProvinceSuffix() {
        ParseResult<Item> result = read("jcrb-20261120-001");
        assertThat(result.adapter()).isEqualTo("news-page");
        Item item = accepted(result);
        assertThat(item.id()).isEqualTo("news:jcrb-20261120-001");
        assertThat(item.source()).isEqualTo("江城日报");
        assertThat(item.author().name()).isEqualTo("本报记者 林晓");
        assertThat(item.text()).isEqualTo("11月20日,市教育局印发《江城市关于调整中小学课后服务收费标准的通知》(江教发〔2026〕18号)。\n低保家庭学生继续免收。");
        assertThat(item.engagement().comments()).isEqualTo(1024);
        assertThat(item.region().province()).isEqualTo("广东");
        assertThat(item.region().city()).isEqualTo("江城");
        assertThat(item.url()).isEqualTo("https://news.jcrb.example/2026/11/20/001.html");
    }

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource({
            "jcrb.example/2026/11/20/001, 2026-11-20 11:05:33,         2026-11-20T03:05:33Z",
            "nyxw.example/a/8812,         2026年11月21日 14:30,        2026-11-21T06:30:00Z",
            "jcwb.example/news/5521,      2026/11/22,                  2026-11-21T16:00:00Z",
            "jcxw.example/n/1,            发布时间：2026-11-23 09:15, 2026-11-23T01:15:00Z"})
    void publishTimesAsNewsSitesPrintThemAreBeijingTime(String url, String written, Instant expected) {
        assertThat(accepted(read(url)).publishedAt()).isEqualTo(expected);
    }

    @Test
    void withoutAnIdTheCanonicalUrlIdentifiesTheArticleAndBylineLabelsGo() {
        Item item = accepted(read("nyxw.example/a/8812"));
        assertThat(item.url()).isEqualTo("https://www.nyxw.example/a/8812.html");
        assertThat(item.id()).startsWith("news:u").hasSize("news:u".length() + 20);
        assertThat(item.author().name()).isEqualTo("陈思");
        assertThat(item.title()).isEqualTo("课后服务费上涨六成 家长质疑“减负变增负”");
    }

    @Test
    void articleWithoutTimeOrWithATimeInWordsIsRefused() {
        ParseResult.Rejected<Item> noTime = rejected(read("jcxw.example/n/2"));
        assertThat(noTime.code()).isEqualTo(RejectCode.MISSING_FIELD);
        assertThat(noTime.reason()).isEqualTo("missing field publish_time");
        ParseResult.Rejected<Item> words = rejected(read("jcxw.example/n/3"));
        assertThat(words.code()).isEqualTo(RejectCode.BAD_TIME);
        assertThat(words.reason()).isEqualTo("unparseable time \"十一月二十三日\" in field publish_time");
    }
}
