package org.yqsentinel.rules.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yqsentinel.model.DocumentNumber;
import org.yqsentinel.model.PolicyDocument;
import org.yqsentinel.model.Region;
import org.yqsentinel.rules.risk.RiskRules;
import org.yqsentinel.rules.risk.WatchedPolicy;
import org.yqsentinel.rules.topic.TopicRules;

/**
 * Which active policies a post is about, each with its evidence and a confidence:
 * <ol>
 *   <li>its 文号 in any written form (江教发〔2026〕18号, 江教发[2026]18号, 江教发（2026）第18号,
 *       江教发2026年18号 …): confidence 1;</li>
 *   <li>its title (0.95) or short title — the title without the issuing office, as posts quote it in
 *       《》 — (0.9);</li>
 *   <li>else its subject in the post's own words ({@link PolicySubject}: a word that names the subject and
 *       another that tells of it, 课后服务费又涨了): confidence up to 0.85, by how many of its words the post holds.</li>
 * </ol>
 * A post may link to several policies. Links depend only on the post, the policies, the rules and a fixed word
 * background, never on the posts seen before: the same at any parallelism and in every replay. Not thread-safe
 * (it keeps each policy's subject): one per task.
 */
public final class PolicyLinker {

    /** How a link was found. */
    public enum Evidence { DOCUMENT_NUMBER, TITLE, SHORT_TITLE, SUBJECT }

    /** A post's link to a policy: how it was found, what matched (the 文号, the title, or the words of the subject), and how sure it is. */
    public record Link(String policyId, Evidence evidence, String matched, double confidence) {}

    /**
     * A post as the linker reads it: its title (may be null) and text, and the provinces and cities it names by
     * the region table (none when it names none).
     */
    public record Post(String title, String text, List<Region> places) {
        public Post {
            places = places == null ? List.of() : List.copyOf(places);
        }
    }

    static final double TITLE_CONFIDENCE = 0.95;
    static final double SHORT_TITLE_CONFIDENCE = 0.9;
    static final double SUBJECT_CONFIDENCE = 0.85;
    private static final int SHORTEST_TITLE = 6;

    /** A year and serial as 文号 write them, after the issuer code: 〔2026〕18号, [2026]第18号, 2026年18号. */
    private static final Pattern YEAR_AND_SERIAL = Pattern.compile(
            "(?:[〔\\[(（［【﹝]\\s*((?:19|20)\\d{2})\\s*[〕\\])）］】﹞]|((?:19|20)\\d{2})\\s*年)\\s*第?\\s*(\\d{1,5})\\s*号");

    /** A policy's subject, kept while the policy stays the same. */
    private record Known(WatchedPolicy policy, PolicySubject subject) {}

    private final RiskRules.Linking rules;
    private final Map<String, TopicRules.Topic> topics = new HashMap<>();
    private final WordBackground background;
    private final Map<String, Known> subjects = new HashMap<>();

    /**
     * @param topics     the topic rules, whose words tie a policy's body to its title and confirm a post's subject
     * @param background the fixed background a policy's distinctive words are found against
     */
    public PolicyLinker(RiskRules.Linking rules, TopicRules topics, WordBackground background) {
        this.rules = rules;
        topics.topics().forEach(topic -> this.topics.put(topic.name(), topic));
        this.background = background;
    }

    /** The links of a post to the policies, most confident first. */
    public List<Link> link(Post post, Collection<WatchedPolicy> policies) {
        String content = normalize((post.title() == null ? "" : post.title()) + "\n" + (post.text() == null ? "" : post.text()));
        List<DocumentNumber> numbers = numbersIn(content);
        List<Link> links = new ArrayList<>();
        for (WatchedPolicy policy : policies) {
            Link link = byNumber(policy.document(), numbers);
            if (link == null) {
                link = byTitle(policy.document(), content);
            }
            if (link == null) {
                link = bySubject(subject(policy), content, post.places());
            }
            if (link != null) {
                links.add(link);
            }
        }
        if (subjects.size() > policies.size()) {  // policies retired since: forget their subjects
            Set<String> active = new HashSet<>();
            policies.forEach(p -> active.add(p.id()));
            subjects.keySet().retainAll(active);
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

    private Link bySubject(PolicySubject subject, String content, List<Region> places) {
        List<String> words = subject.evidence(content, places);
        if (words.isEmpty()) {
            return null;
        }
        double share = Math.min(1, words.size() / (double) rules.fullConfidenceWords());
        double confidence = Math.round(SUBJECT_CONFIDENCE * share * 1000) / 1000.0;
        return new Link(subject.policyId(), Evidence.SUBJECT, String.join("、", words), confidence);
    }

    /** The policy's subject, made again when a newer version of the policy replaced it. */
    PolicySubject subject(WatchedPolicy policy) {
        Known known = subjects.get(policy.id());
        if (known == null || known.policy() != policy && !known.policy().equals(policy)) {
            known = new Known(policy, PolicySubject.of(policy, policy.topic() == null ? null : topics.get(policy.topic()), background, rules));
            subjects.put(policy.id(), known);
        }
        return known.subject();
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
