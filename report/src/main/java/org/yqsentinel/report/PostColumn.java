package org.yqsentinel.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Emotion;
import org.yqsentinel.model.EnrichedItem;
import org.yqsentinel.model.PolicyLink;
import org.yqsentinel.model.Sentiment;
import org.yqsentinel.model.Zones;

/**
 * The columns of the case's posts in the export, in order: their Chinese header, the kind of value and how each is read
 * from a post. Both the CSV and the XLSX are written from these, so the two always have the same columns and values.
 * Titles and text are de-identified, and the names of private accounts cut ({@link Redaction}, as in the brief); scores
 * are rounded to three decimals.
 */
enum PostColumn {

    PUBLISHED_AT("发布时间", Kind.TIME, 20, (post, in) -> beijing(post.item().publishedAt())),
    CHANNEL("渠道", Kind.TEXT, 10, (post, in) -> Labels.channel(post.item().channel())),
    SOURCE("来源", Kind.TEXT, 16, (post, in) -> Redaction.outletName(post.item())),
    AUTHOR("作者", Kind.TEXT, 14, (post, in) -> Redaction.accountName(post.item().author())),
    FOLLOWERS("粉丝数", Kind.NUMBER, 11, (post, in) -> post.item().author() == null ? null : post.item().author().followerCount()),
    TITLE("标题", Kind.TEXT, 30, (post, in) -> in.deidentified(post.item().title())),
    TEXT("正文", Kind.TEXT, 80, (post, in) -> in.deidentified(post.item().text())),
    SENTIMENT("情感", Kind.TEXT, 6, (post, in) -> post.analysis().sentiment() == null ? null : Labels.sentiment(post.analysis().sentiment().label())),
    SENTIMENT_SCORE("情感分值", Kind.NUMBER, 9, (post, in) -> post.analysis().sentiment() == null ? null : score(post.analysis().sentiment().score())),
    EMOTION("情绪", Kind.TEXT, 6, (post, in) -> post.analysis().emotion() == null ? null : Labels.emotion(post.analysis().emotion().label())),
    EMOTION_SCORE("情绪分值", Kind.NUMBER, 9, (post, in) -> post.analysis().emotion() == null ? null : score(post.analysis().emotion().score())),
    LINK_EVIDENCE("关联依据", Kind.TEXT, 28, (post, in) -> evidence(in.linksToSubject(post))),
    LINK_CONFIDENCE("关联置信度", Kind.NUMBER, 11, (post, in) -> in.linksToSubject(post).stream()
            .map(link -> score(link.confidence())).max(Double::compare).orElse(null)),
    COPY_OF("转载自", Kind.TEXT, 22, (post, in) -> post.item().copyOf()),
    REPOST_OF("转发自", Kind.TEXT, 22, (post, in) -> post.item().repostOf()),
    INTERACTIONS("转评赞", Kind.NUMBER, 9, (post, in) -> post.item().engagement().interactions()),
    URL("链接", Kind.TEXT, 40, (post, in) -> post.item().url()),
    ID("条目ID", Kind.TEXT, 22, (post, in) -> post.item().id());

    /** What a cell holds: text (a {@code String}), a number (a {@code Long} or {@code Double}) or a Beijing time. */
    enum Kind { TEXT, NUMBER, TIME }

    /** What reading a post needs besides the post: the case's subject and the one redaction of the export. */
    record Reading(String subjectId, Redaction redaction) {

        /** Text with the personal data of private persons masked (phone and ID numbers, names…). */
        String deidentified(String text) {
            return redaction.deidentified(text);
        }

        List<PolicyLink> linksToSubject(EnrichedItem post) {
            return post.analysis().policyLinks().stream().filter(link -> subjectId.equals(link.policyId())).toList();
        }
    }

    @FunctionalInterface
    private interface Reader {
        Object read(EnrichedItem post, Reading in);
    }

    private static final Map<String, String> EVIDENCE = Map.of(
            "DOCUMENT_NUMBER", "文号", "TITLE", "标题", "SHORT_TITLE", "简称", "SUBJECT", "主题");

    final String header;
    final Kind kind;
    /** Width in the spreadsheet, in characters of the default font. */
    final double width;
    private final Reader reader;

    PostColumn(String header, Kind kind, double width, Reader reader) {
        this.header = header;
        this.kind = kind;
        this.width = width;
        this.reader = reader;
    }

    /** This column's value for the post: a String, Long, Double or LocalDateTime as its kind says, or null when empty. */
    Object valueOf(EnrichedItem post, Reading in) {
        Object value = reader.read(post, in);
        return value instanceof String text ? clean(text) : value;
    }

    /** The values of every column for the post, in column order. */
    static List<Object> row(EnrichedItem post, Reading in) {
        return Arrays.stream(values()).map(column -> column.valueOf(post, in)).toList();
    }

    /** What linked the post to the subject: {@code 文号: 江教发〔2026〕7号}, several joined by {@code ；}. */
    static String evidence(List<PolicyLink> links) {
        if (links.isEmpty()) {
            return null;
        }
        return links.stream()
                .map(link -> EVIDENCE.getOrDefault(link.evidence(), link.evidence()) + ": " + link.matched())
                .collect(Collectors.joining("；"));
    }

    /** Publish time as the desk reads it: Beijing time, to the second. */
    static LocalDateTime beijing(Instant at) {
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), Zones.BEIJING);
    }

    static double score(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** Line breaks as {@code \n}, as spreadsheet cells keep them; other control characters (tab aside) dropped. */
    static String clean(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
    }
}
