package org.yqsentinel.alerting.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yqsentinel.model.Alert;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.PostRef;
import org.yqsentinel.model.Tier;
import org.yqsentinel.model.json.Json;
import org.yqsentinel.rules.risk.RiskFactor;

/**
 * What a receiver reads about an alert event: an e-mail (subject, plain text, HTML), an SMS of one
 * 70-character segment, and DingTalk / WeCom robot markdown, each worded by its {@linkplain MessageTemplates template}.
 * Times are shown in the routing's time zone; the quoted posts are already de-identified by the job. What comes from
 * crawled data (names, titles, excerpts) is {@linkplain #clean cleaned} of control characters, and only http(s)
 * addresses of posts become links.
 */
public final class Messages {

    /** Characters in one SMS segment of Chinese text (UCS-2), the signature included. */
    public static final int SMS_SEGMENT = 70;

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
    private final MessageTemplates templates;

    /** Messages worded by the bundled templates. */
    public Messages(ZoneId zone) {
        this(zone, MessageTemplates.bundled());
    }

    public Messages(ZoneId zone, MessageTemplates templates) {
        this.zone = zone;
        this.full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("d日HH:mm", Locale.ROOT).withZone(zone);
        this.templates = templates;
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
     * e.g. {@code 逾时未确认·升级报告}. The plain text ends with a line break.
     */
    public Email email(Alert alert, Links links, String remark) {
        Map<String, Object> text = values(alert, links, remark, false);
        Map<String, Object> html = values(alert, links, remark, true);
        return new Email(render(MessageTemplates.Kind.EMAIL_SUBJECT, text), render(MessageTemplates.Kind.EMAIL_TEXT, text) + "\n",
                render(MessageTemplates.Kind.EMAIL_HTML, html));
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
        Map<String, Object> event = new HashMap<>();
        event.put("tierShort", tierShort(alert));
        event.put("resolved", alert.type() == AlertEventType.RESOLVED);
        event.put("remark", remark);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", render(MessageTemplates.Kind.SMS_EVENT, event));
        fields.put("name", "");
        fields.put("score", score(alert));
        fields.put("deadline", resolved ? "" : day.format(alert.respondBy()));
        fields.put("link", shortLink);
        Map<String, Object> values = new HashMap<>(fields);
        values.put("deadline", resolved ? null : fields.get("deadline"));
        int room = SMS_SEGMENT - render(MessageTemplates.Kind.SMS, values).length();
        if (room < 4) {
            throw new IllegalArgumentException("the short link " + shortLink + " leaves " + room + " characters of " + SMS_SEGMENT
                    + " for the policy's name; use a shorter public URL for the alerting service");
        }
        String name = shortName(alert);
        if (name.length() > room) {
            name = name.substring(0, room - 1) + "…";
        }
        fields.put("name", name);
        values.put("name", name);
        return new Sms(render(MessageTemplates.Kind.SMS, values), fields);
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
        Map<String, Object> values = values(alert, links, remark, false);
        values.put("reference", reference);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("msgtype", "markdown");
        ObjectNode markdown = body.putObject("markdown");
        markdown.put("title", render(MessageTemplates.Kind.ROBOT_TITLE, values));
        markdown.put("text", render(MessageTemplates.Kind.ROBOT, values));
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
        Map<String, Object> values = values(alert, links, remark, false);
        values.put("reference", reference);
        values.put("colour", alert.tier().isMoreSevereThan(Tier.III_YELLOW) ? "warning" : "info");
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", render(MessageTemplates.Kind.ROBOT, values));
        return Json.toString(body);
    }

    private String render(MessageTemplates.Kind kind, Map<String, ?> values) {
        return templates.get(kind).render(values);
    }

    /**
     * The values of the e-mail and robot templates ({@link MessageTemplates#ALERT}); what the job may leave out (a
     * post's source, a factor's name) reads {@code null} in text, as it always has, and nothing in HTML.
     */
    private Map<String, Object> values(Alert alert, Links links, String remark, boolean html) {
        Map<String, Object> values = new HashMap<>();
        values.put("remark", remark);
        values.put("tier", alert.tier().label());
        values.put("eventKind", WHAT.get(alert.type()));
        values.put("title", title(alert));
        values.put("shortName", shortName(alert));
        values.put("policyId", alert.policyId() == null ? null : clean(alert.policyId()));
        values.put("score", score(alert));
        values.put("previousTier", alert.previousTier() == null ? null : alert.previousTier().label());
        values.put("department", alert.responsibleDepartment() == null ? null : clean(alert.responsibleDepartment()));
        values.put("respondBy", answered(alert) ? null : full.format(alert.respondBy()));
        values.put("zone", zone.getId());
        values.put("windowStart", full.format(alert.windowStart()));
        values.put("windowEnd", full.format(alert.windowEnd()));
        values.put("factors", alert.factors().stream().map(factor -> {
            String label = factor.name() == null ? null : RiskFactor.labelOf(factor.name());
            return Map.of(
                    "name", appended(clean(factor.name()), html),
                    "label", appended(clean(label), html),
                    "normalized", String.format(Locale.ROOT, "%.2f", factor.normalized()),
                    "weight", String.format(Locale.ROOT, "%.0f", factor.weight()),
                    "explanation", appended(clean(factor.explanation()), html),
                    "detail", appended(clean(detail(label, factor.explanation())), html));
        }).toList());
        values.put("classes", alert.responseClasses().stream().map(c -> Map.of(
                "name", appended(clean(c.name()), html),
                "evidence", appended(clean(c.evidence()), html),
                "advice", appended(clean(c.advice()), html))).toList());
        List<Map<String, String>> posts = new ArrayList<>();
        for (PostRef post : alert.topItems()) {
            Map<String, String> item = new HashMap<>();
            item.put("number", Integer.toString(posts.size() + 1));
            item.put("channel", appended(CHANNEL_NAMES.get(post.channel()), html));
            item.put("source", appended(clean(post.source()), html));
            item.put("publishedAt", full.format(post.publishedAt()));
            item.put("interactions", Long.toString(post.interactions()));
            item.put("excerpt", appended(clean(post.maskedExcerpt()), html));
            item.put("url", webAddress(post.url()));
            posts.add(item);
        }
        values.put("posts", posts);
        values.put("acknowledgeLink", appended(links.acknowledge(), html));
        values.put("kibanaLink", appended(links.kibana(), html));
        values.put("colour", HEX.get(alert.tier()));
        values.put("reference", null);
        return values;
    }

    /** A value the job or the caller may leave out: as Java appends it in text ({@code null}), empty in HTML. */
    private static String appended(String value, boolean html) {
        return value != null ? value : html ? "" : "null";
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

    private static String title(Alert alert) {
        return clean(alert.subjectTitle() == null || alert.subjectTitle().isBlank() ? alert.subjectId() : alert.subjectTitle());
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

    /** A factor's explanation without the label it starts with ({@code 声量：公众发帖 60 条} → {@code 公众发帖 60 条}), as the line names the factor already. */
    static String detail(String label, String explanation) {
        if (label == null || explanation == null) {
            return explanation;
        }
        for (String colon : new String[] {"：", ":"}) {
            if (explanation.startsWith(label + colon)) {
                return explanation.substring(label.length() + colon.length()).strip();
            }
        }
        return explanation;
    }
}
