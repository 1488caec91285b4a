package org.yqsentinel.report;

import java.util.Locale;
import org.yqsentinel.model.AlertEventType;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Tier;

/**
 * The Chinese words the brief and the export use for Sentinel's codes: channels, emotions, stances, alert events, account types, and
 * the alerting ledger's channels and statuses; and the colour of each tier. A value it does not know is shown as it is.
 */
public final class Labels {

    private Labels() {}

    public static String channel(Channel channel) {
        return switch (channel) {
            case WEIBO -> "微博";
            case NEWS -> "新闻网站";
            case WECHAT -> "微信公众号";
        };
    }

    public static String emotion(Emotion.Label label) {
        return switch (label) {
            case HAPPY -> "喜悦";
            case ANGRY -> "愤怒";
            case SAD -> "悲伤";
            case FEAR -> "恐惧";
            case SURPRISE -> "惊奇";
            case NEUTRAL -> "平静";
        };
    }

    public static String sentiment(Sentiment.Label label) {
        return switch (label) {
            case NEGATIVE -> "负面";
            case NEUTRAL -> "中性";
            case POSITIVE -> "正面";
        };
    }

    public static String event(AlertEventType type) {
        return switch (type) {
            case OPENED -> "启动预警";
            case ESCALATED -> "升级";
            case DEESCALATED -> "降级";
            case RESOLVED -> "解除";
        };
    }

    /** 政务, 媒体, 个人… with （认证） for a verified account; 未标明 when the platform does not say. */
    public static String account(String accountType, boolean verified) {
        String type = accountType == null ? "" : accountType.toLowerCase(Locale.ROOT);
        String label = switch (type) {
            case "government" -> "政务";
            case "media" -> "媒体";
            case "personal" -> "个人";
            case "enterprise" -> "企业";
            case "organization" -> "机构";
            case "" -> "未标明";
            default -> accountType;
        };
        return verified ? label + "（认证）" : label;
    }

    /** A notification channel of the alerting service ({@code email}, {@code sms}, {@code dingtalk}, {@code wecom}). */
    public static String deliveryChannel(String channel) {
        return switch (channel == null ? "" : channel.toLowerCase(Locale.ROOT)) {
            case "email" -> "邮件";
            case "sms" -> "短信";
            case "dingtalk" -> "钉钉机器人";
            case "wecom" -> "企业微信机器人";
            case "robot" -> "群机器人";
            default -> channel;
        };
    }

    /** A delivery's status in the alerting ledger. */
    public static String deliveryStatus(String status) {
        return switch (status == null ? "" : status.toUpperCase(Locale.ROOT)) {
            case "SENT" -> "已发送";
            case "PENDING" -> "待发送";
            case "SENDING" -> "发送中";
            case "FAILED" -> "发送失败";
            case "INHIBITED" -> "已被后续升级取代";
            case "SILENCED" -> "已静默";
            case "QUIET" -> "免打扰时段未发短信";
            case "IN_DOUBT" -> "结果不明";
            default -> status;
        };
    }

    /** The warning colour of a tier as a CSS colour, dark enough to read on white paper. */
    public static String colour(Tier tier) {
        return switch (tier) {
            case IV_BLUE -> "#1565c0";
            case III_YELLOW -> "#d4a000";
            case II_ORANGE -> "#ef6c00";
            case I_RED -> "#c62828";
        };
    }

    /** {@code Ⅱ级}: the numeral of a tier's label, for a chart's marker. */
    public static String shortTier(Tier tier) {
        return tier.label().substring(0, tier.label().indexOf('级') + 1);
    }
}
