package org.yqsentinel.ingest.normalize;

import com.hankcs.hanlp.HanLP;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns what crawlers captured into the text Sentinel reads: HTML to text with jsoup (entities
 * decoded, images replaced by their alt text so Weibo emoticons stay as {@code [怒]}, block
 * elements as line breaks), full-width ASCII to half-width, traditional to simplified Chinese,
 * whitespace collapsed, and a length cap that flags rather than refuses. Thread-safe.
 */
public final class TextNormalizer {

    /** Text longer than this is cut (and the item flagged); the longest real posts stay well below. */
    public static final int MAX_TEXT_CHARS = 20_000;

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "section", "article", "blockquote", "pre", "hr", "header", "footer", "dd", "dt");
    private static final Set<String> PREFORMATTED = Set.of("pre", "textarea");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\uFEFF]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern NEWLINES = Pattern.compile("\\n{2,}");

    /** Text that was cut to {@link #MAX_TEXT_CHARS}, or not. */
    public record Capped(String text, boolean truncated) {}

    /** HTML (a fragment or a page) to normalized text. */
    public String fromHtml(String html) {
        if (html == null) {
            return null;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.select("script, style, noscript").remove();
        StringBuilder text = new StringBuilder(html.length());
        // one pass over the tree, linear in its size however deep it nests: the visitor counts the
        // preformatted elements it is inside of instead of looking up each text node's ancestors
        document.body().traverse(new NodeVisitor() {
            private int preformatted;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    // line breaks in HTML source are spaces, except in preformatted text
                    String whole = textNode.getWholeText();
                    text.append(preformatted > 0 ? whole : whole.replace('\r', ' ').replace('\n', ' '));
                } else if (node instanceof Element element) {
                    if (PREFORMATTED.contains(element.normalName())) {
                        preformatted++;
                    }
                    if (element.nameIs("img")) {
                        text.append(element.attr("alt"));
                    } else if (BLOCKS.contains(element.normalName())) {
                        text.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (PREFORMATTED.contains(element.normalName())) {
                        preformatted--;
                    }
                    if (BLOCKS.contains(element.normalName()) && !element.nameIs("br")) {
                        text.append('\n');
                    }
                }
            }
        });
        return plain(text.toString());
    }

    /** Plain text to normalized text: full-width ASCII to half-width, simplified Chinese, whitespace collapsed. */
    public String plain(String text) {
        if (text == null) {
            return null;
        }
        String simplified = HanLP.convertToSimplifiedChinese(halfWidth(text));
        String collapsed = SPACES.matcher(simplified.replace("\r\n", "\n")).replaceAll(" ");
        collapsed = SPACE_AROUND_NEWLINE.matcher(collapsed).replaceAll("\n");
        return NEWLINES.matcher(collapsed).replaceAll("\n").strip();
    }

    /** Cuts text longer than {@link #MAX_TEXT_CHARS} at a code-point boundary. */
    public Capped cap(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return new Capped(text, false);
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
        return new Capped(text.substring(0, end), true);
    }

    /** Full-width forms of ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII counterparts. */
    static String halfWidth(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char mapped = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (mapped != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(mapped);
            }
        }
        return out == null ? text : out.toString();
    }
}
