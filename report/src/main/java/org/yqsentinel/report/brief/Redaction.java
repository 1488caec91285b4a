package org.yqsentinel.report.brief;

import java.util.Locale;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

/**
 * What a brief shows of the personal data in posts: text with private persons' phone numbers, ID numbers, names and
 * the like masked, and the names of private accounts cut to their first character. Governments, media and verified
 * accounts speak in public and keep their names.
 */
public final class Redaction {

    private final PersonalDataMasker masker;

    /** The masker is costly to build: one per brief, shared by everything the brief shows. */
    public Redaction(PersonalDataMasker masker) {
        this.masker = masker;
    }

    /** The text de-identified, its white space collapsed, and cut to {@code maxChars} characters with an ellipsis. */
    public String excerpt(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        // mask first: a cut could leave half a phone number the masker no longer recognizes
        String masked = masker.mask(text).text().replaceAll("\\s+", " ").strip();
        if (masked.codePointCount(0, masked.length()) <= maxChars) {
            return masked;
        }
        return masked.substring(0, masked.offsetByCodePoints(0, maxChars)) + "…";
    }

    /**
     * The account's name as a brief shows it: the first character and a {@code *} for each other one for a personal
     * account, and for an account of unknown type that is not verified; the name as it is otherwise. Null without an
     * author or a name.
     */
    public static String accountName(Author author) {
        if (author == null || author.name() == null || author.name().isBlank()) {
            return null;
        }
        String name = author.name().strip();
        return isPrivate(author) ? maskName(name) : name;
    }

    /**
     * Where the post appeared as a brief shows it: a news site as it is; on Weibo and WeChat the source is the posting
     * account, shown as {@link #accountName} shows it (cut when the account is unknown). Null when the post names none.
     */
    public static String outletName(Item item) {
        String source = item.source() == null || item.source().isBlank() ? null : item.source().strip();
        if (source == null || item.channel() == Channel.NEWS) {
            return source;
        }
        Author author = item.author();
        if (author == null) {
            return maskName(source);
        }
        boolean sameAccount = author.name() != null && author.name().strip().equals(source);
        return sameAccount && isPrivate(author) ? maskName(source) : source;
    }

    /** True when the account is a private person's. */
    public static boolean isPrivate(Author author) {
        String type = author.accountType() == null ? "" : author.accountType().toLowerCase(Locale.ROOT);
        return type.equals("personal") || (type.isEmpty() && !author.verified());
    }

    static String maskName(String name) {
        int chars = name.codePointCount(0, name.length());
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(chars - 1);
    }
}
