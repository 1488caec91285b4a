package org.yqsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;
import org.yqsentinel.simulator.ScenarioCast.Role;
import org.yqsentinel.simulator.ScenarioCast.Site;
import org.yqsentinel.simulator.ScenarioCast.WeiboAccount;

/** The draft both simulators write posts with: reposts, reprints, publication order and ids. */
class PostDraftTest {

    private static final WeiboAccount AUTHOR = new WeiboAccount("江城生活圈", "1490119571", 820_000, true, ScenarioCast.city("江城"), Role.BIGV);
    private static final WeiboAccount READER = new WeiboAccount("二宝小鱼", "1980166959", 247, false, null, Role.USER);
    private static final Site DAILY = ScenarioCast.SITES.get(0);
    private static final Site EVENING = ScenarioCast.SITES.get(1);
    private static final PostDraft.Numbering NUMBERING = new PostDraft.Numbering(5_200_000_000_000_000L, 10_000, "%06d", 2_247_500_000L);
    private static final Instant AT = Instant.parse("2026-11-20T01:00:00Z");

    @ParameterizedTest
    @CsvSource({"20, 同问//@江城生活圈：, false", "190, 同问//@江城生活圈：, true"})
    void aRepostQuotesItsOriginalAfterTheCommentWithinWeibosLimit(int length, String prefix, boolean cut) {
        PostDraft original = weibo(AUTHOR, 60);
        original.text = "课".repeat(length);
        PostDraft repost = weibo(READER, 600);
        repost.repost(original, "同问");
        assertThat(repost.original).isSameAs(original);
        assertThat(repost.text).startsWith(prefix).hasSizeLessThanOrEqualTo(PostDraft.WEIBO_MAX_CHARS);
        assertThat(repost.text.endsWith("…")).isEqualTo(cut);
        assertThat(repost.text).isEqualTo(cut ? prefix + "课".repeat(PostDraft.WEIBO_MAX_CHARS - 1 - prefix.length()) + "…"
                : prefix + original.text);
    }

    @Test
    void aReprintCarriesTheReportAndCreditsItsSourceOnlyWhereTheTextStaysWithinTheLimit() {
        PostDraft original = news(DAILY, 3_600);
        original.reporter = "苏禾";
        original.title = "江城调整中小学课后服务收费标准";
        original.text = "本报讯 记者从江城市教育局获悉。";
        List<String> texts = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 20; i++) {
            PostDraft reprint = news(null, 7_265);
            reprint.reprint(original, EVENING, rnd, 800);
            assertThat(reprint.site).isEqualTo(EVENING);
            assertThat(reprint.second).as("the evening paper prints whole minutes").isEqualTo(7_260);
            assertThat(reprint.reporter).isEqualTo("苏禾");
            assertThat(reprint.title).isEqualTo(original.title);
            texts.add(reprint.text);
        }
        assertThat(texts).contains(original.text, original.text + "\n（来源：江城日报）");

        Random unspent = new Random(2);
        PostDraft tooLong = news(null, 7_265);
        tooLong.reprint(original, EVENING, unspent, original.text.length());
        assertThat(tooLong.text).isEqualTo(original.text);
        assertThat(unspent.nextLong()).as("no draw for a credit that cannot fit").isEqualTo(new Random(2).nextLong());
    }

    @Test
    void publicationOrderIsBySecondThenChannelAndKeepsTheOrderOfWritingOtherwise() {
        PostDraft lateWeibo = weibo(AUTHOR, 120);
        PostDraft firstNews = news(DAILY, 60);
        PostDraft secondNews = news(EVENING, 60);
        PostDraft earlyWeibo = weibo(READER, 60);
        List<PostDraft> drafts = new ArrayList<>(List.of(lateWeibo, firstNews, secondNews, earlyWeibo));
        drafts.sort(PostDraft.PUBLICATION_ORDER);
        assertThat(drafts).as("news before Weibo in the same second, as Channel orders them")
                .containsExactly(firstNews, secondNews, earlyWeibo, lateWeibo);
    }

    @Test
    void theMostSharedOfThreeDrawnIsCopied() {
        List<PostDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            drafts.add(weibo(AUTHOR, i));
            drafts.get(i).engagement = WeiboShape.engagement(i, i, i);
        }
        assertThat(PostDraft.popular(List.of(drafts.get(0)), new Random(3))).isSameAs(drafts.get(0));
        for (long seed = 0; seed < 20; seed++) {
            Random rnd = new Random(seed);
            int best = Math.max(rnd.nextInt(3), Math.max(rnd.nextInt(3), rnd.nextInt(3)));
            assertThat(PostDraft.popular(drafts, new Random(seed))).isSameAs(drafts.get(best));
        }
    }

    @Test
    void aWeiboItemsMidComesFromItsSecondAndSequenceAndARepostNeedsItsOriginalsIdFirst() {
        PostDraft original = weibo(AUTHOR, 1_800_000_000L);
        original.text = "原帖";
        Item item = original.item(AT, 10_007, NUMBERING);
        assertThat(item.sourceId()).isEqualTo(Long.toString(5_200_000_000_000_000L + 1_800_000_000L * 10_000 + 7));
        assertThat(original.id).isEqualTo(item.id()).isEqualTo(Item.idOf(Channel.WEIBO, item.sourceId()));

        PostDraft early = weibo(READER, 1_800_000_001L);
        PostDraft unnumbered = weibo(AUTHOR, 1_800_000_000L);
        unnumbered.text = "还没有编号";
        early.repost(unnumbered, "转发微博");
        assertThatThrownBy(() -> early.item(AT, 1, NUMBERING)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("comes before its original");
        PostDraft repost = weibo(READER, 1_800_000_001L);
        repost.repost(original, "转发微博");
        assertThat(repost.item(AT, 2, NUMBERING).repostOf()).isEqualTo(original.id);
    }

    @Test
    void newsAndWechatItemsAreNumberedAsTheNumberingSays() {
        PostDraft report = news(DAILY, AT.getEpochSecond());
        report.title = "标题";
        report.text = "正文";
        assertThat(report.item(AT, 42, NUMBERING).sourceId()).isEqualTo("jcdaily-20261120000042");
    }

    private static PostDraft weibo(WeiboAccount account, long second) {
        PostDraft draft = new PostDraft(Channel.WEIBO, second);
        draft.weibo = account;
        draft.text = "";
        return draft;
    }

    private static PostDraft news(Site site, long second) {
        PostDraft draft = new PostDraft(Channel.NEWS, second);
        draft.site = site;
        return draft;
    }
}
