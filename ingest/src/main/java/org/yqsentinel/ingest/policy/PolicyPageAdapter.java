package org.yqsentinel.ingest.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yqsentinel.ingest.InvalidRecord;
import org.yqsentinel.ingest.RejectCode;
import org.yqsentinel.ingest.normalize.TextNormalizer;
import org.yqsentinel.ingest.policy.PolicyMetadata.Field;
import org.yqsentinel.model.Digests;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;

/**
 * Reads a crawled policy page (portal text with the metadata block above the document, a flattened page with the
 * title, 发布日期 and 文号 on lines of their own, or HTML) into a {@link PolicyDocument} with a stable id (文号, else
 * 索引号, else URL hash). The body starts at the addressee line (各地级以上市人民政府,…), leaving out masthead lines that
 * repeat the metadata and the portal's toolbar, and ends at the signature and date.
 */
public final class PolicyPageAdapter {

    public static final String NAME = "policy-page";

    private static final Pattern HTML = Pattern.compile("^[\\s\\uFEFF]*<");
    private static final Pattern HEADING_MARK = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");
    private static final Pattern SUBJECT_SEPARATORS = Pattern.compile("[\\s、，,；;]+");
    private static final int URL_HASH_HEX_DIGITS = 20;

    private final TextNormalizer normalizer;
    private final PolicyHtml html;

    public PolicyPageAdapter(TextNormalizer normalizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.html = new PolicyHtml(normalizer);
    }

    /**
     * @param page the crawled page: plain text with the portal's metadata block above the document, or HTML
     * @param url  where it was crawled; may be null
     * @throws InvalidRecord with a code and a reason a person can act on
     */
    public PolicyDocument adapt(String page, String url) {
        if (page == null || page.isBlank()) {
            throw new InvalidRecord(RejectCode.EMPTY, "empty page");
        }
        String text = HTML.matcher(page).lookingAt() ? html.toText(page) : normalizer.plain(page);
        List<String> lines = text.lines().map(line -> PageChrome.clean(BOLD.matcher(line).replaceAll("$1")))
                .filter(line -> !line.isEmpty()).toList();
        PolicyMetadata block = PolicyMetadata.read(lines);
        Masthead masthead = Masthead.read(lines, block);
        PolicyMetadata metadata = block.with(masthead.keyedLines);

        String number = metadata.value(Field.DOCUMENT_NUMBER) != null ? metadata.value(Field.DOCUMENT_NUMBER) : masthead.number;
        if (metadata.isEmpty() && number == null) {
            throw new InvalidRecord(RejectCode.NOT_A_POLICY_PAGE, "no policy metadata block (索引号, 发布机构, 文号, …) found");
        }
        String titleAsWritten = titleAsWritten(metadata, masthead, lines);
        if (titleAsWritten == null) {
            throw new InvalidRecord(RejectCode.MISSING_FIELD, "missing 名称/标题 (the document's title): no such field, page heading,"
                    + " or title line above the 发布日期/文号 lines");
        }
        Optional<DocumentNumber> parts = DocumentNumber.parse(number);
        String documentNumber = parts.map(DocumentNumber::canonical).orElse(number);
        String indexNumber = metadata.value(Field.INDEX_NUMBER);
        String pageUrl = url == null || url.isBlank() ? null : url.strip();
        return new PolicyDocument(
                id(parts.isPresent() ? documentNumber : null, indexNumber, pageUrl),
                documentNumber,
                parts.orElse(null),
                indexNumber,
                SPACE_BETWEEN_HAN.matcher(titleAsWritten).replaceAll(""),
                issuingOffice(metadata, masthead, titleAsWritten, parts.orElse(null)),
                metadata.date(Field.WRITTEN_ON),
                metadata.date(Field.PUBLISHED_ON),
                metadata.value(Field.CATEGORY),
                subjectWords(metadata.value(Field.SUBJECT_WORDS)),
                body(lines, masthead.bodyStart),
                pageUrl);
    }

    /**
     * 名称/标题 of the block, else the page's heading (the one above the document, else above the block), else the
     * title line of a flattened page, else a heading in the body.
     */
    private static String titleAsWritten(PolicyMetadata metadata, Masthead masthead, List<String> lines) {
        String title = metadata.value(Field.TITLE);
        if (title == null) {
            title = masthead.heading != null ? masthead.heading : masthead.headingBefore;
        }
        if (title == null) {
            title = masthead.titleLine;
        }
        for (int i = masthead.bodyStart; title == null && i < lines.size(); i++) {
            if (PolicyMetadata.isHeading(lines.get(i))) {
                title = Masthead.headingText(lines.get(i));
            }
        }
        return title;
    }

    /**
     * 发布机构 when the page has one; else the office line of the masthead; else the office a 公文 title starts with;
     * else a 来源 naming the office that issued the 文号. Null when none of these is there: a guess is worse than none.
     */
    private static String issuingOffice(PolicyMetadata metadata, Masthead masthead, String title, DocumentNumber number) {
        if (metadata.value(Field.ISSUING_OFFICE) != null) {
            return metadata.value(Field.ISSUING_OFFICE);
        }
        if (masthead.officeLine != null) {
            return masthead.officeLine;
        }
        String fromTitle = IssuingOffice.ofTitle(title);
        if (fromTitle != null) {
            return fromTitle;
        }
        String source = metadata.value(Field.SOURCE);
        return IssuingOffice.issued(source, number) ? source.strip() : null;
    }

    private static String id(String canonicalNumber, String indexNumber, String url) {
        if (canonicalNumber != null) {
            return canonicalNumber;
        }
        if (indexNumber != null) {
            return "idx:" + indexNumber;
        }
        if (url != null) {
            return "url:" + Digests.sha256Hex(url).substring(0, URL_HASH_HEX_DIGITS);
        }
        throw new InvalidRecord(RejectCode.NO_ID, "no 文号, 索引号 or URL to identify the document");
    }

    private String body(List<String> lines, int from) {
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(from, lines.size())) {
            if (!PolicyMetadata.isPageInfo(line)) {
                body.add(HEADING_MARK.matcher(line).replaceFirst(""));
            }
        }
        String text = normalizer.plain(String.join("\n", body));
        return text.isEmpty() ? null : text;
    }

    private static List<String> subjectWords(String value) {
        return value == null ? List.of()
                : Arrays.stream(SUBJECT_SEPARATORS.split(value)).filter(word -> !word.isEmpty()).toList();
    }
}
