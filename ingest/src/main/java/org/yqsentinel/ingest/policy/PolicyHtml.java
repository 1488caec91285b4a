package org.yqsentinel.ingest.policy;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yqsentinel.ingest.normalize.TextNormalizer;

/**
 * Brings a policy page's HTML into the text form the adapter reads: navigation, footers and forms
 * dropped, and the title elements marked as {@code # } headings.
 */
final class PolicyHtml {

    private static final String CHROME_TAGS = "script, style, noscript, nav, footer, form, iframe, button, select, input, textarea";
    /** Class or id names of page chrome: site-footer, breadcrumb, position (当前位置), share, print… */
    private static final Pattern CHROME_NAME = Pattern.compile(
            "(?i)([a-z]+[-_])?(footer|foot|nav|navbar|menu|breadcrumbs?|crumbs?|location|position|share|print|toolbar)");
    /** Class or id names of a title element: title, article-title, bt (标题)… but not title-bar or subtitle. */
    private static final Pattern TITLE_NAME = Pattern.compile("(?i)([a-z]+[-_])?(title|bt|biaoti)");
    private static final String BLOCKS = "div, p, table, tr, ul, ol, li, dl, h1, h2, h3, h4, h5, h6, section, article";

    private final TextNormalizer normalizer;

    PolicyHtml(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    String toText(String page) {
        Document document = Jsoup.parse(page);
        document.outputSettings().prettyPrint(false);
        Element body = document.body();
        body.select(CHROME_TAGS).remove();
        body.select("[class], [id]").stream().filter(e -> e != body && named(e, CHROME_NAME)).toList().forEach(Element::remove);
        body.select("h1, h2, div, p").stream().filter(this::isTitle).toList().forEach(e -> e.prependText("# "));
        return normalizer.fromHtml(body.html());
    }

    private boolean isTitle(Element element) {
        boolean titleElement = element.nameIs("h1") || element.nameIs("h2") || named(element, TITLE_NAME);
        return titleElement
                && element.select(BLOCKS).stream().allMatch(inner -> inner == element)
                && !element.text().isBlank()
                && !PolicyMetadata.hasKey(normalizer.plain(element.text()));
    }

    private static boolean named(Element element, Pattern names) {
        return names.matcher(element.id()).matches()
                || element.classNames().stream().anyMatch(name -> names.matcher(name).matches());
    }
}
