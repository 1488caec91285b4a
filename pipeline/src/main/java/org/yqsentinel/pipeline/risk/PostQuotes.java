package org.yqsentinel.pipeline.risk;

import java.util.function.Function;
import org.yqsentinel.enrich.privacy.PersonalDataMasker;
import org.yqsentinel.model.Item;
import org.yqsentinel.model.PostRef;

/**
 * Quotes a post in an alert or a case: its title and the start of its text, up to {@value #EXCERPT_CHARS}
 * characters, with the personal data of private persons masked (phone and ID numbers, names).
 */
public final class PostQuotes implements Function<Item, PostRef> {

    static final int EXCERPT_CHARS = 140;

    private final PersonalDataMasker masker = new PersonalDataMasker();

    @Override
    public PostRef apply(Item item) {
        String text = item.title() == null || item.title().isBlank() ? item.text()
                : item.text() == null ? item.title() : item.title() + "｜" + item.text();
        String excerpt = text == null ? null : masker.mask(text).text();
        if (excerpt != null && excerpt.codePointCount(0, excerpt.length()) > EXCERPT_CHARS) {
            excerpt = excerpt.substring(0, excerpt.offsetByCodePoints(0, EXCERPT_CHARS)) + "…";
        }
        return new PostRef(item.id(), item.channel(), item.source(), item.url(), item.publishedAt(), excerpt,
                item.engagement().interactions());
    }
}
