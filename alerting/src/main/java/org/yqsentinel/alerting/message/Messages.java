package org.yqsentinel.alerting.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Factor;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;

/**
 * What a receiver reads about an alert event: an e-mail (subject, plain text, HTML), an SMS of one
 * 70-character segment, and DingTalk / WeCom robot markdown. Times are shown in the routing's time zone;
 * the quoted posts are already de-identified by the job. What comes from crawled data (names, titles, excerpts)
 * is {@linkplain #clean cleaned} of control characters, and only http(s) addresses of posts become links.
 */
public final class Messages {

    /** Characters in one SMS segment of Chinese text (UCS-2), the signature included. */
    public static final int SMS_SEGMENT = 70;
    /** How SMS begin: the signature providers require. */
    public static final String SMS_SIGNATURE = "【舆情哨兵】";

    private static final Map<AlertEventType, String> WHAT = new EnumMap<>(Map.of(
            AlertEventType.OPENED, "新发预警", AlertEventType.ESCALATED, "预警升级",
            AlertEventType.DEESCALATED, "预警降级", AlertEventType.RESOLVED, "预警解除"));
    private static final Map<Tier, String> HEX = new EnumMap<>(Map.of(
            Tier.IV_BLUE, "#1e6fd9", Tier.III_YELLOW, "#d4a800", Tier.II_ORANGE, "#f07c16", Tier.I_RED, "#d9302c"));
    private static final Map<Channel, String> CHANNEL_NAMES = new EnumMap<>(Map.of(
            Channel.NEWS, "新闻", Channel.WEIBO, "微博", Channel.WECHAT, "微信"));
    private static final Pattern DOCUMENT_KIND = Pattern.compile("(的)?(通知|意见|公告|通告|办法|决定|规定|实施方案|方案|细则|批复)$");

    private final ZoneId zone;
    private final DateTimeFormatter full;
    private final DateTimeFormatter day;

    public Messages(ZoneId zone) {
        this.zone = zone;
        this.full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("d日HH:mm", Locale.ROOT).withZone(zone);
    }

    /**
     * Where a message points.
     *
     * @param acknowledge the signed acknowledge link
     * @param shortLink   a short link to the same, for SMS
     * @param kibana      the case in Kibana
     */
    public record Links(String acknowledge, String shortLink, String kibana) {}

    /** An e-mail's parts. */
    public record Email(String subject, String text, String html) {}

    public Email email(Alert alert, Links links) {
        return email(alert, links, null);
    }

    /**
     * The e-mail of an alert event; {@code remark}, when not null, heads it: why it is sent again or to whom else,
     * e.g. {@code 逾时未确认·升级报告}.
     */
    public Email email(Alert alert, Links links, String remark) {
        String subject = (remark == null ? "" : "【" + remark + "】") + "【" + alert.tier().label() + "·" + WHAT.get(alert.type()) + "】" + title(alert) + "：舆情风险 "
                + score(alert) + " 分" + (answered(alert) ? "" : "，请于 " + full.format(alert.respondBy()) + " 前回应");
        StringBuilder text = new StringBuilder();
        if (remark != null) {
            text.append("【").append(remark).append("】\n\n");
        }
        text.append(WHAT.get(alert.type())).append("：").append(alert.tier().label()).append('\n')
                .append("政策文件：").append(title(alert)).append(alert.policyId() == null ? "" : "（" + clean(alert.policyId()) + "）").append('\n')
                .append("风险评分：").append(score(alert)).append(" / 100");
        if (alert.previousTier() != null) {
            text.append("（此前 ").append(alert.previousTier().label()).append("）");
        }
        text.append('\n')
                .append("责任部门：").append(department(alert)).append('\n')
                .append("回应时限：").append(deadline(alert)).append("（").append(zone.getId()).append("）\n")
                .append("统计窗口：").append(full.format(alert.windowStart())).append(" — ").append(full.format(alert.windowEnd())).append("\n\n")
                .append("风险因素：\n");
        for (Factor factor : alert.factors()) {
            text.append("  · ").append(clean(factor.name())).append(String.format(Locale.ROOT, " %.2f（权重 %.0f）", factor.normalized(), factor.weight()))
                    .append("：").append(clean(factor.explanation())).append('\n');
        }
        text.append("\n主要帖文（已去标识化）：\n");
        int n = 1;
        for (PostRef post : alert.topItems()) {
            String url = webAddress(post.url());
            text.append("  ").append(n++).append(". [").append(CHANNEL_NAMES.get(post.channel())).append(" · ").append(clean(post.source()))
                    .append(" · ").append(full.format(post.publishedAt())).append(" · 互动 ").append(post.interactions()).append("] ")
                    .append(clean(post.maskedExcerpt())).append(url == null ? "" : " " + url).append('\n');
        }
        text.append("\n确认收到（停止升级提醒）：").append(links.acknowledge()).append('\n')
                .append("在 Kibana 查看案件：").append(links.kibana()).append('\n');
        return new Email(subject, text.toString(), html(alert, links, remark));
    }

    private String html(Alert alert, Links links, String remark) {
        String colour = HEX.get(alert.tier());
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"></head>"
                + "<body style=\"font-family:sans-serif;color:#222\">");
        if (remark != null) {
            html.append("<p style=\"font-size:16px;font-weight:bold;color:#d9302c\">").append(esc(remark)).append("</p>");
        }
        html.append("<div style=\"border-left:8px solid ").append(colour).append(";padding:8px 16px\">")
                .append("<h2 style=\"margin:0;color:").append(colour).append("\">").append(esc(alert.tier().label())).append(" · ")
                .append(esc(WHAT.get(alert.type()))).append("</h2>")
                .append("<p style=\"font-size:16px\"><b>").append(esc(title(alert))).append("</b>")
                .append(alert.policyId() == null ? "" : "（" + esc(clean(alert.policyId())) + "）").append("</p>")
                .append("<table style=\"border-collapse:collapse\">")
                .append(row("风险评分", score(alert) + " / 100" + (alert.previousTier() == null ? "" : "（此前 " + alert.previousTier().label() + "）")))
                .append(row("责任部门", department(alert)))
                .append(row("回应时限", deadline(alert)))
                .append(row("统计窗口", full.format(alert.windowStart()) + " — " + full.format(alert.windowEnd())))
                .append("</table></div>");
        html.append("<p><a href=\"").append(esc(links.acknowledge())).append("\" style=\"background:").append(colour)
                .append(";color:#fff;padding:8px 16px;text-decoration:none;border-radius:4px\">确认收到</a>　")
                .append("<a href=\"").append(esc(links.kibana())).append("\">在 Kibana 查看案件</a></p>");
        html.append("<h3>风险因素</h3><table style=\"border-collapse:collapse\" border=\"1\" cellpadding=\"4\">")
                .append("<tr><th>因素</th><th>归一值</th><th>权重</th><th>说明</th></tr>");
        for (Factor factor : alert.factors()) {
            html.append("<tr><td>").append(esc(clean(factor.name()))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", factor.normalized())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.0f", factor.weight())).append("</td><td>").append(esc(clean(factor.explanation())))
                    .append("</td></tr>");
        }
        html.append("</table><h3>主要帖文（已去标识化）</h3><ol>");
        for (PostRef post : alert.topItems()) {
            html.append("<li><small>").append(esc(CHANNEL_NAMES.get(post.channel()))).append(" · ").append(esc(clean(post.source()))).append(" · ")
                    .append(full.format(post.publishedAt())).append(" · 互动 ").append(post.interactions()).append("</small><br>")
                    .append(esc(clean(post.maskedExcerpt())));
            String url = webAddress(post.url());
            if (url != null) {
                html.append(" <a href=\"").append(esc(url)).append("\">原文</a>");
            }
            html.append("</li>");
        }
        return html.append("</ol></body></html>").toString();
    }

    /**
     * An SMS: its whole text, for gateways that send text as given, and its parts, for providers that send
     * only templates registered with them (the signature is then the provider's).
     *
     * @param fields {@code event} (Ⅱ橙预警), {@code name} (the policy's short name, cut to fit), {@code score},
     *               {@code deadline} (21日14:00, empty when resolved) and {@code link}
     */
    public record Sms(String text, Map<String, String> fields) {

        public Sms {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * One SMS segment: signature, tier, the policy's short name (cut to fit), score, respond-by and the short
     * link, e.g. {@code 【舆情哨兵】Ⅱ橙预警 调整中小学课后服务… 72分 26日14:00前回应 http://…}: the respond-by
     * time is at most two days ahead, so its day of the month is enough.
     *
     * @throws IllegalArgumentException when the link alone leaves no room for the policy's name
     */
    public Sms sms(Alert alert, String shortLink) {
        return sms(alert, shortLink, null);
    }

    /**
     * The SMS; a remark of two characters (催办 for a reminder, 逾期 for an escalation report) follows the event, e.g.
     * {@code Ⅱ橙预警催办}: the segment has little room.
     */
    public Sms sms(Alert alert, String shortLink, String remark) {
        boolean resolved = answered(alert);
        String event = tierShort(alert) + (alert.type() == AlertEventType.RESOLVED ? "解除" : "预警") + (remark == null ? "" : remark);
        String deadline = resolved ? "" : day.format(alert.respondBy());
        String head = SMS_SIGNATURE + event + " ";
        String tail = " " + score(alert) + "分" + (resolved ? "" : " " + deadline + "前回应") + " " + shortLink;
        int room = SMS_SEGMENT - head.length() - tail.length();
        if (room < 4) {
            throw new IllegalArgumentException("the short link " + shortLink + " leaves " + room + " characters of " + SMS_SEGMENT
                    + " for the policy's name; use a shorter public URL for the alerting service");
        }
        String name = shortName(alert);
        if (name.length() > room) {
            name = name.substring(0, room - 1) + "…";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("name", name);
        fields.put("score", score(alert));
        fields.put("deadline", deadline);
        fields.put("link", shortLink);
        return new Sms(head + name + tail, fields);
    }

    /** A DingTalk robot's markdown message (its JSON body). */
    public String dingtalk(Alert alert, Links links) {
        return dingtalk(alert, links, null);
    }

    /** The DingTalk message, headed by {@code remark} when not null. */
    public String dingtalk(Alert alert, Links links, String remark) {
        return dingtalk(alert, links, remark, null);
    }

    /**
     * The DingTalk message, ending with {@code reference} when not null: the notification's number, so that people can
     * tell a repeat of one post (robots take no idempotency key) from a new notification.
     */
    public String dingtalk(Alert alert, Links links, String remark, String reference) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("msgtype", "markdown");
        ObjectNode markdown = body.putObject("markdown");
        markdown.put("title", alert.tier().label() + " " + shortName(alert));
        markdown.put("text", markdown(alert, links, remark, reference, "<font color=\"" + HEX.get(alert.tier()) + "\">", "</font>"));
        return Json.toString(body);
    }

    /** A WeCom (企业微信) robot's markdown message (its JSON body); WeCom colours only warning and info. */
    public String wecom(Alert alert, Links links) {
        return wecom(alert, links, null);
    }

    /** The WeCom message, headed by {@code remark} when not null. */
    public String wecom(Alert alert, Links links, String remark) {
        return wecom(alert, links, remark, null);
    }

    /** The WeCom message, ending with {@code reference} when not null (see {@link #dingtalk(Alert, Links, String, String)}). */
    public String wecom(Alert alert, Links links, String remark, String reference) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("msgtype", "markdown");
        String colour = alert.tier().isMoreSevereThan(Tier.III_YELLOW) ? "warning" : "info";
        body.putObject("markdown").put("content", markdown(alert, links, remark, reference, "<font color=\"" + colour + "\">", "</font>"));
        return Json.toString(body);
    }

    private String markdown(Alert alert, Links links, String remark, String reference, String colourOn, String colourOff) {
        StringBuilder md = new StringBuilder(remark == null ? "" : "**【" + remark + "】**\n\n").append("### ").append(colourOn).append(alert.tier().label()).append(" · ")
                .append(WHAT.get(alert.type())).append(colourOff).append("\n\n")
                .append("**").append(title(alert)).append("**\n\n")
                .append("> 风险评分：").append(score(alert)).append(" / 100\n\n")
                .append("> 责任部门：").append(department(alert)).append("\n\n")
                .append("> 回应时限：").append(deadline(alert)).append("\n\n");
        for (Factor factor : alert.factors()) {
            md.append("- ").append(clean(factor.name())).append(String.format(Locale.ROOT, " %.2f：", factor.normalized()))
                    .append(clean(factor.explanation())).append('\n');
        }
        md.append("\n[确认收到](").append(links.acknowledge()).append(")　[查看案件](").append(links.kibana()).append(")");
        if (reference != null) {
            md.append("\n\n通知编号 ").append(reference);
        }
        return md.toString();
    }

    /** The policy's name without its issuing office and document kind: {@code 调整中小学课后服务收费标准}. */
    static String shortName(Alert alert) {
        String title = title(alert);
        int about = title.indexOf("关于");
        String name = about >= 0 ? title.substring(about + 2) : title;
        name = DOCUMENT_KIND.matcher(name.replaceAll("^《|》$", "")).replaceAll("");
        return name.isBlank() ? title : name;
    }

    /** No response is asked: the event resolves the case, or names no respond-by time. */
    private static boolean answered(Alert alert) {
        return alert.type() == AlertEventType.RESOLVED || alert.respondBy() == null;
    }

    private String deadline(Alert alert) {
        return answered(alert) ? "无需回应（" + WHAT.get(alert.type()) + "）" : full.format(alert.respondBy()) + " 前";
    }

    private static String title(Alert alert) {
        return clean(alert.subjectTitle() == null || alert.subjectTitle().isBlank() ? alert.subjectId() : alert.subjectTitle());
    }

    private static String department(Alert alert) {
        return alert.responsibleDepartment() == null ? "（规则未指定，请值班室分派）" : clean(alert.responsibleDepartment());
    }

    /**
     * Text from crawled data as it may appear in a message: line breaks, tabs and other white-space controls become a
     * space, and other control characters (NUL, ESC, DEL, C1) and bidirectional overrides are dropped, so a name
     * cannot break a header or a line, hide text, or send terminal escapes; null stays null.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean broken = false;  // a run of line breaks (\r\n) is one space
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            if (lineBreak) {
                if (!broken) {
                    out.append(' ');
                }
            } else if (!Character.isISOControl(c) && !(c >= '\u202a' && c <= '\u202e') && !(c >= '\u2066' && c <= '\u2069')) {
                out.append(c);
            }
            broken = lineBreak;
        }
        return out.toString();
    }

    /** The address of a post when it is an http(s) URL with a host, cleaned; anything else ({@code javascript:}, {@code data:}) is null. */
    static String webAddress(String url) {
        if (url == null) {
            return null;
        }
        String address = clean(url).strip();
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) && uri.getHost() != null;
            return web && !address.contains(" ") ? address : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String tierShort(Alert alert) {
        return alert.tier().label().substring(0, 1) + alert.tier().label().charAt(2);
    }

    private static String score(Alert alert) {
        return String.format(Locale.ROOT, "%.0f", alert.score());
    }

    private static String row(String name, String value) {
        return "<tr><td style=\"padding:2px 12px 2px 0;color:#666\">" + esc(name) + "</td><td>" + esc(value) + "</td></tr>";
    }

    /** Text made safe inside HTML elements and quoted attributes; null is empty. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
