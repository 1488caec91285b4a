package org.yqsentinel.ingest.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yqsentinel.ingest.item.CanonicalItemTest.accepted;
import static org.yqsentinel.ingest.item.CanonicalItemTest.rejected;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yqsentinel.ingest.ParseResult;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

class WechatArticleAdapterTest {

    private static final String FILE = "wechat-article.jsonl";
    private static final Instant SEEN = Instant.parse("2026-11-24T04:00:00Z");
    private final ItemReader reader = new ItemReader();

    private ParseResult<Item> read(String marker) {
        return reader.read(Channel.WECHAT, Fixtures.record(FILE, marker), SEEN);
    }

    @Test
    void articleWithHtmlContentUnixTimeAnd10WanPlusReads() {
        ParseResult<Item> result = read("2247483901");
        assertThat(result.adapter()).isEqualTo("wechat-article");
        Item item = accepted(result);
        assertThat(item.id()).isEqualTo("wechat:MzA5NjExMjM0NQ==_2247483901_1");
        assertThat(item.source()).isEqualTo("江城教育观察");
        assertThat(item.author().name()).isEqualTo("林小雨");
        assertThat(item.title()).isEqualTo("课后服务收费调整,家长最关心的三件事");
        assertThat(item.summary()).isEqualTo("收费依据、减免范围和服务内容,一文说清。");
        assertThat(item.text()).isEqualTo("课后服务收费标准调整引发热议。\n一、收费依据 — 成本核算;二、减免范围:低保、特困家庭免收。\n转载请注明来源。");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-21T23:30:00Z"));
        assertThat(item.engagement().reads()).isEqualTo(100_000L);
        assertThat(item.engagement().likes()).isEqualTo(211);
        assertThat(item.engagement().reposts()).as("在看").isEqualTo(37);
        assertThat(item.engagement().comments()).isEqualTo(58);
        assertThat(item.url()).isEqualTo("http://mp.weixin.qq.com/s?__biz=MzA5NjExMjM0NQ==&idx=1&mid=2247483901&sn=9f1c2a7b3d");
    }

    @Test
    void idComesFromTheLinkWhenFieldsAreMissingAndSessionParametersAreDropped() {
        Item item = accepted(read("2247483902"));
        assertThat(item.id()).isEqualTo("wechat:MzA5NjExMjM0NQ==_2247483902_2");
        assertThat(item.url()).doesNotContain("key=").doesNotContain("uin=");
        assertThat(item.summary()).isNull();
        assertThat(item.text()).isEqualTo("是自愿的。学校不得强制学生参加课后服务。");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-21T23:30:00Z"));
        assertThat(item.engagement().likes()).isEqualTo(11_000L);
    }

    @Test
    void withoutMidTheSnIdentifiesTheArticle() {
        Item item = accepted(read("cc22dd33"));
        assertThat(item.id()).isEqualTo("wechat:cc22dd33");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void articleWithoutContentOrWithAnUnreadableCountIsRefused() {
        ParseResult.Rejected<Item> noContent = rejected(read("2247483904"));
        assertThat(noContent.code()).isEqualTo(RejectCode.MISSING_FIELD);
        assertThat(noContent.reason()).startsWith("missing field content");
        ParseResult.Rejected<Item> badCount = rejected(read("2247483905"));
        assertThat(badCount.code()).isEqualTo(RejectCode.BAD_VALUE);
        assertThat(badCount.reason()).isEqualTo("field read_num is not a count: \"一万多\"");
    }
}
