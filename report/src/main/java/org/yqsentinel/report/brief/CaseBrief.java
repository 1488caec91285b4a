package org.yqsentinel.report.brief;

import static org.yqsentinel.report.brief.Html.escape;
import static org.yqsentinel.report.brief.Html.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.CaseRecord;
import org.yqsentinel.model.CaseResponse;
import org.yqsentinel.model.ResponseEffect;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.report.CaseFile;
import org.yqsentinel.report.Labels;
import org.yqsentinel.report.Redaction;
import org.yqsentinel.report.brief.Timeline.TierChange;

/**
 * The incident brief (舆情简报) of a case as one self-contained HTML5 page in Chinese, the document a 舆情 desk hands
 * upward: header, 一、事件概况, 二、时间线, 三、传播分析, 四、网民观点, 五、风险研判, 六、处置情况, 七、回应与评估. Its styles and charts
 * (inline SVG) are inside it; it loads nothing and runs no script, so it opens offline and prints on A4 as it shows.
 * Every value from data is escaped and every text from a post de-identified. The same file and time give the same page.
 */
public final class CaseBrief {

    /** The id of the timeline chart's {@code <svg>}. */
    public static final String TIMELINE_CHART_ID = TimelineChart.ID;
    /** The fill of the timeline's post bars: a colour nothing else in a brief uses, for finding the bars in a screenshot. */
    public static final String POSTS_BAR_FILL = TimelineChart.POSTS_FILL;

    private static final String CSS = stylesheet();
    private static final int REGIONS_SHOWN = 15;
    private static final int SHORT_QUOTE_CHARS = 40;

    private final Redaction redaction;

    /** A brief with a masker of its own (loading one takes a few seconds: keep the brief for more than one file). */
    public CaseBrief() {
        this(new PersonalDataMasker());
    }

    public CaseBrief(PersonalDataMasker masker) {
        this.redaction = new Redaction(masker);
    }

    /** The facts the brief of this file states. */
    public CaseFacts facts(CaseFile file) {
        return CaseFacts.of(file, redaction);
    }

    /** The brief of the file as an HTML document, stamped as generated at {@code generatedAt}. */
    public String html(CaseFile file, Instant generatedAt) {
        CaseFacts facts = facts(file);
        StringBuilder out = new StringBuilder(96 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>舆情简报：").append(escape(file.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        header(out, file, facts, generatedAt);
        overview(out, file, facts);
        timeline(out, facts);
        ReactionSections.propagation(out, facts, REGIONS_SHOWN);
        ReactionSections.opinion(out, facts.opinion());
        assessment(out, facts);
        handling(out, facts);
        response(out, file.caseRecord());
        out.append("<footer>本简报由舆情哨兵根据监测数据自动生成于 ").append(escape(Html.dateTime(generatedAt)))
                .append("，供内部研判参考。文中引用的帖文已对个人信息作脱敏处理，个人账号名称仅保留首字；时间均为北京时间。</footer>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, CaseFile file, CaseFacts facts, Instant generatedAt) {
        out.append("<header class=\"masthead\">\n<div class=\"kind\">舆情简报</div>\n<h1>").append(escape(file.title())).append("</h1>\n");
        out.append("<table class=\"meta\">\n");
        metaRow(out, "文号", file.policy() == null ? null : file.policy().documentNumber(),
                "发布机构", file.policy() == null ? null : file.policy().issuingOffice());
        metaRow(out, "涉事责任部门", department(file), "案件编号", file.caseRecord() == null ? null : file.caseRecord().id());
        metaRow(out, "处置状态", file.caseRecord() == null ? null : file.caseRecord().status().label(), "统计区间",
                Html.dateTime(file.from()) + " 至 " + Html.dateTime(file.to()));
        metaRow(out, "当前等级", Html.tier(facts.currentTier()), "最高等级", Html.tier(facts.peakTier()));
        metaRow(out, "生成时间", Html.dateTime(generatedAt), "监测对象", file.subjectId());
        out.append("</table>\n</header>\n");
    }

    private static void metaRow(StringBuilder out, String name1, Object value1, String name2, Object value2) {
        out.append("<tr><th>").append(escape(name1)).append("</th><td>").append(cell(value1)).append("</td><th>")
                .append(escape(name2)).append("</th><td>").append(cell(value2)).append("</td></tr>\n");
    }

    private static String cell(Object value) {
        if (value instanceof Html.Raw markup) {
            return markup.markup();
        }
        return value == null ? Html.NONE : escape(value.toString());
    }

    private static String department(CaseFile file) {
        if (file.caseRecord() != null && file.caseRecord().responsibleDepartment() != null) {
            return file.caseRecord().responsibleDepartment();
        }
        return file.alerts().stream().map(Alert::responsibleDepartment).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static void overview(StringBuilder out, CaseFile file, CaseFacts facts) {
        out.append("<section id=\"overview\">\n<h2>一、事件概况</h2>\n");
        String subject = file.policy() == null ? "“" + file.title() + "”"
                : "《" + file.title() + "》" + (file.policy().documentNumber() == null ? "" : "（" + file.policy().documentNumber() + "）");
        String range = Html.dateTime(file.from()) + "至" + Html.dateTime(file.to());
        StringBuilder text = new StringBuilder(range);
        if (facts.posts() == 0) {
            text.append("，未监测到与").append(subject).append("相关的公开帖文。");
        } else {
            text.append("，共监测到与").append(subject).append("相关的公开帖文 ").append(facts.posts()).append(" 条，其中")
                    .append(facts.propagation().channels().stream()
                            .map(c -> Labels.channel(c.channel()) + " " + c.total() + " 条").collect(Collectors.joining("、")))
                    .append("；负面帖文占 ").append(Html.percent(facts.opinion().sentimentShare(Sentiment.Label.NEGATIVE))).append("。");
            PostSummary first = facts.propagation().firstPost();
            text.append("首发为 ").append(Html.time(first.publishedAt())).append(" ")
                    .append(Objects.requireNonNullElse(first.outlet(), "未署名来源")).append("（").append(Labels.channel(first.channel()))
                    .append("）发布的“").append(ReactionSections.quote(first, SHORT_QUOTE_CHARS)).append("”。");
        }
        if (facts.peak() == null) {
            text.append("统计区间内无风险评分记录，未触发预警。");
        } else {
            text.append("风险评分于 ").append(Html.time(facts.peak().windowEnd())).append(" 达到峰值 ")
                    .append(Html.number(facts.peak().score())).append(" 分");
            if (facts.peakTier() != null) {
                text.append("，最高预警等级 ").append(facts.peakTier().label());
            }
            text.append(facts.currentTier() == null ? "，目前无预警。" : "，当前为 " + facts.currentTier().label() + "。");
        }
        List<TierChange> changes = facts.timeline().tierChanges();
        if (!changes.isEmpty()) {
            long acknowledged = changes.stream().filter(c -> c.acknowledgement() != null).count();
            text.append("期间共发生预警事件 ").append(changes.size()).append(" 次，已确认 ").append(acknowledged).append(" 次。");
        }
        out.append("<p>").append(escape(text.toString())).append("</p>\n</section>\n");
    }

    private static void timeline(StringBuilder out, CaseFacts facts) {
        Timeline timeline = facts.timeline();
        out.append("<section id=\"timeline\">\n<h2>二、时间线</h2>\n");
        if (timeline.isEmpty()) {
            out.append("<p class=\"empty\">统计区间内没有帖文、风险评分或预警，无时间线可绘。</p>\n");
        } else {
            out.append("<figure>\n").append(TimelineChart.svg(timeline)).append("<figcaption>")
                    .append(escape("柱：每 " + stepText(timeline.buckets()) + "的关联帖文数（左轴）；实线：负面占比；虚线：该时段最高风险评分"
                            + "（右轴 0–100）；竖虚线：预警事件，颜色为预警等级。"))
                    .append("</figcaption>\n</figure>\n");
        }
        out.append("<h3>（一）预警等级变化</h3>\n");
        if (timeline.tierChanges().isEmpty()) {
            out.append("<p class=\"empty\">统计区间内未触发预警。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (TierChange change : timeline.tierChanges()) {
                String from = change.previousTier() == null ? "" : Html.tier(change.previousTier()).markup() + " → ";
                rows.add(Html.row(change.at(), Labels.event(change.type()), raw(from + Html.tier(change.tier()).markup()),
                        change.score(), change.respondBy(),
                        change.acknowledgement() == null ? "未确认" : acknowledgedBy(change.acknowledgement())));
            }
            Html.table(out, "tier-changes", List.of("时间", "事件", "预警等级", "评分", "首次回应时限", "确认情况"), rows);
        }
        out.append("</section>\n");
    }

    private static String stepText(TimeBuckets buckets) {
        long hours = buckets.step().toHours();
        return buckets.inDays() ? hours / 24 + " 天" : hours + " 小时";
    }

    private static String acknowledgedBy(Timeline.Acknowledgement ack) {
        return Objects.requireNonNullElse(ack.who(), "未署名") + "（" + Html.time(ack.at()) + "）";
    }

    private static void assessment(StringBuilder out, CaseFacts facts) {
        out.append("<section id=\"assessment\">\n<h2>五、风险研判</h2>\n");
        Peak peak = facts.peak();
        if (peak == null) {
            out.append("<p class=\"empty\">统计区间内没有风险评分。</p>\n</section>\n");
            return;
        }
        StringBuilder text = new StringBuilder("风险评分峰值 ").append(Html.number(peak.score())).append(" 分，出现在");
        text.append(peak.windowStart() == null ? " " + Html.time(peak.windowEnd()) + " 结束"
                : " " + Html.time(peak.windowStart()) + " 至 " + Html.time(peak.windowEnd()) + " ").append("的评分窗口");
        if (peak.posts() != null) {
            text.append("（窗口内关联帖文 ").append(peak.posts()).append(" 条）");
        }
        if (peak.tier() != null) {
            text.append("，其后预警等级为 ").append(peak.tier().label());
        }
        text.append("。各研判因素按加权贡献由大到小排列如下。");
        out.append("<p>").append(escape(text.toString())).append("</p>\n");
        List<List<Object>> rows = new ArrayList<>();
        for (Peak.FactorLine factor : peak.factors()) {
            rows.add(Html.row(factor.label(), String.format(Locale.ROOT, "%.2f", factor.normalized()), factor.weight(),
                    factor.explanation()));
        }
        if (!rows.isEmpty()) {
            Html.table(out, "factors", List.of("研判因素", "归一化值（0–1）", "权重", "说明"), rows);
        }
        out.append("</section>\n");
    }

    private static void handling(StringBuilder out, CaseFacts facts) {
        Handling handling = facts.handling();
        out.append("<section id=\"handling\">\n<h2>六、处置情况</h2>\n<h3>（一）预警通知</h3>\n");
        if (handling.deliveries().isEmpty()) {
            out.append("<p class=\"empty\">尚无预警通知记录。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (Handling.DeliveryTally d : handling.deliveries()) {
                rows.add(Html.row(d.receiver(), Labels.deliveryChannel(d.channel()), Labels.deliveryStatus(d.status()), d.count(),
                        d.first(), d.last()));
            }
            Html.table(out, "deliveries", List.of("接收方", "渠道", "状态", "条数", "首次", "最近"), rows);
        }
        out.append("<h3>（二）确认情况</h3>\n");
        if (handling.acknowledgements().isEmpty()) {
            out.append("<p class=\"empty\">尚无确认记录。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (Timeline.Acknowledgement ack : handling.acknowledgements()) {
                rows.add(Html.row(ack.at(), Objects.requireNonNullElse(ack.who(), "未署名"), alertOf(facts, ack.alertId()), ack.detail()));
            }
            Html.table(out, "acknowledgements", List.of("确认时间", "确认人", "所确认的预警", "备注"), rows);
        }
        out.append("</section>\n");
    }

    /**
     * 七、回应与评估: each official response the department recorded (when, where, by whom, its address or words), the
     * public's posts in the hours before and after it as the job measured them, and the case's stage and conclusion.
     */
    private static void response(StringBuilder out, CaseRecord record) {
        out.append("<section id=\"response\">\n<h2>七、回应与评估</h2>\n");
        if (record == null) {
            out.append("<p class=\"empty\">本简报不涉及案件。</p>\n</section>\n");
            return;
        }
        if (record.responses().isEmpty()) {
            out.append("<p class=\"empty\">尚未记录官方回应。</p>\n");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (CaseResponse response : record.responses()) {
                ResponseEffect effect = response.effect();
                rows.add(Html.row(response.at(), response.channel(), response.by(),
                        response.url() != null ? withoutScheme(response.url()) : shorten(response.text(), SHORT_QUOTE_CHARS),
                        effect == null ? "待评估" : period(effect.before()), effect == null ? "待评估" : period(effect.after()),
                        effect == null || effect.volumeRatio() == null ? null : Html.percent(effect.volumeRatio() - 1)));
            }
            Html.table(out, "responses", List.of("回应时间", "渠道", "回应人", "链接或内容", "回应前", "回应后", "声量变化"), rows);
        }
        out.append("<p>案件阶段：").append(escape(record.status().label()));
        if (record.conclusion() != null) {
            out.append("；结论：").append(escape(record.conclusion()));
        }
        out.append("</p>\n</section>\n");
    }

    /** {@code 6 小时 120 条（每小时 20 条，负面 45%）}. */
    private static String period(ResponseEffect.Period period) {
        long hours = Duration.between(period.from(), period.to()).toHours();
        return hours + " 小时 " + period.posts() + " 条（每小时 " + Html.number(Math.round(period.postsPerHour() * 10) / 10.0) + " 条，负面 "
                + Html.percent(period.negativeShare()) + "）";
    }

    /** An address as text ({@code weibo.com/…}): the brief links to nothing, so that it never reaches the network. */
    private static String withoutScheme(String url) {
        return url.replaceFirst("^(?i)https?://", "");
    }

    private static String shorten(String text, int chars) {
        return text == null || text.length() <= chars ? text : text.substring(0, chars) + "…";
    }

    /** {@code 3月3日 20:00 升级 Ⅲ级黄色（较大）}, or the id of an alert event the file does not hold. */
    private static Object alertOf(CaseFacts facts, String alertId) {
        return facts.timeline().tierChanges().stream().filter(c -> c.alertId().equals(alertId)).findFirst()
                .<Object>map(c -> raw(escape(Html.time(c.at()) + " " + Labels.event(c.type()) + " ") + Html.tier(c.tier()).markup()))
                .orElse(alertId);
    }

    private static String stylesheet() {
        try (InputStream in = CaseBrief.class.getResourceAsStream("brief.css")) {
            if (in == null) {
                throw new IllegalStateException("brief.css is missing from the report module's resources; rebuild the module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read brief.css from the report module's resources", e);
        }
    }
}
