package org.yqsentinel.model;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of Sentinel's Kafka topics and Elasticsearch indices, under an optional prefix so that a
 * replay, a what-if run or a test class works in its own isolated set. The empty prefix gives the
 * names of DESIGN.md ({@code yq.raw.news}, {@code yq-items-2026.11}).
 */
public record Namespace(String prefix) implements Serializable {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*-|");

    public static final Namespace DEFAULT = new Namespace("");

    public Namespace {
        prefix = prefix == null ? "" : prefix;
        if (!VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("namespace '" + prefix + "' is not valid: use lower-case letters,"
                    + " digits, '_' and '-', ending in '-' (e.g. 'replay-2026-11-') or leave it empty");
        }
    }

    public String rawTopic(Channel channel) {
        return prefix + "yq.raw." + channel.id();
    }

    public String rawPolicyTopic() {
        return prefix + "yq.raw.policy";
    }

    public String deadLetterTopic() {
        return prefix + "yq.deadletter";
    }

    public String alertsTopic() {
        return prefix + "yq.alerts";
    }

    public String controlTopic() {
        return prefix + "yq.control";
    }

    /** Every topic of DESIGN.md, raw topics first. */
    public List<String> topics() {
        return List.of(rawTopic(Channel.NEWS), rawTopic(Channel.WEIBO), rawTopic(Channel.WECHAT), rawPolicyTopic(),
                deadLetterTopic(), alertsTopic(), controlTopic());
    }

    /** Monthly index of enriched items: {@code yq-items-2026.11}. */
    public String itemsIndex(YearMonth month) {
        return prefix + "yq-items-" + monthly(month);
    }

    /** Monthly index of risk scores: {@code yq-risk-2026.11}. */
    public String riskIndex(YearMonth month) {
        return prefix + "yq-risk-" + monthly(month);
    }

    /** The index (or, for monthly indices, the index family without the month) of a template name. */
    public String index(String baseName) {
        return prefix + baseName;
    }

    private static String monthly(YearMonth month) {
        return String.format("%04d.%02d", month.getYear(), month.getMonthValue());
    }
}
