package org.yqsentinel.rules.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.rules.risk.RiskRules;

/**
 * Which active policies a post is about, each with its evidence and a confidence:
 * <ol>
 *   <li>its 文号 in any written form (江教发〔2026〕18号, 江教发[2026]18号, 江教发（2026）第18号,
 *       江教发2026年18号 …): confidence 1;</li>
 *   <li>its title (0.95) or short title — the title without the issuing office, as posts quote it in
 *       《》 — (0.9);</li>
 *   <li>else enough of its most distinctive words (TF-IDF against the recent stream, {@link WordBackground}):
 *       confidence up to 0.85, in proportion to the share of their weight the post carries.</li>
 * </ol>
 * A post may link to several policies. Not thread-safe (it caches each policy's keywords): one per task.
 */
public final class PolicyLinker {

    /** How a link was found. */
    public enum Evidence { DOCUMENT_NUMBER, TITLE, SHORT_TITLE, KEYWORDS }

    /** A post's link to a policy: how it was found, what matched (the 文号, the title, or the shared words), and how sure it is. */
    public record Link(String policyId, Evidence evidence, String matched, double confidence) {}

    /** An active policy and the content words of its title and body, from the same segmentation as the posts. */
    public record Policy(PolicyDocument document, List<String> tokens) {
        public Policy {
            tokens = List.copyOf(tokens);
        }
    }

    static final double TITLE_CONFIDENCE = 0.95;
    static final double SHORT_TITLE_CONFIDENCE = 0.9;
    static final double KEYWORD_CONFIDENCE = 0.85;
    private static final int SHORTEST_TITLE = 6;

    /** A year and serial as 文号 write them, after the issuer code: 〔2026〕18号, [2026]第18号, 2026年18号. */
    private static final Pattern YEAR_AND_SERIAL = Pattern.compile(
            "(?:[〔\\[(（［【﹝]\\s*((?:19|20)\\d{2})\\s*[〕\\])）］】﹞]|((?:19|20)\\d{2})\\s*年)\\s*第?\\s*(\\d{1,5})\\s*号");

    private record Keywords(long version, Map<String, Double> weights) {}

    private final RiskRules.Linking rules;
    private final Map<String, Keywords> keywords = new HashMap<>();

    public PolicyLinker(RiskRules.Linking rules) {
        this.rules = rules;
    }

    /** The links of a post (title and text, and its content words) to the policies, most confident first. */
    public List<Link> link(String title, String text, Collection<String> tokens, Collection<Policy> policies,
                           WordBackground background) {
        String content = normalize((title == null ? "" : title) + "\n" + (text == null ? "" : text));
        List<DocumentNumber> numbers = numbersIn(content);
        Set<String> words = new HashSet<>(tokens);
        List<Link> links = new ArrayList<>();
        for (Policy policy : policies) {
            Link link = byNumber(policy.document(), numbers);
            if (link == null) {
                link = byTitle(policy.document(), content);
            }
            if (link == null) {
                link = byKeywords(policy, words, background);
            }
            if (link != null) {
                links.add(link);
            }
        }
        if (keywords.size() > policies.size()) {  // policies retired since: forget their keywords
            Set<String> active = new HashSet<>();
            policies.forEach(p -> active.add(p.document().id()));
            keywords.keySet().retainAll(active);
        }
        links.sort(Comparator.comparingDouble(Link::confidence).reversed().thenComparing(Link::policyId));
        return links;
    }

    /** The 文号 written in a text: each year-and-serial with the up to twelve characters before it as candidate issuer. */
    private static List<DocumentNumber> numbersIn(String content) {
        List<DocumentNumber> numbers = new ArrayList<>();
        Matcher m = YEAR_AND_SERIAL.matcher(content);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            int serial = Integer.parseInt(m.group(3));
            String before = content.substring(Math.max(0, m.start() - 12), m.start()).stripTrailing();
            numbers.add(new DocumentNumber(before, year, serial));
        }
        return numbers;
    }

    private static Link byNumber(PolicyDocument policy, List<DocumentNumber> numbers) {
        DocumentNumber own = policy.documentNumberParts();
        if (own == null) {
            return null;
        }
        for (DocumentNumber found : numbers) {
            if (found.year() == own.year() && found.serial() == own.serial() && found.issuerCode().endsWith(normalize(own.issuerCode()))) {
                return new Link(policy.id(), Evidence.DOCUMENT_NUMBER, own.canonical(), 1);
            }
        }
        return null;
    }

    private static Link byTitle(PolicyDocument policy, String content) {
        String title = normalize(policy.title());
        if (title.length() >= SHORTEST_TITLE && content.contains(title)) {
            return new Link(policy.id(), Evidence.TITLE, title, TITLE_CONFIDENCE);
        }
        for (String shortTitle : shortTitles(policy)) {
            if (content.contains(shortTitle)) {
                return new Link(policy.id(), Evidence.SHORT_TITLE, shortTitle, SHORT_TITLE_CONFIDENCE);
            }
        }
        return null;
    }

    /** The title without the issuing office in front, and from its 关于 on: 关于调整中小学课后服务收费标准的通知. */
    static List<String> shortTitles(PolicyDocument policy) {
        String title = normalize(policy.title());
        Set<String> shorter = new LinkedHashSet<>();
        String office = policy.issuingOffice() == null ? "" : normalize(policy.issuingOffice());
        if (!office.isEmpty() && title.startsWith(office)) {
            shorter.add(title.substring(office.length()));
        }
        int about = title.indexOf("关于");
        if (about > 0) {
            shorter.add(title.substring(about));
        }
        shorter.removeIf(s -> s.length() < SHORTEST_TITLE || s.equals(title));
        return List.copyOf(shorter);
    }

    private Link byKeywords(Policy policy, Set<String> words, WordBackground background) {
        Map<String, Double> weights = keywords(policy, background);
        double total = 0;
        double shared = 0;
        List<String> matched = new ArrayList<>();
        for (Map.Entry<String, Double> keyword : weights.entrySet()) {
            total += keyword.getValue();
            if (words.contains(keyword.getKey())) {
                shared += keyword.getValue();
                matched.add(keyword.getKey());
            }
        }
        double overlap = total == 0 ? 0 : shared / total;
        if (matched.size() < rules.minimumSharedKeywords() || overlap < rules.minimumKeywordOverlap()) {
            return null;
        }
        double confidence = Math.round(KEYWORD_CONFIDENCE * overlap * 1000) / 1000.0;
        return new Link(policy.document().id(), Evidence.KEYWORDS, String.join("、", matched), confidence);
    }

    /** The policy's most distinctive words by TF-IDF, recomputed when the background's weights have moved. */
    private Map<String, Double> keywords(Policy policy, WordBackground background) {
        Keywords cached = keywords.get(policy.document().id());
        if (cached != null && cached.version() == background.version()) {
            return cached.weights();
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (String token : policy.tokens()) {
            if (token.codePointCount(0, token.length()) >= 2) {
                frequency.merge(token, 1, Integer::sum);
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        frequency.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (1 + Math.log(e.getValue())) * background.idf(e.getKey())))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(rules.keywordsPerPolicy())
                .forEach(e -> weights.put(e.getKey(), e.getValue()));
        keywords.put(policy.document().id(), new Keywords(background.version(), weights));
        return weights;
    }

    /** Full-width letters and digits folded, whitespace removed: 文号 and titles are compared in this form. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
