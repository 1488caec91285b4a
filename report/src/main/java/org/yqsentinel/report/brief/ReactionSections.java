package org.yqsentinel.report.brief;

import static org.yqsentinel.report.brief.Html.escape;
import static org.yqsentinel.report.brief.Html.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.report.Labels;
import org.yqsentinel.report.brief.Opinion.Share;
import org.yqsentinel.report.brief.Propagation.Account;
import org.yqsentinel.report.brief.Propagation.Chain;
import org.yqsentinel.report.brief.Propagation.ChannelSpread;
import org.yqsentinel.report.brief.Propagation.RegionCount;

/**
 * The two sections of a brief about the public's reaction: 三、传播分析 (how it spread) and 四、网民观点 (what people
 * say). Part of {@link CaseBrief}; every value from data is escaped here.
 */
final class ReactionSections {

    private ReactionSections() {}

    /** The longest chains a brief lists; the export has every post. */
    static final int CHAINS_SHOWN = 10;

    static void propagation(StringBuilder out, CaseFacts facts, int regionsShown) {
        Propagation propagation = facts.propagation();
        out.append("<section id=\"propagation\">\n<h2>三、传播分析</h2>\n<h3>（一）首发</h3>\n");
        PostSummary first = propagation.firstPost();
        if (first == null) {
            out.append("<p class=\"empty\">统计区间内未监测到相关帖文。</p>\n</section>\n");
            return;
        }
        Html.table(out, "first-post", List.of("发布时间", "渠道", "发布方", "内容"),
                List.of(row(first.publishedAt(), Labels.channel(first.channel()), first.outlet(), quote(first, PostSummary.EXCERPT_CHARS))));

        out.append("<h3>（二）转载与转发链</h3>\n");
        if (propagation.chains().isEmpty()) {
            out.append("<p class=\"empty\">未发现两条及以上帖文构成的转载或转发链。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (Chain chain : propagation.chains().stream().limit(CHAINS_SHOWN).toList()) {
                String root = chain.root() == null ? "本案帖文之外的 " + chain.rootId()
                        : orUnsigned(chain.root().outlet()) + "：" + quote(chain.root(), 40);
                rows.add(row(root, (long) chain.size(), (long) chain.reposts(), (long) chain.reprints(),
                        String.join("、", chain.channels().stream().sorted().map(Labels::channel).toList()),
                        chain.first(), chain.last()));
            }
            Html.table(out, "chains", List.of("源头帖文", "帖文数", "转发", "转载", "渠道", "首条", "末条"), rows);
            if (propagation.chains().size() > CHAINS_SHOWN) {
                long rest = propagation.chains().stream().skip(CHAINS_SHOWN).mapToLong(Chain::size).sum();
                out.append("<p class=\"note\">").append(escape("仅列帖文最多的 " + CHAINS_SHOWN + " 条链；另有 "
                        + (propagation.chains().size() - CHAINS_SHOWN) + " 条链共 " + rest + " 条帖文未列出，见导出的帖文表。")).append("</p>\n");
            }
        }

        out.append("<h3>（三）渠道分布</h3>\n");
        if (!facts.timeline().isEmpty()) {
            out.append("<figure>\n").append(ChannelChart.svg(propagation.channels(), facts.timeline().buckets())).append("</figure>\n");
        }
        List<List<Object>> channelRows = new ArrayList<>();
        for (ChannelSpread channel : propagation.channels()) {
            channelRows.add(row(Labels.channel(channel.channel()), channel.total(), Html.percent((double) channel.total() / facts.posts())));
        }
        Html.table(out, "channels", List.of("渠道", "帖文数", "占比"), channelRows);

        out.append("<h3>（四）地域分布</h3>\n");
        if (propagation.regions().isEmpty()) {
            out.append("<p class=\"empty\">帖文均未识别出地域。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (RegionCount region : propagation.regions().stream().limit(regionsShown).toList()) {
                rows.add(row(region.province(), region.city(), region.posts(), region.first(), region.last()));
            }
            Html.table(out, "regions", List.of("省份", "城市", "帖文数", "首条", "末条"), rows);
        }
        if (propagation.withoutRegion() > 0 || propagation.regions().size() > regionsShown) {
            out.append("<p class=\"note\">").append(escape((propagation.regions().size() > regionsShown
                    ? "仅列帖文最多的 " + regionsShown + " 个地区；" : "") + "另有 " + propagation.withoutRegion() + " 条帖文未识别出地域。"))
                    .append("</p>\n");
        }

        out.append("<h3>（五）重点账号</h3>\n");
        if (propagation.accounts().isEmpty()) {
            out.append("<p class=\"empty\">帖文均未署名账号。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (Account account : propagation.accounts()) {
                rows.add(row(account.name(), Labels.channel(account.channel()), Labels.account(account.accountType(), account.verified()),
                        account.posts(), account.followers(), account.interactions()));
            }
            Html.table(out, "accounts", List.of("账号", "渠道", "类型", "帖文数", "粉丝数", "互动量"), rows);
            out.append("<p class=\"note\">按粉丝数、再按互动量（转发、评论、点赞之和）排列；个人账号名称仅保留首字。</p>\n");
        }
        out.append("</section>\n");
    }

    static void opinion(StringBuilder out, Opinion opinion) {
        out.append("<section id=\"opinion\">\n<h2>四、网民观点</h2>\n<h3>（一）高频关键词</h3>\n");
        if (opinion.keywords().isEmpty()) {
            out.append("<p class=\"empty\">无关键词。</p>\n");
        } else {
            out.append("<p class=\"keywords\">");
            opinion.keywords().forEach(k -> out.append("<span>").append(escape(k.word())).append(" <small>").append(k.posts())
                    .append(" 条</small></span>"));
            out.append("</p>\n");
        }
        out.append("<h3>（二）情感倾向</h3>\n");
        shares(out, "sentiments", "倾向", opinion.sentiments(), Labels::sentiment);
        out.append("<h3>（三）情绪分布</h3>\n");
        shares(out, "emotions", "情绪", opinion.emotions(), Labels::emotion);
        out.append("<h3>（四）代表性观点</h3>\n");
        for (Sentiment.Label stance : List.of(Sentiment.Label.NEGATIVE, Sentiment.Label.NEUTRAL, Sentiment.Label.POSITIVE)) {
            List<PostSummary> posts = opinion.representatives().getOrDefault(stance, List.of());
            out.append("<h4>").append(Labels.sentiment(stance)).append("</h4>\n");
            if (posts.isEmpty()) {
                out.append("<p class=\"empty\">无").append(Labels.sentiment(stance)).append("帖文。</p>\n");
            }
            for (PostSummary post : posts) {
                out.append("<blockquote class=\"post\">");
                if (post.title() != null) {
                    out.append("<b>").append(escape(post.title())).append("</b> ");
                }
                out.append(escape(post.excerpt()))
                        .append("<span class=\"by\">").append(escape(orUnsigned(post.outlet()) + "，" + Labels.channel(post.channel()) + "，"
                                + Html.time(post.publishedAt()) + "，互动 " + post.interactions()))
                        .append("</span></blockquote>\n");
            }
        }
        out.append("</section>\n");
    }

    private static <L> void shares(StringBuilder out, String cssClass, String name, List<Share<L>> shares, Function<L, String> label) {
        if (shares.stream().allMatch(share -> share.posts() == 0)) {
            out.append("<p class=\"empty\">帖文均未判读").append(escape(name)).append("。</p>\n");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Share<L> share : shares) {
            String bar = "<span class=\"share\" style=\"width:" + String.format(Locale.ROOT, "%.1f", share.share() * 100)
                    + "%\"></span>";
            rows.add(row(label.apply(share.label()), share.posts(), Html.percent(share.share()), Html.raw(bar)));
        }
        Html.table(out, "shares " + cssClass, List.of(name, "帖文数", "占比", ""), rows);
    }

    /** What a brief quotes of a post: its title, else its de-identified text, cut to {@code maxChars} characters. */
    static String quote(PostSummary post, int maxChars) {
        String text = post.title() != null ? post.title() : post.excerpt();
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxChars)) + "…";
    }

    private static String orUnsigned(String outlet) {
        return outlet == null ? "未署名来源" : outlet;
    }
}
