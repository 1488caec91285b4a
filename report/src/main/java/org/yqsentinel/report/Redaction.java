package org.yqsentinel.report;

import java.util.Locale;
import java.util.Set;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Author;
import org.yqsentinel.model.Channel;
import org.yqsentinel.model.Item;

/**
 * What the analyst's documents (the brief and the export) show of the personal data in posts: text with private
 * persons' phone numbers, ID numbers, names and the like masked, and the names of private accounts cut to their first
 * character. Governments, media, enterprises and organizations speak in public and keep their names, as do accounts the
 * platform verified without saying their type.
 */
public final class Redaction {

    /** The account types of {@code Author} that are not a person. */
    private static final Set<String> INSTITUTIONS = Set.of("government", "media", "enterprise", "organization");

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

    /** True when the account is a private person's: not an institution's, and not verified when its type is unknown. */
    public static boolean isPrivate(Author author) {
        String type = author.accountType() == null ? "" : author.accountType().strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? !author.verified() : !INSTITUTIONS.contains(type);
    }

    /** Text with the personal data of private persons masked (phone and ID numbers, names…), as it is otherwise; null stays null. */
    public String deidentified(String text) {
        return text == null ? null : masker.mask(text).text();
    }

    static String maskName(String name) {
        int chars = name.codePointCount(0, name.length());
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(chars - 1);
    }
}
